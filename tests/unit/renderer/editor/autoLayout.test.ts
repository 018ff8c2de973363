import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../../src-renderer/editor/autoLayout';
import { smallGraph } from '../fixtures';

const size = () => ({ width: 200, height: 80 });

describe('computeLayout', () => {
  it('lays the graph out left to right along the wires, on the grid', async () => {
    const graph = smallGraph();
    // Pile every block on one spot first: the layout must pull them apart.
    for (const node of graph.nodes) node.position = { x: 100, y: 100 };
    const positions = await computeLayout(graph, [], size);
    const x = (id: string) => positions[id]!.x;
    // data -> mlp -> train -> loss -> chart, and adam -> train.
    expect(x('data')).toBeLessThan(x('mlp'));
    expect(x('mlp')).toBeLessThan(x('train'));
    expect(x('adam')).toBeLessThan(x('train'));
    expect(x('train')).toBeLessThan(x('loss'));
    expect(x('loss')).toBeLessThan(x('chart'));
    // Blocks in one column do not overlap.
    const column = graph.nodes.filter((node) => x(node.id) === x('mlp'));
    const ys = column.map((node) => positions[node.id]!.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i += 1) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(80);
    for (const { x: px, y: py } of Object.values(positions)) {
      expect(px % 20).toBe(0);
      expect(py % 20).toBe(0);
    }
    // The layout starts where the blocks were.
    expect(Math.min(...Object.values(positions).map((p) => p.x))).toBe(100);
    expect(Math.min(...Object.values(positions).map((p) => p.y))).toBe(100);
  });

  it('moves only the chosen blocks', async () => {
    const graph = smallGraph();
    const positions = await computeLayout(graph, ['loss', 'chart'], size);
    expect(Object.keys(positions).sort()).toEqual(['chart', 'loss']);
    expect(positions.loss!.x).toBeLessThan(positions.chart!.x);
  });
});
