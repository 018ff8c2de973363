/**
 * The native-forward convolution with its custom gradient equals the im2col reference (built
 * from tfjs's own differentiable ops) in value and in both gradients, on cpu and on wasm,
 * for odd and even kernels; the data variant gives the same filter gradient. Outside a
 * recorded pass these layers (and the dense product's) run the bare op with the same value.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  conv2dSame,
  conv2dSameBiasRelu,
  conv2dSameIm2col,
  conv2dSameOfData,
} from '../../../../src-shared/engine/models/conv2d';
import { denseMatMul, denseMatMulOfData } from '../../../../src-shared/engine/models/dense-matmul';
import { createRng } from '../../../../src-shared/engine/random';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const maxAbs = (a: tf.Tensor, b: tf.Tensor): number =>
  tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
const scale = (a: tf.Tensor): number => tf.tidy(() => tf.max(tf.abs(a)).dataSync()[0]!);

describe.each(['cpu', 'wasm'])('conv2dSame on %s', (backend) => {
  it.each([1, 2, 3, 4, 5])('kernel width %d: value and gradients match im2col', async (k) => {
    await tf.setBackend(backend);
    const before = tf.memory().numTensors;
    const rng = createRng(10 + k);
    const values = (size: number) => Float32Array.from({ length: size }, () => rng.gaussian());
    const image = tf.tensor4d(values(3 * 6 * 5 * 2), [3, 6, 5, 2]);
    const kernel = tf.tensor4d(values(k * k * 2 * 4), [k, k, 2, 4]);
    // A weighted sum makes every output element's gradient different.
    const weights = tf.tensor4d(values(3 * 6 * 5 * 4), [3, 6, 5, 4]);
    const objective =
      (conv: (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D) => (x: tf.Tensor, w: tf.Tensor) =>
        tf.sum(tf.mul(conv(x as tf.Tensor4D, w as tf.Tensor4D), weights));
    const ref = tf.grads(objective(conv2dSameIm2col))([image, kernel]);
    const ours = tf.grads(objective(conv2dSame))([image, kernel]);
    const dataOnly = tf.grad((w: tf.Tensor) =>
      tf.sum(tf.mul(conv2dSameOfData(image, w as tf.Tensor4D), weights)),
    )(kernel);
    const refValue = conv2dSameIm2col(image, kernel);
    const value = conv2dSame(image, kernel);
    const dataValue = conv2dSameOfData(image, kernel);

    const tol = (t: tf.Tensor) => 1e-5 * Math.max(1, scale(t));
    expect(value.shape).toEqual([3, 6, 5, 4]);
    expect(maxAbs(value, refValue)).toBeLessThan(tol(refValue));
    expect(maxAbs(dataValue, refValue)).toBeLessThan(tol(refValue));
    expect(ours[0]!.shape).toEqual(image.shape);
    expect(ours[1]!.shape).toEqual(kernel.shape);
    expect(maxAbs(ours[0]!, ref[0]!)).toBeLessThan(tol(ref[0]!));
    expect(maxAbs(ours[1]!, ref[1]!)).toBeLessThan(tol(ref[1]!));
    expect(maxAbs(dataOnly, ref[1]!)).toBeLessThan(tol(ref[1]!));
    expect(scale(ref[1]!)).toBeGreaterThan(1); // not trivially zero

    tf.dispose([image, kernel, weights, ref, ours, dataOnly, refValue, value, dataValue]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([1, 3, 4])(
    'kernel width %d: fused conv + bias + relu matches im2col, add and relu, with all gradients',
    async (k) => {
      await tf.setBackend(backend);
      const before = tf.memory().numTensors;
      const rng = createRng(40 + k);
      const values = (size: number) => Float32Array.from({ length: size }, () => rng.gaussian());
      const image = tf.tensor4d(values(3 * 6 * 5 * 2), [3, 6, 5, 2]);
      const kernel = tf.tensor4d(values(k * k * 2 * 4), [k, k, 2, 4]);
      const bias = tf.tensor1d(values(4));
      const weights = tf.tensor4d(values(3 * 6 * 5 * 4), [3, 6, 5, 4]);
      const reference = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
        tf.sum(
          tf.mul(tf.relu(tf.add(conv2dSameIm2col(x as tf.Tensor4D, w as tf.Tensor4D), b)), weights),
        );
      const ref = tf.grads(reference)([image, kernel, bias]);
      const ours = tf.grads((x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(conv2dSameBiasRelu(x as tf.Tensor4D, w as tf.Tensor4D, b), weights)),
      )([image, kernel, bias]);
      const ofData = tf.grads((w: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(conv2dSameBiasRelu(image, w as tf.Tensor4D, b, true), weights)),
      )([kernel, bias]);
      const refValue = tf.tidy(() => tf.relu(tf.add(conv2dSameIm2col(image, kernel), bias)));
      const value = conv2dSameBiasRelu(image, kernel, bias);

      const tol = (t: tf.Tensor) => 1e-5 * Math.max(1, scale(t));
      expect(maxAbs(value, refValue)).toBeLessThan(tol(refValue));
      ref.forEach((r, i) => {
        expect(ours[i]!.shape).toEqual(r.shape);
        expect(maxAbs(ours[i]!, r)).toBeLessThan(tol(r));
        expect(scale(r)).toBeGreaterThan(0.5); // not trivially zero
      });
      expect(maxAbs(ofData[0]!, ref[1]!)).toBeLessThan(tol(ref[1]!));
      expect(maxAbs(ofData[1]!, ref[2]!)).toBeLessThan(tol(ref[2]!));

      tf.dispose([image, kernel, bias, weights, ref, ours, ofData, refValue, value]);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('keeps the data alive for backward when the forward ran inside tidy', async () => {
    await tf.setBackend(backend);
    const x = tf.ones([1, 3, 3, 1]);
    const w = tf.ones([3, 3, 1, 1]);
    // The reshape inside the tidy is freed before backward runs.
    const g = tf.grad((kernel: tf.Tensor) =>
      tf.tidy(() => tf.sum(conv2dSameOfData(tf.reshape(x, [1, 3, 3, 1]), kernel as tf.Tensor4D))),
    )(w);
    // Filter tap (dy, dx) sees the pixels shifted by it that stay inside a 3×3 image.
    expect(Array.from(g.dataSync())).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
    tf.dispose([x, w, g]);
  });

  it('outside a recorded pass runs the bare native op, with the recorded value', async () => {
    await tf.setBackend(backend);
    const rng = createRng(7);
    const values = (size: number) => Float32Array.from({ length: size }, () => rng.gaussian());
    const x = tf.tensor4d(values(2 * 4 * 4 * 3), [2, 4, 4, 3]);
    const w = tf.tensor4d(values(3 * 3 * 3 * 5), [3, 3, 3, 5]);
    const b = tf.tensor1d(values(5));
    const m = tf.tensor2d(values(32 * 4), [32, 4]);
    const one = tf.scalar(1);
    const before = tf.memory().numTensors;
    const flat = (t: tf.Tensor) => tf.reshape(t, [2, 32]) as tf.Tensor2D;
    const layers: [string, () => tf.Tensor][] = [
      ['conv2dSame', () => conv2dSame(x, w)],
      ['conv2dSameOfData', () => conv2dSameOfData(x, w)],
      ['conv2dSameBiasRelu', () => conv2dSameBiasRelu(x, w, b)],
      ['conv2dSameBiasRelu of data', () => conv2dSameBiasRelu(x, w, b, true)],
      ['denseMatMul', () => denseMatMul(flat(x.slice([0, 0, 0, 0], [2, 4, 4, 2])), m)],
      ['denseMatMulOfData', () => denseMatMulOfData(flat(x.slice([0, 0, 0, 0], [2, 4, 4, 2])), m)],
    ];
    for (const [name, layer] of layers) {
      // Unrecorded: backend kernels and op scopes only, no custom-gradient scope around them.
      const profile = await tf.profile(() => tf.tidy(() => layer().dataSync()));
      const names = profile.kernels.map((k) => k.name);
      expect(
        names.filter((k) => !k.endsWith('__op') && !tf.getKernel(k, backend)),
        name,
      ).toEqual([]);
      const bare = tf.tidy(() => layer().dataSync());
      // Recorded (as training runs it): the value inside tf.grad is the same.
      let recorded: ArrayLike<number> = [];
      tf.dispose(
        tf.grad((s: tf.Tensor) => {
          const y = layer();
          recorded = y.dataSync();
          return tf.mul(tf.sum(y), s);
        })(one),
      );
      // (tfjs computes a fused op unfused while recording: equal to round-off.)
      const gap = Math.max(...Array.from(bare, (v, i) => Math.abs(v - recorded[i]!)));
      expect(gap, name).toBeLessThan(1e-5);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w, b, m, one]);
  });

  it('refuses a non-square kernel', async () => {
    await tf.setBackend(backend);
    const x = tf.zeros([1, 4, 4, 1]) as tf.Tensor4D;
    const w = tf.zeros([3, 1, 1, 1]) as tf.Tensor4D;
    expect(() => conv2dSame(x, w)).toThrow('conv2dSame: kernel must be square, got 3×1×1×1');
    tf.dispose([x, w]);
  });
});
