import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRmsprop } from '../../../../src-shared/engine/optimizers/rmsprop';
import { expectPoints, fixed, quadratic, trajectory } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('optimizer.rmsprop', () => {
  it('s_k = β s_{k−1} + (1 − β) g²; step lr·g/(√s + ε)', () => {
    const before = tf.memory().numTensors;
    const opt = createRmsprop({ beta: 0.9 });
    // g = 1, β = 0.9, lr = 0.01: s_k = 1 − 0.9^k = 0.1, 0.19, 0.271;
    // steps 0.01/√0.1 = 0.0316228, 0.01/√0.19 = 0.0229416, 0.01/√0.271 = 0.0192095.
    const path = trajectory(opt, [[0]], fixed([[1]]), { lr: 0.01, steps: 3 });
    expectPoints(path, [[[-0.0316227756]], [[-0.0545643485]], [[-0.0737738169]]]);
    expect(Object.keys(opt.state())).toEqual(['s']);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('centered divides by √(s − ḡ²) + ε', () => {
    const opt = createRmsprop({ beta: 0.9, centered: true });
    // g = 1: ḡ_k = s_k = 1 − 0.9^k; s − ḡ² = 0.1 − 0.01 = 0.09 → step 0.01/0.3 = 0.0333333;
    // k=2: 0.19 − 0.0361 = 0.1539 → 0.01/0.392301 = 0.0254907;
    // k=3: 0.271 − 0.073441 = 0.197559 → 0.01/0.444476 = 0.0224984.
    const path = trajectory(opt, [[0]], fixed([[1]]), { lr: 0.01, steps: 3 });
    expectPoints(path, [[[-0.0333333322]], [[-0.0588239687]], [[-0.0813223659]]]);
    expect(Object.keys(opt.state()).sort()).toEqual(['gradAvg', 's']);
    opt.dispose();
  });

  it('momentum: b starts at zero, b ← μb + g/(√s + ε), θ ← θ − lr·b', () => {
    const opt = createRmsprop({ beta: 0.9, momentum: 0.5 });
    // g = 1: b₁ = 1/√0.1 = 3.162278 → x₁ = −0.0316228;
    // b₂ = 1.581139 + 1/√0.19 = 3.875299 → x₂ = −0.0703757;
    // b₃ = 1.937650 + 1/√0.271 = 3.858244 → x₃ = −0.1089617.
    const path = trajectory(opt, [[0]], fixed([[1]]), { lr: 0.01, steps: 3 });
    expectPoints(path, [[[-0.0316227756]], [[-0.0703757363]], [[-0.108961685]]]);
    opt.dispose();
  });

  it('centered with momentum on ½(x² + 10y²) (values from the formulas in float64)', () => {
    const opt = createRmsprop({ beta: 0.99, momentum: 0.9, centered: true });
    // k=1: g = (1, −20); s = 0.01g², ḡ = 0.01g, s − ḡ² = 0.0099g² → b = sign(g)/√0.0099
    //      = ±10.050378, x = (1, −2) ∓ 0.1005038 = (0.8994962, −1.8994962).
    const path = trajectory(opt, [[1, -2]], quadratic([[1, 10]]), { lr: 0.01, steps: 3 });
    expectPoints(path, [
      [[0.899496229, -1.89949622]],
      [[0.741305993, -1.73929875]],
      [[0.549650185, -1.54067801]],
    ]);
    opt.dispose();
  });

  it('checks beta', () => {
    expect(() => createRmsprop({ beta: 1.5 })).toThrow('optimizer.rmsprop: beta must be in [0, 1]');
  });
});
