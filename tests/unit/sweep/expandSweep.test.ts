/** Trials from a sweep: grid order and spacing, random draws, determinism, applying a trial. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GraphDocument, parseGraph, parseGraphText } from '../../../src-shared/graph/index';
import { applyTrial, expandSweep } from '../../../src-shared/sweep/expand';
import { median } from '../../../src-shared/sweep/run-sweep';
import { dataGraph, type Json } from '../graph/graphs';

const load = (sweep: Json): GraphDocument => {
  const result = parseGraph({ ...dataGraph(), version: 2, sweep });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.graph;
};

const values = (graph: GraphDocument) =>
  expandSweep(graph).map((t) => t.settings.map((s) => s.value));

describe('expandSweep', () => {
  it('a log range gives evenly spaced exponents, ends exact', () => {
    const graph = load({
      axes: [{ node: 'sgd', param: 'lr', range: [1e-4, 1], scale: 'log', count: 5 }],
    });
    expect(values(graph)).toEqual([[1e-4], [1e-3], [1e-2], [1e-1], [1]]);
  });

  it('a grid is the product of its axes, the first varying slowest', () => {
    const graph = load({
      axes: [
        { node: 'sgd', param: 'lr', values: [0.1, 0.01] },
        { node: 'sgd', param: 'momentum', range: [0, 0.9], count: 3 },
      ],
    });
    expect(values(graph)).toEqual([
      [0.1, 0],
      [0.1, 0.45],
      [0.1, 0.9],
      [0.01, 0],
      [0.01, 0.45],
      [0.01, 0.9],
    ]);
    expect(expandSweep(graph).map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('integer params take whole, distinct values', () => {
    const graph = load({
      axes: [{ node: 'train', param: 'batchSize', range: [8, 128], scale: 'log', count: 5 }],
    });
    expect(values(graph)).toEqual([[8], [16], [32], [64], [128]]);
  });

  it('a grid with trials runs a seeded subset, in grid order', () => {
    const sweep = (seed: number) =>
      load({
        axes: [{ node: 'sgd', param: 'lr', range: [0.001, 1], scale: 'log', count: 10 }],
        trials: 4,
        seed,
      });
    const a = values(sweep(1)).flat();
    expect(a).toHaveLength(4);
    // Grid order: the log range ascends.
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(values(sweep(1))).toEqual(values(sweep(1)));
    expect(values(sweep(2))).not.toEqual(values(sweep(1)));
  });

  it('random search on a log scale is log-uniform: about half the draws below the geometric mean', () => {
    const graph = load({
      axes: [{ node: 'sgd', param: 'lr', range: [1e-5, 1], scale: 'log' }],
      method: 'random',
      trials: 1000,
      seed: 3,
    });
    const draws = values(graph).flat();
    expect(draws.every((v) => v >= 1e-5 && v <= 1)).toBe(true);
    const below = draws.filter((v) => v < Math.sqrt(1e-5)).length;
    // Uniform (not log-uniform) draws would put 0.3 % there.
    expect(below).toBeGreaterThan(430);
    expect(below).toBeLessThan(570);
    const decades = new Set(draws.map((v) => Math.floor(Math.log10(v))));
    expect(decades.size).toBe(5);
  });

  it('property: same seed, same trials; every value inside its axis range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('linear', 'log'),
        (seed, low, trials, scale) => {
          const sweep = {
            axes: [
              { node: 'sgd', param: 'lr', range: [low, 1], scale },
              { node: 'train', param: 'batchSize', range: [2, 256], scale },
            ],
            method: 'random',
            trials,
            seed,
          };
          const a = expandSweep(load(sweep));
          const b = expandSweep(load(sweep));
          expect(b).toEqual(a);
          expect(a).toHaveLength(trials);
          for (const t of a) {
            const [lr, batch] = t.settings.map((s) => s.value);
            expect(lr).toBeGreaterThanOrEqual(low * (1 - 1e-11));
            expect(lr).toBeLessThanOrEqual(1);
            expect(Number.isInteger(batch)).toBe(true);
            expect(batch).toBeGreaterThanOrEqual(2);
            expect(batch).toBeLessThanOrEqual(256);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('applyTrial writes the values into their nodes and drops the sweep', () => {
    const graph = load({ axes: [{ node: 'sgd', param: 'lr', values: [0.3] }] });
    const [trial] = expandSweep(graph);
    const applied = applyTrial(graph, trial!);
    expect(applied.sweep).toBeUndefined();
    expect(applied.nodes.find((n) => n.id === 'sgd')!.params.lr).toBe(0.3);
    expect(graph.nodes.find((n) => n.id === 'sgd')!.params.lr).toBe(0.01);
  });

  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('the sweep examples', () => {
  const example = (name: string): GraphDocument => {
    const text = readFileSync(join(__dirname, `../../../resources/examples/${name}.json`), 'utf8');
    const result = parseGraphText(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.graph;
  };

  it('"Tuning the learning rate": 12 log-spaced lr values on the digits MLP', () => {
    const graph = example('sweep-learning-rate');
    expect(graph.nodes.map((n) => n.type)).toContain('dataset.digits');
    expect(graph.nodes.map((n) => n.type)).toContain('model.mlp');
    const lrs = expandSweep(graph).map((t) => t.settings[0]!.value);
    expect(lrs).toHaveLength(12);
    const ratios = lrs.slice(1).map((v, i) => v / lrs[i]!);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 6);
  });

  it('"Learning rate × momentum": a 6 × 5 grid on the ravine', () => {
    const graph = example('sweep-lr-momentum');
    expect(graph.nodes.find((n) => n.type === 'model.surface')?.params.fn).toBe('ravine');
    const trials = expandSweep(graph);
    expect(trials).toHaveLength(30);
    expect(new Set(trials.map((t) => t.settings[0]!.value)).size).toBe(6);
    expect(new Set(trials.map((t) => t.settings[1]!.value)).size).toBe(5);
  });
});
