import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullHessian, makeHvp } from '../../../../src-shared/engine/curvature';
import { createModel } from '../../../../src-shared/engine/models';
import { mlpHessianFd, TINY_MLP } from './tiny-mlp';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('fullHessian', () => {
  it('quadratic: [[1, 0], [0, 10]]; rosenbrock at (1, 1): [[802, −400], [−400, 200]]', () => {
    const before = tf.memory().numTensors;
    for (const [fn, at, want] of [
      ['quadratic', [0.5, 0.5], [1, 0, 0, 10]],
      ['rosenbrock', [1, 1], [802, -400, -400, 200]],
    ] as const) {
      const model = createModel('model.surface', { fn }, null);
      const point = tf.tensor1d([...at]);
      const h = fullHessian(
        makeHvp((ps) => model.loss(ps, null), [point]),
        [[2]],
      );
      for (let i = 0; i < 4; i++) {
        expect(Math.abs(h[i]! - want[i]!)).toBeLessThan(
          1e-3 * Math.max(1, Math.abs(want[i]!)) + 0.01,
        );
      }
      point.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('MLP (tanh, cross-entropy): every entry matches the float64 FD Hessian; symmetric', () => {
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
    const n = theta.length;
    const h = fullHessian(
      makeHvp((ps) => model.loss(ps, batch), params),
      model.paramInfo.map((p) => p.shape),
    );
    const want = mlpHessianFd(theta);
    const scale = Math.max(...want.flat().map(Math.abs));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(Math.abs(h[i * n + j]! - want[i]![j]!)).toBeLessThan(2e-3 * scale);
        expect(h[i * n + j]).toBe(h[j * n + i]);
      }
    }
    tf.dispose([params, batch.x, batch.y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses models too large for a dense Hessian', () => {
    expect(() => fullHessian(() => [], [[100, 50]], 4096)).toThrow(
      'the full Hessian of 5000 parameters needs 5000×5000 entries; at most 4096 parameters are supported',
    );
  });
});
