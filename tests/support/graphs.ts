/** Graph documents for tests, built from the catalog: a node at its defaults, an edge. */
import { defaultParams } from '../../src-shared/graph';

/** A node of `type` with the catalog's defaults, overridden by `params`. */
export function blockNode(
  id: string,
  type: string,
  params: Record<string, unknown> = {},
  position = { x: 0, y: 0 },
) {
  return { id, type, params: { ...defaultParams(type), ...params }, position };
}

export function edge(id: string, from: string, fromPort: string, to: string, toPort: string) {
  return { id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } };
}
