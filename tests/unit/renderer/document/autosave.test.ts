import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTOSAVE_KEY,
  readAutosave,
  restoredGraph,
  startAutosave,
} from '../../../../src-renderer/document/autosave';
import { createDocumentStore } from '../../../../src-renderer/document/documentStore';
import { serializeGraph } from '../../../../src-shared/graph';
import { memoryStorage, smallGraph } from '../fixtures';

const FILE = { name: 'small.json', path: '/files/small.json' };

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the document once per burst of edits, after the delay', () => {
    const storage = memoryStorage();
    const store = createDocumentStore(smallGraph(), FILE);
    const stop = startAutosave(store, storage, 500, () => 1234);
    store.execute({ type: 'rename', name: 'A' });
    store.execute({ type: 'rename', name: 'B' });
    vi.advanceTimersByTime(499);
    expect(storage.map.has(AUTOSAVE_KEY)).toBe(false);
    vi.advanceTimersByTime(1);
    const record = readAutosave(storage);
    expect(record).toEqual({
      savedAt: 1234,
      file: FILE,
      text: serializeGraph({ ...smallGraph(), name: 'B' }),
    });
    stop();
  });

  it('removes the autosave once the document is saved (clean again)', () => {
    const storage = memoryStorage();
    const store = createDocumentStore(smallGraph(), FILE);
    const stop = startAutosave(store, storage, 100);
    store.execute({ type: 'rename', name: 'A' });
    vi.advanceTimersByTime(100);
    expect(readAutosave(storage)).not.toBeNull();
    store.markSaved(FILE);
    vi.advanceTimersByTime(100);
    expect(readAutosave(storage)).toBeNull();
    stop();
  });

  it('selection changes alone write nothing; stopping flushes a pending write', () => {
    const storage = memoryStorage();
    const store = createDocumentStore(smallGraph(), FILE);
    const stop = startAutosave(store, storage, 100);
    store.select({ nodes: ['mlp'], edges: [] });
    vi.advanceTimersByTime(200);
    expect(storage.map.size).toBe(0);
    store.execute({ type: 'rename', name: 'A' });
    stop();
    expect(readAutosave(storage)?.text).toContain('"name": "A"');
  });

  it('reads nothing from a corrupt record', () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{not json');
    expect(readAutosave(storage)).toBeNull();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 'yesterday', text: 1 }));
    expect(readAutosave(storage)).toBeNull();
  });

  it('restores a work in progress that is not yet a valid graph', () => {
    const unfinished = smallGraph();
    unfinished.edges = [];
    const record = { savedAt: 1, file: FILE, text: serializeGraph(unfinished) };
    expect(restoredGraph(record)).toEqual(unfinished);
    expect(restoredGraph({ ...record, text: '{"format": 3}' })).toBeNull();
  });
});
