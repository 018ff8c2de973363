import * as tf from '@tensorflow/tfjs';
import { lastValueFrom } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLandscape } from '../../../../src-shared/engine/landscape/compute-landscape';
import { createModel } from '../../../../src-shared/engine/models';
import { createRng } from '../../../../src-shared/engine/random';
import type { Model } from '../../../../src-shared/engine/types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function lossAtInit(model: Model, x: Float32Array, y: Float32Array, n: number, classes: boolean) {
  return tf.tidy(() => {
    const batch = {
      x: tf.tensor2d(x, [n, x.length / n]),
      y: tf.tensor1d(y, classes ? 'int32' : 'float32'),
    };
    const params = model.paramInfo.map((p, k) =>
      tf.tensor(model.initialValues()[k]!, [...p.shape]),
    );
    return model.loss(params, batch).dataSync()[0];
  });
}

describe('computeLandscape on other model kinds', () => {
  it('regression with model.linear: the center equals the mean squared error', async () => {
    const rng = createRng(1);
    const n = 30;
    const x = Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
    const y = x.map((v) => 2 * v + 0.5);
    const model = createModel(
      'model.linear',
      { seed: 2 },
      { task: 'regression', numFeatures: 1, numClasses: 1 },
    );
    const done = await lastValueFrom(
      computeLandscape({
        model,
        evalData: { x, y, n },
        center: model.initialValues(),
        trajectories: [],
        options: { grid: 3, norm: 'none', ignoreBiasBN: false },
      }),
    );
    const r = done.result!;
    expect(r.loss[4]).toBeCloseTo(lossAtInit(model, x, y, n, false)!, 5);
    expect(r.accuracy).toBeUndefined();
    expect(r.notes).toEqual([]);
    // One weight and a zero bias: filter-normalized directions are parallel.
    const degenerate = computeLandscape({
      model,
      evalData: { x, y, n },
      center: model.initialValues(),
      trajectories: [],
      options: { grid: 3 },
    });
    await expect(lastValueFrom(degenerate)).rejects.toThrow(/span no plane.*try norm 'none'/);
  });

  it('a CNN (no batched forward) is evaluated point by point', async () => {
    const rng = createRng(2);
    const n = 12;
    const x = Float32Array.from({ length: n * 64 }, () => rng.next());
    const y = Float32Array.from({ length: n }, () => rng.int(3));
    const model = createModel(
      'model.cnn',
      { channels: [2], kernel: 3, dense: [4], seed: 1 },
      { task: 'classification', numFeatures: 64, numClasses: 3, imageShape: [8, 8, 1] },
    );
    const before = tf.memory().numTensors;
    const done = await lastValueFrom(
      computeLandscape({
        model,
        evalData: { x, y, n },
        center: model.initialValues(),
        trajectories: [],
        options: { grid: 3 },
      }),
    );
    expect(tf.memory().numTensors).toBe(before);
    const r = done.result!;
    if (!model.forwardBatched) expect(r.evaluation.mode).toBe('perPoint');
    expect(r.loss[4]).toBeCloseTo(lossAtInit(model, x, y, n, true)!, 5);
    expect(r.accuracy![4]).toBeGreaterThanOrEqual(0);
  });
});
