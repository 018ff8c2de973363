import type { GraphDocument } from '../../src-shared/graph';

/** A new, empty document. */
export function emptyGraph(name = 'Untitled'): GraphDocument {
  return { format: 'gradient-atlas/graph', version: 1, name, nodes: [], edges: [] };
}

export const UNTITLED_FILE = { name: 'untitled.json', path: null } as const;
