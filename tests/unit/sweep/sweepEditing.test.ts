/** Editing a sweep in the app: the setSweep command and the axis "Sweep this param" adds. */
import { describe, expect, it } from 'vitest';
import { axisFor, withAxis } from '../../../src-renderer/sweep/sweepAxis';
import { applyCommand } from '../../../src-shared/editor/commands';
import { getBlock, type NumberParam, parseGraph } from '../../../src-shared/graph/index';
import { dataGraph } from '../graph/graphs';

const graph = () => {
  const result = parseGraph(dataGraph());
  if (!result.ok) throw new Error('invalid');
  return result.graph;
};
const spec = (type: string, name: string) => getBlock(type)!.params[name] as NumberParam;

describe('sweep editing', () => {
  it('setSweep sets and removes the sweep, leaving the rest; a no-op returns the same document', () => {
    const before = graph();
    const sweep = withAxis(undefined, axisFor('sgd', 'lr', spec('optimizer.sgd', 'lr'), 0.01));
    const after = applyCommand(before, { type: 'setSweep', sweep });
    expect(after.sweep).toEqual(sweep);
    expect(after.nodes).toBe(before.nodes);
    expect(applyCommand(after, { type: 'setSweep', sweep })).toBe(after);
    expect(applyCommand(after, { type: 'setSweep', sweep: null }).sweep).toBeUndefined();
  });

  it('a log param gets a decade either side; a [0, 1] param a few classic values; an integer a range', () => {
    expect(axisFor('sgd', 'lr', spec('optimizer.sgd', 'lr'), 0.01)).toEqual({
      node: 'sgd',
      param: 'lr',
      range: [0.001, 0.1],
      scale: 'log',
      count: 5,
    });
    expect(axisFor('sgd', 'momentum', spec('optimizer.sgd', 'momentum'), 0.9).values).toEqual([
      0, 0.5, 0.9, 0.99,
    ]);
    const batch = axisFor('train', 'batchSize', spec('train', 'batchSize'), 32);
    expect(batch.range!.every(Number.isInteger)).toBe(true);
  });

  it('every axis it proposes validates in the document', () => {
    let g = graph();
    for (const [node, type, name] of [
      ['sgd', 'optimizer.sgd', 'lr'],
      ['sgd', 'optimizer.sgd', 'momentum'],
      ['sgd', 'optimizer.sgd', 'weightDecay'],
      ['train', 'train', 'batchSize'],
    ] as const) {
      const value = g.nodes.find((n) => n.id === node)!.params[name];
      g = applyCommand(g, {
        type: 'setSweep',
        sweep: withAxis(g.sweep, axisFor(node, name, spec(type, name), value)),
      });
    }
    const reparsed = parseGraph(JSON.parse(JSON.stringify(g)));
    expect(reparsed.ok ? [] : reparsed.problems).toEqual([]);
  });
});
