import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resultsKey } from '../../../../src-renderer/sweep/sweepStore';
import { parseGraphText } from '../../../../src-shared/graph';

const example = () => {
  const parsed = parseGraphText(
    readFileSync(
      new URL('../../../../resources/examples/sweep-lr-momentum.json', import.meta.url),
      'utf8',
    ),
  );
  if (!parsed.ok) throw new Error('the example does not parse');
  return parsed.graph;
};

describe('resultsKey: which graph edits leave sweep results current', () => {
  it('ignores where blocks sit on the canvas', () => {
    const graph = example();
    const moved = {
      ...graph,
      nodes: graph.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: 7 } })),
    };
    expect(resultsKey(moved)).toBe(resultsKey(graph));
  });

  it('changes with a param, a wire or the sweep itself', () => {
    const graph = example();
    const base = resultsKey(graph);
    const [first, ...rest] = graph.nodes;
    const param = Object.keys(first!.params)[0]!;
    const edited = {
      ...graph,
      nodes: [{ ...first!, params: { ...first!.params, [param]: 12345 } }, ...rest],
    };
    expect(resultsKey(edited)).not.toBe(base);
    expect(resultsKey({ ...graph, edges: graph.edges.slice(1) })).not.toBe(base);
    expect(resultsKey({ ...graph, sweep: { ...graph.sweep!, seed: 99 } })).not.toBe(base);
  });
});
