import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDocument } from '../graph';

/** A new, empty document. */
export function emptyGraph(name = 'Untitled'): GraphDocument {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes: [], edges: [] };
}

export const UNTITLED_FILE = { name: 'untitled.json', path: null } as const;
