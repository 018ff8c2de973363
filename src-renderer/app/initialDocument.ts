/**
 * The document the app starts with: on first launch an empty graph, whose canvas is the start
 * page (the gallery of examples); afterwards the quickstart example (an empty graph if missing).
 */
import { createDocumentStore, type DocumentStore } from '../../src-shared/editor/document-store';
import { emptyGraph, UNTITLED_FILE } from '../../src-shared/editor/empty-graph';
import { findExample } from '../document/examples';
import { openGraphFile } from '../document/openGraphFile';

export const START_EXAMPLE = 'quickstart';

/** localStorage key set once the start page has been shown. */
export const START_PAGE_SEEN = 'gradient-atlas:start-page-seen';

export function createStartupStore(storage?: Storage): DocumentStore {
  const store = createDocumentStore(emptyGraph(), UNTITLED_FILE);
  if (storage && storage.getItem(START_PAGE_SEEN) === null) {
    storage.setItem(START_PAGE_SEEN, '1');
    return store;
  }
  const example = findExample(START_EXAMPLE);
  if (example) openGraphFile(store, { name: example.fileName, path: null, text: example.text });
  return store;
}
