import * as tf from '@tensorflow/tfjs';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomPlane } from '../../../../src-shared/engine/landscape/directions';
import { evalBatch, selectEvalSubset } from '../../../../src-shared/engine/landscape/eval-subset';
import { flattenParams } from '../../../../src-shared/engine/landscape/flat-params';
import { linspace } from '../../../../src-shared/engine/landscape/plane-axes';
import {
  createPointEvaluator,
  type EvalMode,
} from '../../../../src-shared/engine/landscape/point-evaluator';
import { fillSurface, surfaceStream } from '../../../../src-shared/engine/landscape/surface';
import { planePoint } from '../../../../src-shared/engine/linalg/vector-math';
import { createModel } from '../../../../src-shared/engine/models';
import type { Batch, Model } from '../../../../src-shared/engine/types';
import { makeBlobs, withoutBatching } from './fixtures';

const model = createModel(
  'model.mlp',
  { hidden: [8], seed: 2 },
  { task: 'classification', numFeatures: 2, numClasses: 2 },
);
const data = makeBlobs(64);
const center = flattenParams(model.initialValues(), model.paramInfo);
const plane = {
  center,
  ...randomPlane(center, model.paramInfo, { norm: 'filter', ignoreBiasBN: true, seed: 4 }),
};
const N = 7;
const axis = linspace(-1, 1, N); // axis[3] = 0
let batch: Batch;

function modelLossAt(theta: Float32Array, m: Model = model): number {
  return tf.tidy(() => {
    let offset = 0;
    const params = m.paramInfo.map((p) => {
      const size = p.shape.reduce((a, b) => a * b, 1);
      const t = tf.tensor(theta.subarray(offset, offset + size), [...p.shape]);
      offset += size;
      return t;
    });
    return m.loss(params, batch).dataSync()[0]!;
  });
}

async function surfaceWith(mode: EvalMode, m: Model = model, memoryBudgetBytes?: number) {
  const evaluator = createPointEvaluator(m, batch, { mode, memoryBudgetBytes });
  const s = await fillSurface(
    { evaluator, ...plane, alphas: axis, betas: axis },
    () => {},
    () => false,
  );
  return { surface: s!, evaluator };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  batch = evalBatch(selectEvalSubset(data, 64, 0), 'classification');
});
afterAll(() => tf.dispose([batch.x, batch.y]));

describe('surface', () => {
  it('equals the model loss at the center and along the α axis', async () => {
    const { surface } = await surfaceWith('batched');
    expect(surface.loss[3 * N + 3]).toBeCloseTo(modelLossAt(center), 5);
    for (const i of [0, 1, 5, 6]) {
      const direct = modelLossAt(planePoint(center, plane.delta, plane.eta, axis[i]!, 0));
      expect(surface.loss[3 * N + i]).toBeCloseTo(direct, 4);
    }
    const corner = modelLossAt(planePoint(center, plane.delta, plane.eta, axis[6]!, axis[0]!));
    expect(surface.loss[0 * N + 6]).toBeCloseTo(corner, 4);
  });

  it('batched, per-point and auto agree within float32 tolerance', async () => {
    const a = (await surfaceWith('batched')).surface;
    const b = (await surfaceWith('perPoint')).surface;
    const c = await surfaceWith('auto', model, 1); // one point per chunk: auto decides
    const fallback = (await surfaceWith('auto', withoutBatching(model))).surface;
    for (let k = 0; k < N * N; k++) {
      const tol = 1e-5 * Math.max(1, Math.abs(a.loss[k]!));
      expect(Math.abs(a.loss[k]! - b.loss[k]!)).toBeLessThan(tol);
      expect(Math.abs(a.loss[k]! - c.surface.loss[k]!)).toBeLessThan(tol);
      expect(Math.abs(a.loss[k]! - fallback.loss[k]!)).toBeLessThan(tol);
      expect(a.accuracy![k]).toBeCloseTo(b.accuracy![k]!, 6);
    }
    expect(['batched', 'perPoint']).toContain(c.evaluator.mode());
  });

  it('accuracy is the share of correct argmax predictions', async () => {
    const { surface } = await surfaceWith('batched');
    const expected = tf.tidy(() => {
      const out = model.forward(
        model.paramInfo.map((p, k) => tf.tensor(model.initialValues()[k]!, [...p.shape])),
        batch.x,
      );
      return tf.mean(tf.cast(tf.equal(tf.argMax(out, 1), batch.y), 'float32')).dataSync()[0]!;
    });
    expect(surface.accuracy![3 * N + 3]).toBeCloseTo(expected!, 6);
  });

  it('streams a coarse grid first, NaN where not computed, then the full grid', async () => {
    const evaluator = createPointEvaluator(model, batch, { mode: 'batched' });
    const grid = linspace(-1, 1, 9);
    const all = await lastValueFrom(
      surfaceStream({ evaluator, ...plane, alphas: grid, betas: grid, coarseStride: 4 }).pipe(
        toArray(),
      ),
    );
    const first = all[0]!;
    // Stride 4 on 9 points: rows/columns 0, 4, 8 → 9 points.
    expect(first.count).toBe(9);
    expect(first.filled[0]).toBe(1);
    expect(first.filled[1]).toBe(0);
    expect(Number.isNaN(first.loss[1])).toBe(true);
    expect(first.done).toBe(false);
    const last = all[all.length - 1]!;
    expect(last.done).toBe(true);
    expect(last.count).toBe(81);
    expect(last.loss.every(Number.isFinite)).toBe(true);
    // Counts never decrease.
    for (let i = 1; i < all.length; i++) expect(all[i]!.count).toBeGreaterThan(all[i - 1]!.count);
  });

  it('leaks no tensors across a full surface computation', async () => {
    const before = tf.memory().numTensors;
    await surfaceWith('batched');
    await surfaceWith('perPoint');
    await surfaceWith('auto');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops evaluating promptly after unsubscribe', async () => {
    let calls = 0;
    const counting: Model = {
      ...model,
      forwardBatched: (params, x) => {
        calls += 1;
        return model.forwardBatched!(params, x);
      },
    };
    // A tiny memory budget forces one point per chunk: many chunks.
    const evaluator = createPointEvaluator(counting, batch, {
      mode: 'batched',
      memoryBudgetBytes: 1,
    });
    expect(evaluator.chunkSize).toBe(1);
    const before = tf.memory().numTensors;
    const grid = linspace(-1, 1, 15);
    const seen = await firstValueFrom(
      surfaceStream({ evaluator, ...plane, alphas: grid, betas: grid }).pipe(take(3), toArray()),
    );
    expect(seen.length).toBe(3);
    // The loop checks for cancellation before every chunk: none is evaluated after it.
    let progress = 0;
    let atCancel = -1;
    const result = await fillSurface(
      { evaluator, ...plane, alphas: grid, betas: grid },
      () => {
        progress += 1;
        if (progress === 3) atCancel = calls;
      },
      () => atCancel >= 0,
    );
    expect(result).toBeNull();
    expect(progress).toBe(3);
    expect(calls).toBe(atCancel);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("falls back to the model's own loss when the batched formula disagrees", async () => {
    const halved: Model = {
      ...model,
      loss: (params, b) => tf.tidy(() => tf.mul(model.loss(params, b), 0.5) as tf.Scalar),
    };
    const { surface, evaluator } = await surfaceWith('auto', halved);
    expect(evaluator.mode()).toBe('perPoint');
    expect(evaluator.notes()[0]).toMatch(/differs from/);
    expect(surface.loss[3 * N + 3]).toBeCloseTo(modelLossAt(center, halved), 5);
    expect(surface.accuracy).not.toBeNull();
  });
});
