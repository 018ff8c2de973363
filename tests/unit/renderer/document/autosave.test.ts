import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LEGACY_AUTOSAVE_KEY,
  migrateLegacyAutosave,
  restoredGraph,
  startAutosave,
} from '../../../../src-renderer/document/autosave';
import {
  memoryAutosaveStore,
  orphanedAutosaves,
  readRecord,
} from '../../../../src-renderer/document/autosaveStore';
import { createDocumentStore } from '../../../../src-shared/editor/document-store';
import { serializeGraph } from '../../../../src-shared/graph';
import { memoryStorage, smallGraph } from '../fixtures';

const FILE = { name: 'small.json', path: '/files/small.json' };

/** Page-lifecycle events on plain EventTargets. */
function lifecycle() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return {
    targets: { window: win, document: doc },
    hide() {
      doc.visibilityState = 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    fire: (type: string) => win.dispatchEvent(new Event(type)),
  };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a burst of edits once, after a short quiet time, to this tab’s record', async () => {
    const saves = memoryAutosaveStore();
    const store = createDocumentStore(smallGraph(), FILE);
    const stop = startAutosave(store, saves, { id: 'tab-1', delayMs: 100, now: () => 1234 });
    store.execute({ type: 'rename', name: 'A' });
    vi.advanceTimersByTime(60);
    store.execute({ type: 'rename', name: 'B' });
    vi.advanceTimersByTime(99);
    await vi.runAllTicks();
    expect(saves.map.size).toBe(0);
    vi.advanceTimersByTime(1);
    await Promise.resolve();
    expect(saves.map.get('tab-1')).toEqual({
      id: 'tab-1',
      savedAt: 1234,
      file: FILE,
      text: serializeGraph({ ...smallGraph(), name: 'B' }),
    });
    stop();
  });

  it('a stream of edits is written at least every maxWait', async () => {
    const saves = memoryAutosaveStore();
    const store = createDocumentStore(smallGraph(), FILE);
    let time = 0;
    const stop = startAutosave(store, saves, {
      id: 't',
      delayMs: 100,
      maxWaitMs: 300,
      now: () => time,
    });
    for (let i = 0; i < 5; i++) {
      store.execute({ type: 'rename', name: `N${i}` });
      time += 80;
      vi.advanceTimersByTime(80); // never 100 ms quiet
    }
    await Promise.resolve();
    expect(saves.map.get('t')?.text).toContain('"name": "N3"');
    stop();
  });

  it('writes at once when the page is hidden, hidden away or unloaded', async () => {
    for (const leave of ['visibilitychange', 'pagehide', 'beforeunload']) {
      const saves = memoryAutosaveStore();
      const store = createDocumentStore(smallGraph(), FILE);
      const page = lifecycle();
      const stop = startAutosave(store, saves, {
        id: 't',
        delayMs: 10_000,
        lifecycle: page.targets,
      });
      store.execute({ type: 'rename', name: leave });
      if (leave === 'visibilitychange') page.hide();
      else page.fire(leave);
      await Promise.resolve();
      expect(saves.map.get('t')?.text, leave).toContain(`"name": "${leave}"`);
      stop();
    }
  });

  it('removes its record once the document is saved (clean again), and only its own', async () => {
    const saves = memoryAutosaveStore();
    await saves.put({ id: 'other-tab', savedAt: 1, file: FILE, text: '{}' });
    const store = createDocumentStore(smallGraph(), FILE);
    const stop = startAutosave(store, saves, { id: 'mine', delayMs: 100 });
    store.execute({ type: 'rename', name: 'A' });
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    expect([...saves.map.keys()].sort()).toEqual(['mine', 'other-tab']);
    store.markSaved(FILE);
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    await Promise.resolve();
    expect([...saves.map.keys()]).toEqual(['other-tab']);
    stop();
  });

  it('selection changes alone write nothing; stopping flushes a pending write', async () => {
    const saves = memoryAutosaveStore();
    const store = createDocumentStore(smallGraph(), FILE);
    const stop = startAutosave(store, saves, { id: 't', delayMs: 100 });
    store.select({ nodes: ['mlp'], edges: [] });
    vi.advanceTimersByTime(200);
    expect(saves.map.size).toBe(0);
    store.execute({ type: 'rename', name: 'A' });
    stop();
    await Promise.resolve();
    expect(saves.map.get('t')?.text).toContain('"name": "A"');
  });

  it('offers the records of tabs that are gone, newest first, never a live tab’s', async () => {
    const saves = memoryAutosaveStore();
    await saves.put({ id: 'crashed', savedAt: 5, file: FILE, text: 'a' });
    await saves.put({ id: 'open-elsewhere', savedAt: 9, file: FILE, text: 'b' });
    await saves.put({ id: 'closed', savedAt: 7, file: FILE, text: 'c' });
    const offered = await orphanedAutosaves(saves, Promise.resolve(new Set(['open-elsewhere'])));
    expect(offered.map((r) => r.id)).toEqual(['closed', 'crashed']);
  });

  it('moves the old localStorage record into the store once', async () => {
    const storage = memoryStorage();
    const saves = memoryAutosaveStore();
    storage.setItem(LEGACY_AUTOSAVE_KEY, JSON.stringify({ savedAt: 3, file: FILE, text: 'x' }));
    await migrateLegacyAutosave(storage, saves);
    expect(saves.map.get('legacy')).toEqual({ id: 'legacy', savedAt: 3, file: FILE, text: 'x' });
    expect(storage.map.has(LEGACY_AUTOSAVE_KEY)).toBe(false);
    storage.setItem(LEGACY_AUTOSAVE_KEY, '{not json');
    await migrateLegacyAutosave(storage, memoryAutosaveStore());
    expect(storage.map.has(LEGACY_AUTOSAVE_KEY)).toBe(false);
  });

  it('reads nothing from a corrupt record', () => {
    expect(readRecord(null)).toBeNull();
    expect(readRecord({ id: 'a', savedAt: 'yesterday', text: 1 })).toBeNull();
    expect(readRecord({ id: 'a', savedAt: 1, text: 't' })).toEqual({
      id: 'a',
      savedAt: 1,
      file: { name: 'untitled.json', path: null },
      text: 't',
    });
  });

  it('restores a work in progress that is not yet a valid graph', () => {
    const unfinished = smallGraph();
    unfinished.edges = [];
    const record = { id: 't', savedAt: 1, file: FILE, text: serializeGraph(unfinished) };
    expect(restoredGraph(record)).toEqual(unfinished);
    expect(restoredGraph({ ...record, text: '{"format": 3}' })).toBeNull();
  });
});
