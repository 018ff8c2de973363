/** The document the app starts with: the quickstart example, or an empty graph if it is missing. */
import { createDocumentStore, type DocumentStore } from '../document/documentStore';
import { emptyGraph, UNTITLED_FILE } from '../document/emptyGraph';
import { findExample } from '../document/examples';
import { openGraphFile } from '../document/openGraphFile';

export const START_EXAMPLE = 'quickstart';

export function createStartupStore(): DocumentStore {
  const store = createDocumentStore(emptyGraph(), UNTITLED_FILE);
  const example = findExample(START_EXAMPLE);
  if (example) openGraphFile(store, { name: example.fileName, path: null, text: example.text });
  return store;
}
