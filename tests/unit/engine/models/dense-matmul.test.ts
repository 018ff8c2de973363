/**
 * The dense product with explicit transposes in its gradient equals tfjs's matMul in value
 * and in both gradients, on cpu and wasm; the data variant gives the same weight gradient.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { denseMatMul, denseMatMulOfData } from '../../../../src-shared/engine/models/dense-matmul';
import { createRng } from '../../../../src-shared/engine/random';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const maxAbs = (a: tf.Tensor, b: tf.Tensor): number =>
  tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);

describe.each(['cpu', 'wasm'])('denseMatMul on %s', (backend) => {
  it('matches tf.matMul and its gradients, leaks nothing', async () => {
    await tf.setBackend(backend);
    const before = tf.memory().numTensors;
    const rng = createRng(3);
    const values = (size: number) => Float32Array.from({ length: size }, () => rng.gaussian());
    const x = tf.tensor2d(values(7 * 5), [7, 5]);
    const w = tf.tensor2d(values(5 * 3), [5, 3]);
    const weights = tf.tensor2d(values(7 * 3), [7, 3]);
    const objective =
      (mm: (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D) => (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(mm(a as tf.Tensor2D, b as tf.Tensor2D), weights));
    const ref = tf.grads(objective((a, b) => tf.matMul(a, b)))([x, w]);
    const ours = tf.grads(objective(denseMatMul))([x, w]);
    const dataOnly = tf.grad((b: tf.Tensor) =>
      tf.tidy(() =>
        tf.sum(tf.mul(denseMatMulOfData(tf.reshape(x, [7, 5]), b as tf.Tensor2D), weights)),
      ),
    )(w);
    const value = denseMatMul(x, w);
    const refValue = tf.matMul(x, w);
    expect(maxAbs(value, refValue)).toBeLessThan(1e-5);
    expect(ours[0]!.shape).toEqual([7, 5]);
    expect(ours[1]!.shape).toEqual([5, 3]);
    expect(maxAbs(ours[0]!, ref[0]!)).toBeLessThan(1e-5);
    expect(maxAbs(ours[1]!, ref[1]!)).toBeLessThan(1e-5);
    expect(maxAbs(dataOnly, ref[1]!)).toBeLessThan(1e-5);
    expect(tf.tidy(() => tf.max(tf.abs(ref[1]!)).dataSync()[0]!)).toBeGreaterThan(0.5);
    tf.dispose([x, w, weights, ref, ours, dataOnly, value, refValue]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
