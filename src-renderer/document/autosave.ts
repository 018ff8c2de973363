/**
 * Autosave: while the document has unsaved changes it is written to this tab's record in
 * IndexedDB, and the record is removed once the document is saved or replaced by a clean one.
 * Writes are debounced briefly (a burst of edits is one write) but never wait long, and are
 * done at once when the page is hidden or unloads. After a crash or a reload the app offers
 * every orphaned record back (see autosaveStore.ts), while this tab autosaves its own.
 */

import type { DocumentStore } from '../../src-shared/editor/document-store';
import {
  type GraphDocument,
  GraphDocumentSchema,
  parseGraphText,
  serializeGraph,
} from '../../src-shared/graph';
import type { AutosaveRecord, AutosaveStore } from './autosaveStore';

export type { AutosaveRecord, AutosaveStore } from './autosaveStore';

/** The old single-record key (localStorage); read once and moved into IndexedDB. */
export const LEGACY_AUTOSAVE_KEY = 'gradient-atlas.autosave.v1';

/** The minimal storage the legacy record and the recent list use (localStorage in the app). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Moves a legacy localStorage autosave into the store as an orphaned record. */
export async function migrateLegacyAutosave(
  storage: KeyValueStorage,
  store: AutosaveStore,
): Promise<void> {
  try {
    const raw = storage.getItem(LEGACY_AUTOSAVE_KEY);
    if (!raw) return;
    const record = JSON.parse(raw) as Partial<AutosaveRecord>;
    if (typeof record.text === 'string' && typeof record.savedAt === 'number') {
      await store.put({
        id: 'legacy',
        savedAt: record.savedAt,
        file: {
          name: typeof record.file?.name === 'string' ? record.file.name : 'untitled.json',
          path: typeof record.file?.path === 'string' ? record.file.path : null,
        },
        text: record.text,
      });
    }
  } catch {
    // A corrupt legacy record is dropped; autosave is a convenience.
  }
  try {
    storage.removeItem(LEGACY_AUTOSAVE_KEY);
  } catch {
    // storage unavailable
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

export interface AutosaveOptions {
  /** This tab's record id. */
  readonly id: string;
  /** Quiet time that ends a burst of edits. */
  readonly delayMs?: number;
  /** A burst never holds a write back longer than this. */
  readonly maxWaitMs?: number;
  readonly now?: () => number;
  /** Where page-lifecycle events come from (window and document in the app). */
  readonly lifecycle?: {
    readonly window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
    readonly document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
      readonly visibilityState: string;
    };
  };
}

/** Starts autosaving `documents` into `store`; returns a function that stops it (flushing). */
export function startAutosave(
  documents: DocumentStore,
  store: AutosaveStore,
  options: AutosaveOptions,
): () => void {
  const delay = options.delayMs ?? 100;
  const maxWait = options.maxWaitMs ?? 1000;
  const now = options.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt: number | null = null;
  let last = documents.getSnapshot();
  let written = false;
  // Writes go one after another, in order, so an older one never lands after a newer one.
  let chain: Promise<void> = Promise.resolve();

  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    firstPendingAt = null;
    const state = documents.getSnapshot();
    const task = state.dirty
      ? store.put({
          id: options.id,
          savedAt: now(),
          file: state.file,
          text: serializeGraph(state.graph),
        })
      : written
        ? store.delete(options.id)
        : null;
    if (state.dirty) written = true;
    if (!task) return;
    chain = chain.then(
      () => task,
      () => task,
    );
    // Quota exceeded or storage disabled: keep working without autosave.
    chain.catch(() => {});
  };

  const schedule = (): void => {
    const at = now();
    firstPendingAt ??= at;
    if (timer !== null) clearTimeout(timer);
    const wait = Math.max(0, Math.min(delay, firstPendingAt + maxWait - at));
    timer = setTimeout(flush, wait);
  };

  const unsubscribe = documents.subscribe(() => {
    const state = documents.getSnapshot();
    if (state.graph === last.graph && state.dirty === last.dirty) return;
    last = state;
    schedule();
  });

  // Leaving the page (hidden, closed, reloaded, navigated): write now, not after the delay.
  const lifecycle =
    options.lifecycle ??
    (typeof window === 'undefined' ? null : { window, document: globalThis.document });
  const onHidden = () => {
    if (lifecycle?.document.visibilityState === 'hidden' && timer !== null) flush();
  };
  const onLeave = () => {
    if (timer !== null) flush();
  };
  lifecycle?.document.addEventListener('visibilitychange', onHidden);
  lifecycle?.window.addEventListener('pagehide', onLeave);
  lifecycle?.window.addEventListener('beforeunload', onLeave);

  return () => {
    unsubscribe();
    lifecycle?.document.removeEventListener('visibilitychange', onHidden);
    lifecycle?.window.removeEventListener('pagehide', onLeave);
    lifecycle?.window.removeEventListener('beforeunload', onLeave);
    if (timer !== null) flush();
  };
}
