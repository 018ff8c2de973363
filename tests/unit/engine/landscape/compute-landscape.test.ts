import * as tf from '@tensorflow/tfjs';
import { lastValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLandscape } from '../../../../src-shared/engine/landscape/compute-landscape';
import {
  flattenParams,
  unflattenParams,
} from '../../../../src-shared/engine/landscape/flat-params';
import type { LandscapeProgress } from '../../../../src-shared/engine/landscape/result';
import { createModel, surfaceValue } from '../../../../src-shared/engine/models';
import type { Model } from '../../../../src-shared/engine/types';
import { is, until } from '../../../support/until';
import { makeBlobs } from './fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = makeBlobs(80);
const mlp = createModel(
  'model.mlp',
  { hidden: [6], seed: 1 },
  { task: 'classification', numFeatures: 2, numClasses: 2 },
);

/** Full-batch gradient descent on the data: a real trajectory, flattened per step. */
function descend(model: Model, steps: number, lr: number): Float32Array[] {
  return tf.tidy(() => {
    const batch = { x: tf.tensor2d(data.x, [data.n, 2]), y: tf.tensor1d(data.y, 'int32') };
    let params = model.paramInfo.map((p, k) => tf.tensor(model.initialValues()[k]!, [...p.shape]));
    const out: Float32Array[] = [];
    const grads = tf.grads((...ps: tf.Tensor[]) => model.loss(ps, batch));
    for (let s = 0; s <= steps; s++) {
      out.push(
        flattenParams(
          params.map((t) => t.dataSync() as Float32Array),
          model.paramInfo,
        ),
      );
      const g = grads(params);
      params = params.map((t, i) => tf.sub(t, tf.mul(g[i]!, lr)));
    }
    return out;
  });
}

function lossAt(model: Model, theta: Float32Array): number {
  return tf.tidy(() => {
    const batch = { x: tf.tensor2d(data.x, [data.n, 2]), y: tf.tensor1d(data.y, 'int32') };
    const views = unflattenParams(theta, model.paramInfo);
    return model
      .loss(
        views.map((v, k) => tf.tensor(v, [...model.paramInfo[k]!.shape])),
        batch,
      )
      .dataSync()[0]!;
  });
}

async function resultOf(progress: ReturnType<typeof computeLandscape>) {
  const all = await lastValueFrom(progress.pipe(toArray()));
  const last = all[all.length - 1]!;
  expect(last.phase).toBe('done');
  return { all, result: last.result! };
}

describe('computeLandscape on an MLP', () => {
  const trajectory = descend(mlp, 12, 0.5);
  const final = trajectory[trajectory.length - 1]!;
  const views = (theta: Float32Array) =>
    unflattenParams(theta, mlp.paramInfo).map((v) => v.slice());

  it('computes surface, paths, interpolations and curvature without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const { all, result } = await resultOf(
      computeLandscape({
        model: mlp,
        evalData: data,
        center: views(final),
        init: views(trajectory[0]!),
        trajectories: [{ run: 'gd', params: trajectory }],
        options: {
          grid: 9,
          range: 1,
          evalSamples: 1000,
          seed: 3,
          curvature: true,
          curvatureIters: 30,
        },
      }),
    );
    expect(tf.memory().numTensors).toBe(before);
    const fractions = all.map((p: LandscapeProgress) => p.fraction);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);

    expect(result.axes[0].name).toBe('alpha');
    expect(result.axes[0].values[4]).toBeCloseTo(0, 12);
    expect(result.evalSamples).toBe(80);
    const centerLoss = lossAt(mlp, final);
    expect(result.loss[4 * 9 + 4]).toBeCloseTo(centerLoss, 5);
    expect(result.accuracy).toBeDefined();
    expect(result.directions).toMatchObject({ type: 'random', normalization: 'filter', seed: 3 });

    const path = result.paths[0]!;
    expect(path.steps.length).toBe(13);
    // The last step is the center: α = β = 0, on the plane, both losses equal.
    expect(path.alpha[12]).toBeCloseTo(0, 5);
    expect(path.offPlane[12]).toBeCloseTo(0, 5);
    expect(path.trueLoss[12]).toBeCloseTo(centerLoss, 5);
    expect(path.trueLoss[0]).toBeCloseTo(lossAt(mlp, trajectory[0]!), 5);
    expect(path.offPlane[0]).toBeGreaterThan(0);

    const interp = result.interpolations[0]!;
    expect(interp).toMatchObject({ from: 'init', to: 'center' });
    const at = (t: number) => interp.loss[interp.t.findIndex((v) => Math.abs(v - t) < 1e-9)];
    expect(at(0)).toBeCloseTo(lossAt(mlp, trajectory[0]!), 5);
    expect(at(1)).toBeCloseTo(centerLoss, 5);

    expect(result.curvature?.center.lambdaMax).toBeGreaterThan(0);
    expect(['minimum', 'saddle', 'maximum', 'flat']).toContain(result.curvature?.center.kind);
  });

  it('pca directions explain a trajectory that lies on a plane', async () => {
    // A synthetic path on θc + a·u + b·v.
    const u = trajectory[0]!.map((x, i) => x - final[i]!);
    const v = trajectory[3]!.map((x, i) => (x - final[i]!) * (i % 2 ? 1 : -1));
    const onPlane = Array.from({ length: 20 }, (_, t) =>
      final.map((c, i) => c + (1 - t / 19) * u[i]! + 0.3 * Math.sin(t / 3) * v[i]!),
    );
    const { result } = await resultOf(
      computeLandscape({
        model: mlp,
        evalData: data,
        center: views(final),
        trajectories: [{ run: 'synthetic', params: onPlane }],
        options: { directions: 'pca', grid: 5, seed: 1 },
      }),
    );
    const [e1, e2] = result.directions.explainedVariance!;
    expect(e1 + e2).toBeCloseTo(1, 4);
    const path = result.paths[0]!;
    for (let k = 0; k < path.steps.length; k++) {
      expect(path!.offPlane[k]).toBeLessThan(1e-4);
      expect(path!.loss[k]).toBeCloseTo(path!.trueLoss[k]!, 4);
    }
    // The box covers the path.
    const alphas = result.axes[0].values;
    expect(Math.min(...path!.alpha)).toBeGreaterThanOrEqual(alphas[0]!);
    expect(Math.max(...path!.alpha)).toBeLessThanOrEqual(alphas[alphas.length - 1]!);
  });

  it('stops and frees its tensors when unsubscribed mid-surface', async () => {
    const before = tf.memory().numTensors;
    const seen: LandscapeProgress[] = [];
    await new Promise<void>((resolve) => {
      const sub = computeLandscape({
        model: mlp,
        evalData: data,
        center: views(final!),
        trajectories: [],
        options: { grid: 41, memoryBudgetBytes: 1, mode: 'batched' },
      }).subscribe((p) => {
        seen.push(p);
        if (p.phase === 'surface') {
          sub.unsubscribe();
          resolve();
        }
      });
    });
    const count = seen.length;
    // Its evaluation batch is freed when the loop ends, at its next check for cancellation.
    await until('the computation to free its tensors', () => tf.memory().numTensors, is(before));
    expect(seen.length).toBe(count);
  });

  it('reports bad input by name', async () => {
    const run = (input: Partial<Parameters<typeof computeLandscape>[0]>) =>
      lastValueFrom(
        computeLandscape({
          model: mlp,
          evalData: data,
          center: views(final!),
          trajectories: [],
          ...input,
        }),
      );
    await expect(run({ center: [new Float32Array(3)] })).rejects.toThrow(
      /center: expected 4 parameter arrays, got 1/,
    );
    await expect(run({ options: { grid: 1 } })).rejects.toThrow(/options\.grid/);
    await expect(run({ evalData: undefined })).rejects.toThrow(/needs evalData/);
    await expect(
      run({ trajectories: [{ run: 'r', params: [new Float32Array(2)] }] }),
    ).rejects.toThrow(/trajectory "r" step 0: expected \d+ parameters, got 2 values/);
    await expect(run({ options: { directions: 'pca' } })).rejects.toThrow(/at least 2 recorded/);
  });
});

describe('computeLandscape on analytic surfaces', () => {
  const rosenbrock = createModel('model.surface', { fn: 'rosenbrock' }, null);
  const path = [
    Float32Array.of(-1.2, 1),
    Float32Array.of(-0.5, 0.4),
    Float32Array.of(0.6, 0.3),
    Float32Array.of(1, 1),
  ];

  it('uses x and y as axes around the paths, with exact values', async () => {
    const { result } = await resultOf(
      computeLandscape({
        model: rosenbrock,
        center: [path[3]!],
        trajectories: [{ run: 'gd', params: path }],
        options: { grid: 11, margin: 0.1 },
      }),
    );
    expect(result.axes.map((a) => a.name)).toEqual(['x', 'y']);
    expect(result.directions.type).toBe('axes');
    const xs = result.axes[0].values;
    const ys = result.axes[1].values;
    // Path extent x ∈ [−1.2, 1] (span 2.2) ± 10%, y ∈ [0.3, 1] (span 0.7) ± 10%.
    expect(xs[0]).toBeCloseTo(-1.42, 5);
    expect(xs[10]).toBeCloseTo(1.22, 5);
    expect(ys[0]).toBeCloseTo(0.23, 5);
    for (let j = 0; j < 11; j++) {
      for (let i = 0; i < 11; i++) {
        const exact = surfaceValue('rosenbrock', xs[i]!, ys[j]!);
        expect(result.loss[j * 11 + i]).toBeCloseTo(
          exact,
          Math.max(0, 4 - Math.ceil(Math.log10(exact + 1))),
        );
      }
    }
    const p = result.paths[0]!;
    p.steps.forEach((s, k) => {
      expect(p!.alpha[k]).toBeCloseTo(path[s]![0]!, 6);
      expect(p!.beta[k]).toBeCloseTo(path[s]![1]!, 6);
      expect(p!.offPlane[k]).toBe(0);
      expect(p!.loss[k]).toBeCloseTo(surfaceValue('rosenbrock', path[s]![0]!, path[s]![1]!), 3);
    });
    expect(result.accuracy).toBeUndefined();
    expect(result.evalSamples).toBe(0);
  });

  it('draws a given box and classifies the saddle of x² − y²', async () => {
    const saddle = createModel('model.surface', { fn: 'saddle' }, null);
    const { result } = await resultOf(
      computeLandscape({
        model: saddle,
        center: [Float32Array.of(0, 0)],
        trajectories: [],
        options: { grid: 5, box: { x: [-2, 2], y: [-1, 1] }, curvature: true, curvatureGrid: 2 },
      }),
    );
    expect(result.axes[0].values).toEqual([-2, -1, 0, 1, 2]);
    expect(result.axes[1].values).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(result.loss[0]).toBeCloseTo(4 - 1, 5);
    expect(result.curvature?.center.kind).toBe('saddle');
    expect(result.curvature?.map?.ratio.length).toBe(4);
  });
});
