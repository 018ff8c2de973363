import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../../../src-shared/engine/datasets';
import { createModel } from '../../../../src-shared/engine/models';
import { conv2dSameIm2col as conv2dSame } from '../../../../src-shared/engine/models/conv2d';
import { createRng } from '../../../../src-shared/engine/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model.cnn', () => {
  const digits = createDataset('dataset.digits', { seed: 0 });

  it('builds conv blocks then dense layers for 8×8×1 digits', () => {
    const model = createModel('model.cnn', {}, digits);
    expect(model.paramInfo.map((p) => `${p.name}:${p.shape.join('x')}:${p.filterAxis}`)).toEqual([
      'conv1/kernel:3x3x1x8:3',
      'conv1/bias:8:0',
      'conv2/kernel:3x3x8x16:3',
      'conv2/bias:16:0',
      // 8×8 → pool → 4×4 → pool → 2×2, × 16 channels = 64 features
      'dense1/kernel:64x64:1',
      'dense1/bias:64:0',
      'dense2/kernel:64x10:1',
      'dense2/bias:10:0',
    ]);
    expect(model.size).toBe(80 + 1168 + 4160 + 650);
    expect(model.forwardBatched).toBeUndefined();
  });

  it('starts near ln 10 on real digits, gives [n, 10] logits and finite gradients, no leaks', () => {
    const model = createModel('model.cnn', { seed: 1 }, digits);
    const before = tf.memory().numTensors;
    const params = model
      .initialValues()
      .map((v, i) => tf.tensor(v, [...model.paramInfo[i]!.shape]));
    const batch = {
      x: tf.tensor2d(digits.train.x.subarray(0, 64 * 64), [64, 64]),
      y: tf.tensor1d(Int32Array.from(digits.train.y.subarray(0, 64)), 'int32'),
    };
    const logits = model.forward(params, batch.x);
    expect(logits.shape).toEqual([64, 10]);
    const value = model.loss(params, batch);
    expect(Math.abs(value.dataSync()[0]! - Math.log(10))).toBeLessThan(0.2);
    const g = tf.grads((...ps: tf.Tensor[]) => model.loss(ps, batch))(params);
    for (const t of g) expect(t.dataSync().every(Number.isFinite)).toBe(true);
    expect(g[0]!.dataSync().some((v) => v !== 0)).toBe(true);
    tf.dispose([params, batch.x, batch.y, logits, value, g]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('computes a 1×1 conv, relu, max-pool and dense layer by hand', () => {
    const data = {
      task: 'classification' as const,
      numFeatures: 4,
      numClasses: 2,
      imageShape: [2, 2, 1] as const,
    };
    const model = createModel('model.cnn', { channels: [1], kernel: 1, dense: [] }, data);
    expect(model.paramInfo.map((p) => p.shape)).toEqual([[1, 1, 1, 1], [1], [1, 2], [2]]);
    const params = [
      tf.tensor4d([2], [1, 1, 1, 1]),
      tf.tensor1d([-1]),
      tf.tensor2d([[1.5, -0.5]]),
      tf.tensor1d([0.1, 0.2]),
    ];
    const x = tf.tensor2d([
      [0.1, 0.9, 0.3, 0.2],
      [0.1, 0.2, 0.3, 0.4],
    ]);
    const out = tf.tidy(() => model.forward(params, x).arraySync());
    // max over pixels of relu(2p − 1): 0.8 for the first image, 0 for the second.
    expect(out[0]![0]).toBeCloseTo(0.8 * 1.5 + 0.1, 6);
    expect(out[0]![1]).toBeCloseTo(0.8 * -0.5 + 0.2, 6);
    expect(out[1]![0]).toBeCloseTo(0.1, 6);
    expect(out[1]![1]).toBeCloseTo(0.2, 6);
    tf.dispose([params, x]);
  });

  it.each([1, 2, 3, 5])('conv2dSame with a %d×%d kernel equals tf.conv2d (same padding)', (k) => {
    const before = tf.memory().numTensors;
    const rng = createRng(k);
    const values = (size: number) => Float32Array.from({ length: size }, () => rng.gaussian());
    const diff = tf.tidy(() => {
      const image = tf.tensor4d(values(2 * 5 * 6 * 3), [2, 5, 6, 3]);
      const kernel = tf.tensor4d(values(k * k * 3 * 4), [k, k, 3, 4]);
      const ours = conv2dSame(image, kernel);
      expect(ours.shape).toEqual([2, 5, 6, 4]);
      return tf.max(tf.abs(tf.sub(ours, tf.conv2d(image, kernel, 1, 'same')))).dataSync()[0];
    });
    expect(diff).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses data without an image shape, and bad params', () => {
    const spiral = createDataset('dataset.spiral', {});
    expect(() => createModel('model.cnn', {}, spiral)).toThrow(
      'model.cnn: needs image data (e.g. dataset.digits); this dataset has no image shape',
    );
    expect(() => createModel('model.cnn', { kernel: 2.5 }, digits)).toThrow(
      'model.cnn: kernel must be an integer >= 1, got 2.5',
    );
  });
});
