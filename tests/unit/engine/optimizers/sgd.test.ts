import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSgd } from '../../../../src-shared/engine/optimizers/sgd';
import { expectPoints, fixed, quadratic, trajectory, values } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('optimizer.sgd', () => {
  it('plain GD on ½·a·x² follows the closed form x_k = (1 − lr·a)^k · x₀', () => {
    const before = tf.memory().numTensors;
    const opt = createSgd({ lr: 0.1 });
    // a = (1, 4), x₀ = (1, −2), lr = 0.1: factors 0.9 and 0.6 per step.
    const path = trajectory(opt, [[1, -2]], quadratic([[1, 4]]), { lr: 0.1, steps: 30 });
    const expected = path.map((_, k) => [[0.9 ** (k + 1), -2 * 0.6 ** (k + 1)]]);
    expectPoints(path, expected, 1e-5);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('momentum: the first buffer is the gradient itself (torch), then b ← μb + g', () => {
    const before = tf.memory().numTensors;
    const opt = createSgd({ momentum: 0.9 });
    // f = ½x², x₀ = 1, lr = 0.1, μ = 0.9:
    // k=1: g=1,    b=1,                 x=1 − 0.1·1      = 0.9
    // k=2: g=0.9,  b=0.9·1 + 0.9 = 1.8, x=0.9 − 0.18     = 0.72
    // k=3: g=0.72, b=0.9·1.8 + 0.72 = 2.34, x=0.72 − 0.234 = 0.486
    const path = trajectory(opt, [[1]], quadratic([[1]]), {
      lr: 0.1,
      steps: 3,
      after: (o, k) => {
        if (k === 1) expect(values(o.state().velocity![0]!)).toEqual([1]);
      },
    });
    expectPoints(path, [[[0.9]], [[0.72]], [[0.486]]]);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Nesterov steps along g + μ·b and differs from plain momentum', () => {
    const opt = createSgd({ momentum: 0.9, nesterov: true });
    // k=1: g=1, b=1, d = 1 + 0.9·1 = 1.9, x = 1 − 0.19 = 0.81
    // k=2: g=0.81, b=0.9 + 0.81 = 1.71, d = 0.81 + 1.539 = 2.349, x = 0.81 − 0.2349 = 0.5751
    // k=3: g=0.5751, b=1.539 + 0.5751 = 2.1141, d = 0.5751 + 1.90269 = 2.47779,
    //      x = 0.5751 − 0.247779 = 0.327321
    const path = trajectory(opt, [[1]], quadratic([[1]]), { lr: 0.1, steps: 3 });
    expectPoints(path, [[[0.81]], [[0.5751]], [[0.327321]]]);
    opt.dispose();
  });

  it('dampening applies from the second step on; L2 weight decay adds wd·θ', () => {
    const damped = createSgd({ momentum: 0.9, dampening: 0.5 });
    // g = 1 always: b₁ = 1, b₂ = 0.9 + 0.5 = 1.4, b₃ = 1.26 + 0.5 = 1.76; lr = 0.1.
    const path = trajectory(damped, [[1]], fixed([[1]]), { lr: 0.1, steps: 3 });
    expectPoints(path, [[[0.9]], [[0.76]], [[0.584]]]);
    damped.dispose();

    const decayed = createSgd({ weightDecay: 0.1 });
    // g = 0: θ ← θ − 0.5·0.1·θ = 0.95·θ.
    const decay = trajectory(decayed, [[1, -2]], fixed([[0, 0]]), { lr: 0.5, steps: 3 });
    expectPoints(decay, [[[0.95, -1.9]], [[0.9025, -1.805]], [[0.857375, -1.71475]]]);
    decayed.dispose();
  });

  it('uses the lr of the step context and live hyper changes at the next step', () => {
    const opt = createSgd({ lr: 0.5, momentum: 0 });
    expect(opt.getHyper('lr')).toBe(0.5);
    // f = ½x²: step 1 plain GD with lr 0.1 → 0.9; then momentum 0.5 switched on: the buffer
    // starts at g = 0.9 → x = 0.9 − 0.09 = 0.81; then b = 0.5·0.9 + 0.81 = 1.26 → 0.684.
    const path = trajectory(opt, [[1]], quadratic([[1]]), {
      lr: 0.1,
      steps: 3,
      after: (o, k) => {
        if (k === 1) o.setHyper('momentum', 0.5);
      },
    });
    expectPoints(path, [[[0.9]], [[0.81]], [[0.684]]]);
    opt.dispose();
  });

  it('refuses what torch refuses, with the reason', () => {
    expect(() => createSgd({ lr: -1 })).toThrow('optimizer.sgd: lr must be >= 0, got -1');
    expect(() => createSgd({ nesterov: true })).toThrow('Nesterov momentum requires a momentum');
    expect(() => createSgd({ momentum: 0.9, nesterov: true, dampening: 0.1 })).toThrow(
      'zero dampening',
    );
    expect(() => createSgd({ momentum: -0.1 })).toThrow('momentum must be >= 0');
    expect(() => createSgd({ weightDecay: -1 })).toThrow('weightDecay must be >= 0');
    expect(() => createSgd({ lr: 'fast' })).toThrow("lr must be a finite number, got 'fast'");
    expect(() => createSgd({ nesterov: 1 })).toThrow('nesterov must be true or false, got 1');
    expect(() => createSgd({ beta1: 0.9 })).toThrow("unknown parameter 'beta1'");
  });

  it('a refused live change leaves the hyper-parameters as they were', () => {
    const opt = createSgd({ momentum: 0.9, nesterov: true });
    expect(() => opt.setHyper('momentum', 0)).toThrow('Nesterov');
    expect(opt.getHyper('momentum')).toBe(0.9);
    expect(() => opt.setHyper('lr', Number.NaN)).toThrow('lr must be a finite number');
    expect(() => opt.setHyper('beta', 0.9)).toThrow("unknown hyper-parameter 'beta'");
    opt.dispose();
  });
});
