/** Fresh, readable ids for new blocks and wires (`adam`, `adam-2`, `e7`). */
import type { GraphDocument } from '../graph';

/** `optimizer.adam` -> `adam`; `train` -> `train`; kept within the id alphabet. */
export function idBase(type: string): string {
  const last = type.slice(type.lastIndexOf('.') + 1);
  const cleaned = last.replace(/[^A-Za-z0-9_]/g, '').slice(0, 40);
  return cleaned === '' ? 'block' : cleaned.charAt(0).toLowerCase() + cleaned.slice(1);
}

/** An id based on `base` that is not in `taken`; the chosen id is added to `taken`. */
export function freshId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** A fresh wire id (`e1`, `e2`, …) not in `taken`; the chosen id is added to `taken`. */
export function freshEdgeId(taken: Set<string>): string {
  let n = taken.size + 1;
  while (taken.has(`e${n}`)) n += 1;
  const id = `e${n}`;
  taken.add(id);
  return id;
}

export function nodeIds(graph: GraphDocument): Set<string> {
  return new Set(graph.nodes.map((node) => node.id));
}

export function edgeIds(graph: GraphDocument): Set<string> {
  return new Set(graph.edges.map((edge) => edge.id));
}
