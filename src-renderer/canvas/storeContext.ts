/** The open document's store, for canvas nodes that edit it (frame titles, note text). */
import { createContext, useContext } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';

export const StoreContext = createContext<DocumentStore | null>(null);

export function useStore(): DocumentStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('canvas nodes need a StoreContext provider');
  return store;
}
