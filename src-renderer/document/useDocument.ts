import { useSyncExternalStore } from 'react';
import type { DocumentState, DocumentStore } from '../../src-shared/editor/document-store';

/** Subscribes a component to the document store. */
export function useDocument(store: DocumentStore): DocumentState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
