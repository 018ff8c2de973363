/** A small valid graph built from the catalog: spiral -> MLP -> train <- Adam -> loss -> chart. */
import type { GraphDocument } from '../../../src-shared/graph';
import { blockNode, edge } from '../../support/graphs';

export { edge };

export function node(id: string, type: string, x = 0, y = 0) {
  return blockNode(id, type, {}, { x, y });
}

export function smallGraph(): GraphDocument {
  return {
    format: 'gradient-atlas/graph',
    version: 2,
    name: 'Small',
    nodes: [
      node('data', 'dataset.spiral', 0, 0),
      node('mlp', 'model.mlp', 300, 0),
      node('adam', 'optimizer.adam', 300, 200),
      node('train', 'train', 600, 100),
      node('loss', 'metric.loss', 900, 100),
      node('chart', 'view.chart', 1200, 100),
    ],
    edges: [
      edge('e1', 'data', 'dataset', 'mlp', 'dataset'),
      edge('e2', 'data', 'dataset', 'train', 'dataset'),
      edge('e3', 'mlp', 'model', 'train', 'model'),
      edge('e4', 'adam', 'optimizer', 'train', 'optimizer'),
      edge('e5', 'train', 'run', 'loss', 'run'),
      edge('e6', 'loss', 'series', 'chart', 'series'),
    ],
  };
}

/** A localStorage stand-in for Node tests (`map` shows what was stored). */
export function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}
