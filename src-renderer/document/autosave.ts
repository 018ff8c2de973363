/**
 * Autosave: while the document has unsaved changes it is written to app storage (debounced),
 * and removed once saved or replaced; after a crash or reload the app offers it back.
 */
import {
  type GraphDocument,
  GraphDocumentSchema,
  parseGraphText,
  serializeGraph,
} from '../../src-shared/graph';
import type { DocumentFile, DocumentStore } from './documentStore';

export const AUTOSAVE_KEY = 'gradient-atlas.autosave.v1';

export interface AutosaveRecord {
  readonly savedAt: number;
  readonly file: DocumentFile;
  readonly text: string;
}

/** The minimal storage this needs (localStorage in the app, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function readAutosave(storage: KeyValueStorage): AutosaveRecord | null {
  try {
    const raw = storage.getItem(AUTOSAVE_KEY);
    if (!raw) return null;
    const record = JSON.parse(raw) as Partial<AutosaveRecord>;
    if (typeof record.text !== 'string' || typeof record.savedAt !== 'number') return null;
    const name = typeof record.file?.name === 'string' ? record.file.name : 'untitled.json';
    const path = typeof record.file?.path === 'string' ? record.file.path : null;
    return { savedAt: record.savedAt, file: { name, path }, text: record.text };
  } catch {
    return null;
  }
}

export function clearAutosave(storage: KeyValueStorage): void {
  try {
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage may be unavailable (private mode); autosave is a convenience.
  }
}

/**
 * The graph of an autosave. A work in progress may be incomplete (a block not wired yet), so a
 * graph that only fails the semantic checks is restored too; its problems show as usual.
 */
export function restoredGraph(record: AutosaveRecord): GraphDocument | null {
  const parsed = parseGraphText(record.text, { allowIncomplete: true });
  if (parsed.ok) return parsed.graph;
  try {
    const structural = GraphDocumentSchema.safeParse(JSON.parse(record.text));
    return structural.success ? structural.data : null;
  } catch {
    return null;
  }
}

/** Starts autosaving `store`; returns a function that stops it. */
export function startAutosave(
  store: DocumentStore,
  storage: KeyValueStorage,
  delayMs = 500,
  now: () => number = Date.now,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = store.getSnapshot();
  const write = (): void => {
    timer = null;
    const state = store.getSnapshot();
    if (!state.dirty) {
      clearAutosave(storage);
      return;
    }
    const record: AutosaveRecord = {
      savedAt: now(),
      file: state.file,
      text: serializeGraph(state.graph),
    };
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(record));
    } catch {
      // Quota exceeded or storage disabled: keep working without autosave.
    }
  };
  const unsubscribe = store.subscribe(() => {
    const state = store.getSnapshot();
    if (state.graph === last.graph && state.dirty === last.dirty) return;
    last = state;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  };
}
