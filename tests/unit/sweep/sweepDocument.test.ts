/** The sweep in the graph document: structure, semantic checks, migration, stable text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GraphDocument,
  parseGraph,
  parseGraphText,
  serializeGraph,
} from '../../../src-shared/graph/index';
import { dataGraph, type Json, type RawGraph } from '../graph/graphs';

const withSweep = (sweep: Json, version = 2): RawGraph => ({ ...dataGraph(), version, sweep });

const problemsOf = (raw: unknown) => {
  const result = parseGraph(raw);
  return result.ok ? [] : result.problems;
};

const load = (raw: unknown): GraphDocument => {
  const result = parseGraph(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.graph;
};

describe('sweep in the document', () => {
  it('loads with defaults filled in (scale linear, method grid, seed 0)', () => {
    const graph = load(withSweep({ axes: [{ node: 'sgd', param: 'lr', values: [0.1, 0.01] }] }));
    expect(graph.sweep).toEqual({
      axes: [{ node: 'sgd', param: 'lr', values: [0.1, 0.01], scale: 'linear' }],
      method: 'grid',
      seed: 0,
    });
  });

  it('a version 1 file migrates to version 2 unchanged', () => {
    const graph = load({ ...dataGraph(), version: 1 });
    expect(graph.version).toBe(2);
    expect(graph.sweep).toBeUndefined();
    expect(graph.nodes.map((n) => n.id)).toEqual(dataGraph().nodes.map((n) => n.id));
  });

  it('names each semantic problem by its JSON path', () => {
    const problems = problemsOf(
      withSweep({
        axes: [
          { node: 'sgdd', param: 'lr', values: [0.1] },
          { node: 'sgd', param: 'lrr', values: [0.1] },
          { node: 'mlp', param: 'activation', values: [1] },
          { node: 'sgd', param: 'momentum', values: [0.5, 2] },
          { node: 'train', param: 'batchSize', range: [64, 8], count: 3 },
          { node: 'sgd', param: 'weightDecay', range: [0, 0.1], scale: 'log' },
        ],
        method: 'grid',
      }),
    );
    expect(problems).toEqual([
      { path: 'sweep.axes[0].node', message: 'no node with id "sgdd" (did you mean "sgd"?)' },
      {
        path: 'sweep.axes[1].param',
        message: 'optimizer.sgd has no param "lrr" (did you mean "lr"?)',
      },
      {
        path: 'sweep.axes[2].param',
        message:
          '"activation" of model.mlp is not a number param (enum); only number params can be swept',
      },
      { path: 'sweep.axes[3].values[1]', message: 'must be between 0 and 1, got 2' },
      { path: 'sweep.axes[4].range', message: 'must go from low to high, got [64, 8]' },
      { path: 'sweep.axes[5].range[0]', message: 'must be > 0 on a log scale, got 0' },
      {
        path: 'sweep.axes[5].count',
        message: 'is missing; a grid takes count evenly spaced values from a range',
      },
    ]);
  });

  it('reports structure problems with paths and allowed keys', () => {
    expect(
      problemsOf(withSweep({ axes: [{ node: 'sgd', param: 'lr', value: [1] }], method: 'bayes' })),
    ).toEqual([
      {
        path: 'sweep.axes[0].value',
        message:
          'unknown key (did you mean "values"?) (allowed: node, param, values, range, scale, count)',
      },
      { path: 'sweep.method', message: 'must be "grid" or "random", got "bayes"' },
    ]);
    expect(problemsOf(withSweep({ axes: [] }))).toEqual([
      { path: 'sweep.axes', message: 'must have at least 1 items, got 0' },
    ]);
  });

  it('random search needs trials; an axis needs values or range, not both; duplicates', () => {
    expect(
      problemsOf(
        withSweep({
          axes: [
            { node: 'sgd', param: 'lr', values: [0.1], range: [0.1, 1] },
            { node: 'sgd', param: 'momentum' },
            { node: 'sgd', param: 'lr', values: [0.2] },
          ],
          method: 'random',
        }),
      ),
    ).toEqual([
      { path: 'sweep.axes[0]', message: 'give either values or range, not both' },
      { path: 'sweep.axes[1]', message: 'needs values (a list) or range ([low, high])' },
      { path: 'sweep.axes[2]', message: 'sweeps lr of "sgd" again (already sweep.axes[0])' },
      { path: 'sweep.trials', message: 'is missing; random search draws this many trials' },
    ]);
  });

  it('refuses a grid larger than the trial limit', () => {
    expect(
      problemsOf(
        withSweep({
          axes: [
            { node: 'sgd', param: 'lr', range: [0.001, 1], scale: 'log', count: 100 },
            { node: 'sgd', param: 'momentum', range: [0, 0.99], count: 20 },
          ],
        }),
      ),
    ).toEqual([
      {
        path: 'sweep',
        message:
          'the grid has 2000 trials; at most 1000 (fewer values per axis, or set trials to run a random subset)',
      },
    ]);
  });

  it('serializes byte-stably: one axis per line, defaults explicit, round trip identical', () => {
    const graph = load(
      withSweep({
        seed: 7,
        medianStop: { step: 20 },
        trials: 5,
        method: 'random',
        axes: [{ count: 4, scale: 'log', range: [0.001, 1], param: 'lr', node: 'sgd' }],
      }),
    );
    const text = serializeGraph(graph);
    expect(text).toContain(
      [
        '  "sweep": {',
        '    "axes": [',
        '      { "node": "sgd", "param": "lr", "range": [0.001, 1], "scale": "log", "count": 4 }',
        '    ],',
        '    "method": "random",',
        '    "trials": 5,',
        '    "seed": 7,',
        '    "medianStop": { "step": 20, "minTrials": 4 }',
        '  }',
        '}',
      ].join('\n'),
    );
    const again = parseGraphText(text);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(serializeGraph(again.graph)).toBe(text);
  });

  it('property: any valid sweep round-trips byte for byte', () => {
    const axis = fc.oneof(
      fc.record({
        node: fc.constant('sgd'),
        param: fc.constant('lr'),
        values: fc.array(fc.double({ min: 1e-6, max: 10, noNaN: true }), {
          minLength: 1,
          maxLength: 5,
        }),
      }),
      fc.record({
        node: fc.constant('train'),
        param: fc.constant('batchSize'),
        range: fc
          .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
          .filter(([a, b]) => a < b),
        scale: fc.constantFrom('linear', 'log'),
        count: fc.integer({ min: 2, max: 6 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(axis, { minLength: 1, maxLength: 2, selector: (a) => a.node }),
        fc.integer({ min: 0, max: 1000 }),
        (axes, seed) => {
          const graph = load(withSweep({ axes, seed } as unknown as Json));
          const text = serializeGraph(graph);
          const again = parseGraphText(text);
          return again.ok && serializeGraph(again.graph) === text;
        },
      ),
      { numRuns: 60 },
    );
  });
});
