/** Small raw graph documents for the graph tests (plain JSON, as a file would hold). */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RawNode {
  id: string;
  type: string;
  params: Record<string, Json>;
  position: { x: number; y: number };
}

export interface RawEdge {
  id: string;
  from: { node: string; port: string };
  to: { node: string; port: string };
}

export interface RawGraph {
  format: string;
  version: number;
  name: string;
  nodes: RawNode[];
  edges: RawEdge[];
  [key: string]: Json | RawNode[] | RawEdge[];
}

export const node = (id: string, type: string, params: Record<string, Json> = {}): RawNode => ({
  id,
  type,
  params,
  position: { x: 0, y: 0 },
});

export const edge = (
  id: string,
  from: string,
  fromPort: string,
  to: string,
  toPort: string,
): RawEdge => ({ id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });

export const graph = (nodes: RawNode[], edges: RawEdge[]): RawGraph => ({
  format: 'gradient-atlas/graph',
  version: 1,
  name: 'Test',
  nodes,
  edges,
});

/**
 * moons -> mlp -> train <- sgd, train -> loss -> chart. Indices:
 * nodes 0 data, 1 mlp, 2 sgd, 3 train, 4 loss, 5 chart; edges e1..e5 at 0..4.
 */
export function dataGraph(): RawGraph {
  return graph(
    [
      node('data', 'dataset.moons'),
      node('mlp', 'model.mlp'),
      node('sgd', 'optimizer.sgd'),
      node('train', 'train'),
      node('loss', 'metric.loss'),
      node('chart', 'view.chart'),
    ],
    [
      edge('e1', 'data', 'dataset', 'train', 'dataset'),
      edge('e2', 'mlp', 'model', 'train', 'model'),
      edge('e3', 'sgd', 'optimizer', 'train', 'optimizer'),
      edge('e4', 'train', 'run', 'loss', 'run'),
      edge('e5', 'loss', 'series', 'chart', 'series'),
    ],
  );
}

/** surface -> train <- adam. Indices: nodes 0 surface, 1 adam, 2 train; edges 0, 1. */
export function surfaceGraph(): RawGraph {
  return graph(
    [node('surface', 'model.surface'), node('adam', 'optimizer.adam'), node('train', 'train')],
    [
      edge('e1', 'surface', 'model', 'train', 'model'),
      edge('e2', 'adam', 'optimizer', 'train', 'optimizer'),
    ],
  );
}
