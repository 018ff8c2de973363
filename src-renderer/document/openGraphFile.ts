/**
 * Opening a graph file: the document is replaced only when the text parses into a graph;
 * otherwise the store records why, and the open document stays exactly as it was.
 */
import { parseGraphText } from '../../src-shared/graph';
import type { DocumentStore } from './documentStore';

export interface GraphFileText {
  readonly name: string;
  readonly path: string | null;
  readonly text: string;
}

/** Returns true when the file replaced the document. */
export function openGraphFile(store: DocumentStore, file: GraphFileText): boolean {
  const result = parseGraphText(file.text);
  if (!result.ok) {
    store.refuse(file.name, result.problems);
    return false;
  }
  store.load(result.graph, { name: file.name, path: file.path });
  return true;
}

/** Records a file that could not even be read (too big, unreadable) as refused. */
export function refuseUnreadable(store: DocumentStore, name: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  store.refuse(name, [{ path: '(file)', message }]);
}
