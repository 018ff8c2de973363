/**
 * Where autosaves live: IndexedDB, one record per tab (a page load), written with strict
 * durability so a record survives the browser process being killed right after. A memory
 * implementation stands in for tests. Which records belong to tabs still open is told by
 * Web Locks: each tab holds a lock named after its record while it lives, and the browser
 * releases it when the tab or the whole process goes, so a crashed tab's record is offered.
 */
import type { DocumentFile } from '../../src-shared/editor/document-store';

export interface AutosaveRecord {
  /** The tab (page load) that wrote it. */
  readonly id: string;
  readonly savedAt: number;
  readonly file: DocumentFile;
  readonly text: string;
}

export interface AutosaveStore {
  put(record: AutosaveRecord): Promise<void>;
  delete(id: string): Promise<void>;
  list(): Promise<AutosaveRecord[]>;
}

const DB_NAME = 'gradient-atlas';
const STORE = 'autosaves';

/** A record as read back: anything malformed is skipped, never trusted. */
export function readRecord(value: unknown): AutosaveRecord | null {
  const r = value as Partial<AutosaveRecord> | null;
  if (!r || typeof r.id !== 'string' || typeof r.text !== 'string') return null;
  if (typeof r.savedAt !== 'number') return null;
  const name = typeof r.file?.name === 'string' ? r.file.name : 'untitled.json';
  const path = typeof r.file?.path === 'string' ? r.file.path : null;
  return { id: r.id, savedAt: r.savedAt, file: { name, path }, text: r.text };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function indexedDbAutosaveStore(factory: IDBFactory = indexedDB): AutosaveStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return opened;
  };
  /** Runs `work` in a strict-durability transaction and resolves once it has committed. */
  const write = async (work: (store: IDBObjectStore) => void): Promise<void> => {
    const tx = (await db()).transaction(STORE, 'readwrite', { durability: 'strict' });
    work(tx.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  return {
    put: (record) => write((store) => store.put(record)),
    delete: (id) => write((store) => store.delete(id)),
    async list() {
      const tx = (await db()).transaction(STORE, 'readonly');
      const all = await request(tx.objectStore(STORE).getAll());
      return all.flatMap((value) => readRecord(value) ?? []);
    },
  };
}

export function memoryAutosaveStore(): AutosaveStore & { map: Map<string, AutosaveRecord> } {
  const map = new Map<string, AutosaveRecord>();
  return {
    map,
    put: async (record) => void map.set(record.id, record),
    delete: async (id) => void map.delete(id),
    list: async () => [...map.values()],
  };
}

const LOCK_PREFIX = 'gradient-atlas.tab.';

/** Holds this tab's lock for as long as the tab lives (no Web Locks: nothing to hold). */
export function holdTabLock(id: string): void {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  void navigator.locks.request(`${LOCK_PREFIX}${id}`, () => new Promise<void>(() => {}));
}

/** Ids of the tabs open now (their locks are held). */
export async function liveTabIds(): Promise<Set<string>> {
  if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
  const { held = [] } = await navigator.locks.query();
  return new Set(
    held.flatMap((lock) =>
      lock.name?.startsWith(LOCK_PREFIX) ? [lock.name.slice(LOCK_PREFIX.length)] : [],
    ),
  );
}

/** Autosaves left by tabs that are gone (closed, reloaded or crashed), newest first. */
export async function orphanedAutosaves(
  store: AutosaveStore,
  live: Promise<Set<string>> = liveTabIds(),
): Promise<AutosaveRecord[]> {
  const [records, open] = await Promise.all([store.list(), live]);
  return records.filter((r) => !open.has(r.id)).sort((a, b) => b.savedAt - a.savedAt);
}
