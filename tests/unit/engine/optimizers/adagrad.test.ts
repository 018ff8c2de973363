import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdagrad } from '../../../../src-shared/engine/optimizers/adagrad';
import { expectPoints, fixed, trajectory, values } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('optimizer.adagrad', () => {
  it('s_k = Σ g²: with a fixed gradient the k-th step is lr·sign(g)/√k', () => {
    const before = tf.memory().numTensors;
    const opt = createAdagrad({});
    // g = (1, 2), lr = 0.1, s₀ = 0: s_k = k·g², step_k = 0.1·g/(√k·|g|) = 0.1/√k per coordinate.
    // x₁ = −0.1, x₂ = −(0.1 + 0.0707107) = −0.1707107, x₃ = −(0.1707107 + 0.0577350) = −0.2284457
    const path = trajectory(opt, [[0, 0]], fixed([[1, 2]]), {
      lr: 0.1,
      steps: 3,
      after: (o, k) => {
        if (k === 3) expect(values(o.state().s![0]!)).toEqual([3, 12]);
      },
    });
    const x = [0.1, 0.17071067811865476, 0.22844570503761735];
    expectPoints(
      path,
      x.map((v) => [[-v, -v]]),
    );
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('starts the accumulator at initialAccumulator (torch, not tf.train’s fixed 0.1)', () => {
    const opt = createAdagrad({ initialAccumulator: 0.1 });
    // g = 1: s_k = 0.1 + k; steps 0.1/√1.1, 0.1/√2.1, 0.1/√3.1 → cumulative below.
    const path = trajectory(opt, [[0]], fixed([[1]]), { lr: 0.1, steps: 3 });
    expectPoints(path, [
      [[-0.09534625892455922]],
      [[-0.16435281485879466]],
      [[-0.22114899828350115]],
    ]);
    opt.dispose();
  });

  it('puts ε outside the square root', () => {
    const opt = createAdagrad({ eps: 1 });
    // g = 1, s₁ = 1: step = 0.1·1/(√1 + 1) = 0.05 (ε inside the root would give 0.1/√2).
    const path = trajectory(opt, [[0]], fixed([[1]]), { lr: 0.1, steps: 1 });
    expectPoints(path, [[[-0.05]]]);
    opt.dispose();
  });

  it('refuses a negative accumulator or ε', () => {
    expect(() => createAdagrad({ initialAccumulator: -1 })).toThrow(
      'initialAccumulator must be >= 0, got -1',
    );
    expect(() => createAdagrad({ eps: -1e-10 })).toThrow('eps must be >= 0');
  });
});
