import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdam } from '../../../../src-shared/engine/optimizers/adam';
import { createAdamw } from '../../../../src-shared/engine/optimizers/adamw';
import { expectPoints, fixed, trajectory } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('optimizer.adamw', () => {
  it('decays the weights by (1 − lr·wd) outside the adaptive step', () => {
    const before = tf.memory().numTensors;
    const opt = createAdamw({ weightDecay: 0.1 });
    // g = 0.5 fixed, lr = 0.1: k=1: θ·(1 − 0.01) then −0.1·sign(g): (0.99 − 0.1, −1.98 − 0.1)
    // = (0.89, −2.08); with a fixed g every Adam step is exactly 0.1·g/(|g| + ε):
    // k=2: (0.89·0.99 − 0.1, −2.08·0.99 − 0.1) = (0.7811, −2.1592); k=3: (0.673289, −2.237608).
    const path = trajectory(opt, [[1, -2]], fixed([[0.5, 0.5]]), { lr: 0.1, steps: 3 });
    expectPoints(path, [[[0.89, -2.08]], [[0.7811, -2.1592]], [[0.673289006, -2.23760799]]]);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('differs from Adam with the same weightDecay as L2', () => {
    const w = createAdamw({ weightDecay: 0.1 });
    const l2 = createAdam({ weightDecay: 0.1 });
    const a = trajectory(w, [[1, -2]], fixed([[0.5, 0.5]]), { lr: 0.1, steps: 1 });
    const b = trajectory(l2, [[1, -2]], fixed([[0.5, 0.5]]), { lr: 0.1, steps: 1 });
    // AdamW (0.89, −2.08) vs Adam+L2 (0.9, −2.1): L2 only changes the gradient's sign here.
    expect(a[0]![0]![0]).toBeCloseTo(0.89, 6);
    expect(b[0]![0]![0]).toBeCloseTo(0.9, 6);
    expect(a[0]![0]![1]).toBeCloseTo(-2.08, 6);
    expect(b[0]![0]![1]).toBeCloseTo(-2.1, 6);
    w.dispose();
    l2.dispose();
  });

  it('defaults to weightDecay 0.01 and has AMSGrad', () => {
    const opt = createAdamw({ amsgrad: true });
    expect(opt.getHyper('weightDecay')).toBe(0.01);
    expect(opt.getHyper('amsgrad')).toBe(true);
    opt.dispose();
  });
});
