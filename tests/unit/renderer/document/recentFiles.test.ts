import { describe, expect, it } from 'vitest';
import {
  MAX_RECENT,
  MAX_RECENT_TEXT,
  RECENT_KEY,
  readRecent,
  rememberRecent,
} from '../../../../src-renderer/document/recentFiles';
import { memoryStorage } from '../fixtures';

const file = (name: string, openedAt = 1) => ({ name, path: `/g/${name}`, text: '{}', openedAt });

describe('recent files', () => {
  it('keeps the newest first, one entry per file, at most MAX_RECENT', () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_RECENT + 3; i += 1) rememberRecent(storage, file(`g${i}.json`, i));
    rememberRecent(storage, file('g5.json', 100));
    const names = readRecent(storage).map((entry) => entry.name);
    expect(names).toHaveLength(MAX_RECENT);
    expect(names[0]).toBe('g5.json');
    expect(names.filter((name) => name === 'g5.json')).toHaveLength(1);
    expect(names[1]).toBe(`g${MAX_RECENT + 2}.json`);
  });

  it('skips a graph too large to keep, and survives a corrupt list', () => {
    const storage = memoryStorage();
    rememberRecent(storage, { ...file('big.json'), text: 'x'.repeat(MAX_RECENT_TEXT + 1) });
    expect(readRecent(storage)).toEqual([]);
    storage.setItem(RECENT_KEY, '{oops');
    expect(readRecent(storage)).toEqual([]);
    storage.setItem(RECENT_KEY, JSON.stringify([file('ok.json'), { name: 3 }]));
    expect(readRecent(storage).map((entry) => entry.name)).toEqual(['ok.json']);
  });
});
