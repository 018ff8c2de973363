import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hessianVectorProduct, makeHvp } from '../../../../src-shared/engine/curvature';
import { createModel } from '../../../../src-shared/engine/models';
import { createRng } from '../../../../src-shared/engine/random';
import { mlpHessianFd, mlpLoss64, TINY_MLP } from './tiny-mlp';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const surfaceHvp = (fn: string, at: [number, number], v: [number, number]): number[] => {
  const model = createModel('model.surface', { fn }, null);
  return tf.tidy(() => {
    const hv = hessianVectorProduct(
      (ps) => model.loss(ps, null),
      [tf.tensor1d(at)],
      [tf.tensor1d(v)],
    );
    return [...hv[0]!.dataSync()];
  });
};

describe('hessianVectorProduct', () => {
  it('quadratic 0.5(x² + 10y²): H = diag(1, 10) anywhere', () => {
    const before = tf.memory().numTensors;
    const hv = surfaceHvp('quadratic', [0.7, -1.3], [1, 1]);
    expect(hv[0]).toBeCloseTo(1, 3);
    expect(hv[1]).toBeCloseTo(10, 3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rosenbrock at (-1.2, 1): H = [[2 − 400y + 1200x², −400x], [−400x, 200]] = [[1330, 480], [480, 200]]', () => {
    const e1 = surfaceHvp('rosenbrock', [-1.2, 1], [1, 0]);
    const e2 = surfaceHvp('rosenbrock', [-1.2, 1], [0, 1]);
    expect(Math.abs(e1[0]! - 1330)).toBeLessThan(1330 * 1e-3);
    expect(Math.abs(e1[1]! - 480)).toBeLessThan(1330 * 1e-3);
    expect(Math.abs(e2[0]! - 480)).toBeLessThan(1330 * 1e-3);
    expect(Math.abs(e2[1]! - 200)).toBeLessThan(1330 * 1e-3);
  });

  it('is linear in v and zero for v = 0', () => {
    const a = surfaceHvp('himmelblau', [1, 1], [0.3, -0.2]);
    const b = surfaceHvp('himmelblau', [1, 1], [3, -2]);
    expect(b[0]).toBeCloseTo(10 * a[0]!, 2);
    expect(b[1]).toBeCloseTo(10 * a[1]!, 2);
    expect(surfaceHvp('himmelblau', [1, 1], [0, 0])).toEqual([0, 0]);
  });

  it('MLP (tanh, softmax cross-entropy): matches a float64 second-difference Hessian of the loss', () => {
    const model = createModel(
      'model.mlp',
      { hidden: [TINY_MLP.hidden], activation: 'tanh' },
      TINY_MLP.data,
    );
    const before = tf.memory().numTensors;
    const theta = TINY_MLP.theta();
    const params = TINY_MLP.split(theta).map((v, i) =>
      tf.tensor(v, [...model.paramInfo[i]!.shape]),
    );
    const batch = { x: tf.tensor2d(TINY_MLP.x), y: tf.tensor1d(TINY_MLP.y, 'int32') };
    // Sanity: both routes compute the same loss.
    const loss = tf.tidy(() => model.loss(params, batch).dataSync()[0]);
    expect(loss).toBeCloseTo(mlpLoss64(theta), 5);
    const H = mlpHessianFd(theta);
    const n = theta.length;
    const hvp = makeHvp((ps) => model.loss(ps, batch), params);
    const rng = createRng(12);
    for (let trial = 0; trial < 3; trial++) {
      const v = Array.from({ length: n }, () => rng.gaussian());
      const vParts = TINY_MLP.split(v).map((part, i) =>
        tf.tensor(part, [...model.paramInfo[i]!.shape]),
      );
      const hv = hvp(vParts);
      const got = hv.flatMap((t) => [...t.dataSync()]);
      const want = Array.from({ length: n }, (_, i) => H[i]!.reduce((a, h, j) => a + h * v[j]!, 0));
      const err = Math.hypot(...got.map((g, i) => g - want[i]!));
      expect(err / Math.hypot(...want)).toBeLessThan(1e-3);
      tf.dispose([vParts, hv]);
    }
    tf.dispose([params, batch.x, batch.y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a direction of the wrong arity', () => {
    expect(() => hessianVectorProduct(() => tf.scalar(0), [tf.scalar(1)], [])).toThrow(
      'hessianVectorProduct: 0 direction tensors for 1 params',
    );
  });
});
