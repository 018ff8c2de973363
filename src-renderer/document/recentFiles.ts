/**
 * Open Recent: the last graphs opened or saved, newest first, kept in app storage. A browser
 * cannot reopen a file by its path, so each entry keeps the text it had (small graphs only).
 */
import type { KeyValueStorage } from './autosave';

export const RECENT_KEY = 'gradient-atlas.recent.v1';
export const MAX_RECENT = 8;
/** Larger graphs are listed by name only when storage would not hold them. */
export const MAX_RECENT_TEXT = 512 * 1024;

export interface RecentFile {
  readonly name: string;
  readonly path: string | null;
  readonly text: string;
  readonly openedAt: number;
}

function isRecent(value: unknown): value is RecentFile {
  const entry = value as Partial<RecentFile> | null;
  return (
    typeof entry?.name === 'string' &&
    (entry.path === null || typeof entry.path === 'string') &&
    typeof entry.text === 'string' &&
    typeof entry.openedAt === 'number'
  );
}

export function readRecent(storage: KeyValueStorage): RecentFile[] {
  try {
    const list: unknown = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter(isRecent).slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** Puts a file at the top of the list (replacing an older entry of the same name and path). */
export function rememberRecent(storage: KeyValueStorage, file: RecentFile): RecentFile[] {
  if (file.text.length > MAX_RECENT_TEXT) return readRecent(storage);
  const same = (entry: RecentFile) => entry.name === file.name && entry.path === file.path;
  const list = [file, ...readRecent(storage).filter((entry) => !same(entry))].slice(0, MAX_RECENT);
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list is a convenience.
  }
  return list;
}
