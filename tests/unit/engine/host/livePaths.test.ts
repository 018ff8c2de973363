/**
 * Paths that grow while runs train (landscape `pathsOnly` requests): new points on the last full
 * landscape's plane, no surface recompute, real step numbers. Bowl f = ½(x² + 10y²), SGD lr 0.1
 * from (−2.5, 1.5): x_{k+1} = 0.9·x_k and y_1 = 0, so x = −2.5, −2.25, −2.025, −1.8225, −1.64025,
 * −1.476225 and f(θ_k) = ½x_k² for k ≥ 1.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import { strideIndices } from '../../../../src-shared/engine/host/live-paths';
import type { EngineMessage } from '../../../../src-shared/protocol/engine';
import type { LandscapeResultMessage } from '../../../../src-shared/protocol/landscape';
import { until } from '../../../support/until';

const at = (x: number, y: number) => ({ x, y });

function graph(kind: 'bowl' | 'moons'): string {
  const model =
    kind === 'bowl'
      ? { id: 'm', type: 'model.surface', params: { fn: 'quadratic', start: [-2.5, 1.5] } }
      : { id: 'm', type: 'model.linear', params: { init: 'zeros' } };
  const nodes = [
    ...(kind === 'moons'
      ? [{ id: 'data', type: 'dataset.moons', params: { samples: 80 }, position: at(0, 0) }]
      : []),
    { ...model, position: at(0, 100) },
    {
      id: 'sgd',
      type: 'optimizer.sgd',
      params: { lr: kind === 'bowl' ? 0.1 : 0.5 },
      position: at(0, 200),
    },
    { id: 'train', type: 'train', params: { maxSteps: 1000, batchSize: 16 }, position: at(200, 0) },
    {
      id: 'view',
      type: 'view.landscape',
      params: { grid: 5, evalSamples: 40, directions: 'pca' },
      position: at(400, 0),
    },
  ];
  const wire = (id: string, from: string, port: string, to: string, toPort = port) => ({
    id,
    from: { node: from, port },
    to: { node: to, port: toPort },
  });
  const edges = [
    wire('e1', 'm', 'model', 'train'),
    wire('e2', 'sgd', 'optimizer', 'train'),
    wire('e3', 'train', 'run', 'view', 'runs'),
    ...(kind === 'moons' ? [wire('e4', 'data', 'dataset', 'train')] : []),
  ];
  return JSON.stringify({ format: 'gradient-atlas/graph', version: 1, name: kind, nodes, edges });
}

function open(kind: 'bowl' | 'moons') {
  const messages: EngineMessage[] = [];
  const session = new EngineSession((m) => messages.push(m), {
    backend: { name: 'cpu', reason: 'test' },
    host: 'node',
    batchMs: 1,
  });
  session.handle({ type: 'load', graph: graph(kind), launch: 1 });
  const steps = () =>
    messages.flatMap((m) => (m.type === 'events' ? m.events : [])).filter((e) => e.type === 'step')
      .length;
  const stepTo = async (count: number) => {
    while (steps() < count) {
      const before = steps();
      session.handle({ type: 'step' });
      await until(`step ${before}`, () => steps() > before);
    }
  };
  const result = async (request: number): Promise<LandscapeResultMessage> => {
    await until(`result ${request}`, () =>
      messages.some((m) => m.type === 'landscapeResult' && m.request === request),
    );
    return messages.find(
      (m): m is LandscapeResultMessage => m.type === 'landscapeResult' && m.request === request,
    )!;
  };
  const progress = (request: number) =>
    messages.filter((m) => m.type === 'landscapeProgress' && m.request === request).length;
  const errors = () => messages.filter((m) => m.type === 'error');
  return { session, stepTo, result, progress, errors };
}

const round = (values: readonly number[], digits = 5) =>
  values.map((v) => Number(v.toFixed(digits)));

describe('strideIndices', () => {
  it('keeps every point while they fit, then multiples of 2, 4, … plus the head', () => {
    expect(strideIndices([0, 1, 2, 3], 5)).toEqual([0, 1, 2, 3]);
    // 0..9 with at most 5 points: stride 2 leaves 0,2,4,6,8 (5 > 4), stride 4 leaves 0,4,8.
    expect(strideIndices([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 4, 8, 9]);
    // Recorded every 2 steps (a thinned trajectory) and the current step 13.
    expect(strideIndices([0, 2, 4, 6, 8, 10, 12, 13], 4)).toEqual([0, 4, 7]);
    expect(strideIndices([], 5)).toEqual([]);
  });

  it('a growing trajectory keeps the points it showed (until the stride doubles)', () => {
    const steps = (n: number) => Array.from({ length: n }, (_, i) => i);
    const shown = (n: number) => strideIndices(steps(n), 8).slice(0, -1);
    for (const n of [9, 10, 12, 13])
      expect(shown(n + 1).slice(0, shown(n).length)).toEqual(shown(n));
  });
});

describe('live paths through the engine host (cpu backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('grows a path on the last plane while the run is paused mid-way', async () => {
    const t = open('bowl');
    await t.stepTo(3);
    t.session.handle({ type: 'landscape', request: 1, grid: 5 });
    const full = await t.result(1);
    expect(full.result.paths[0]!.steps).toEqual([0, 1, 2, 3]);
    await t.stepTo(5);
    t.session.handle({ type: 'landscape', request: 2, pathsOnly: true });
    const live = await t.result(2);
    expect(t.progress(2)).toBe(0); // no surface was computed
    expect(live.result.loss).toBe(full.result.loss);
    expect(live).toMatchObject({ view: 'view', runs: ['train'], surfaceFn: 'quadratic' });
    const path = live.result.paths[0]!;
    expect(path.steps).toEqual([0, 1, 2, 3, 4, 5]);
    expect(round(path.alpha)).toEqual([-2.5, -2.25, -2.025, -1.8225, -1.64025, -1.47623]);
    expect(round(path.beta)).toEqual([1.5, 0, 0, 0, 0, 0]);
    expect(round(path.offPlane)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(path.trueLoss[4]).toBeCloseTo(0.5 * 1.64025 ** 2, 4);
    expect(path.loss[0]).toBeCloseTo(0.5 * (2.5 ** 2 + 10 * 1.5 ** 2), 4);
    expect(t.errors()).toEqual([]);
    t.session.dispose();
  });

  it('a neural-network run: live points match the full landscape, no tensor leaks', async () => {
    const start = tf.memory().numTensors;
    const t = open('moons');
    await t.stepTo(4);
    t.session.handle({ type: 'landscape', request: 1 });
    const full = (await t.result(1)).result.paths[0]!;
    await t.stepTo(7);
    t.session.handle({ type: 'landscape', request: 2, pathsOnly: true });
    const live = (await t.result(2)).result.paths[0]!;
    expect(live.steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Same plane, same evaluation subset: the points both computed agree.
    const n = full.steps.length;
    expect(full.steps).toEqual([0, 1, 2, 3, 4]);
    expect(round(live.alpha.slice(0, n), 4)).toEqual(round(full.alpha, 4));
    expect(round(live.beta.slice(0, n), 4)).toEqual(round(full.beta, 4));
    expect(round(live.loss.slice(0, n), 4)).toEqual(round(full.loss, 4));
    expect(round(live.trueLoss.slice(0, n), 4)).toEqual(round(full.trueLoss, 4));
    // Zero weights: every probability is ½, so the loss at θ0 is ln 2.
    expect(live.trueLoss[0]).toBeCloseTo(Math.LN2, 5);
    expect(live.offPlane.slice(n).every((d) => d >= 0 && Number.isFinite(d))).toBe(true);
    // A second request evaluates only the new head; older points come from the cache.
    await t.stepTo(8);
    t.session.handle({ type: 'landscape', request: 3, pathsOnly: true });
    const again = (await t.result(3)).result.paths[0]!;
    expect(again.steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(again.alpha.slice(0, 8)).toEqual(live.alpha);
    expect(t.errors()).toEqual([]);
    t.session.handle({ type: 'stop' });
    await t.session.whenFinished;
    t.session.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('without a full landscape yet, a pathsOnly request computes one', async () => {
    const t = open('bowl');
    await t.stepTo(2);
    t.session.handle({ type: 'landscape', request: 1, grid: 5, pathsOnly: true });
    const result = await t.result(1);
    expect(t.progress(1)).toBeGreaterThan(0);
    expect(result.result.paths[0]!.steps).toEqual([0, 1, 2]);
    t.session.dispose();
  });
});
