/**
 * Autosave for this tab, from the start (the restore offer may stay up a while), and the
 * records that tabs which are gone left behind, offered back.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import {
  type AutosaveRecord,
  migrateLegacyAutosave,
  restoredGraph,
  startAutosave,
} from './autosave';
import { holdTabLock, indexedDbAutosaveStore, orphanedAutosaves } from './autosaveStore';

export interface AutosaveOffer {
  /** Records of closed tabs, offered back. */
  readonly restore: readonly AutosaveRecord[];
  /** Loads a record as an unsaved document; false when it could not be read (then discarded). */
  readonly restoreRecord: (record: AutosaveRecord) => boolean;
  readonly discardRecord: (record: AutosaveRecord) => void;
}

export function useAutosave(store: DocumentStore): AutosaveOffer {
  const autosaves = useMemo(indexedDbAutosaveStore, []);
  /** This tab's autosave record: a new one per page load, held by a lock while the tab lives. */
  const tabId = useMemo(() => crypto.randomUUID(), []);
  const [restore, setRestore] = useState<readonly AutosaveRecord[]>([]);

  useEffect(() => {
    holdTabLock(tabId);
    let cancelled = false;
    void migrateLegacyAutosave(localStorage, autosaves)
      .then(() => orphanedAutosaves(autosaves))
      .then((records) => {
        if (!cancelled) setRestore(records);
      })
      .catch(() => {}); // no IndexedDB (private mode): nothing to offer
    const stop = startAutosave(store, autosaves, { id: tabId });
    return () => {
      cancelled = true;
      stop();
    };
  }, [autosaves, store, tabId]);

  const discardRecord = useCallback(
    (record: AutosaveRecord) => {
      void autosaves.delete(record.id).catch(() => {});
      setRestore((records) => records.filter((r) => r.id !== record.id));
    },
    [autosaves],
  );
  const restoreRecord = useCallback(
    (record: AutosaveRecord) => {
      const graph = restoredGraph(record);
      if (graph) store.load(graph, record.file, { dirty: true });
      // This tab's own autosave holds it from now on.
      discardRecord(record);
      return graph !== null;
    },
    [store, discardRecord],
  );
  return { restore, restoreRecord, discardRecord };
}
