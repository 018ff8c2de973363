import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRadam, radamRectification } from '../../../../src-shared/engine/optimizers/radam';
import { expectPoints, fixed, quadratic, trajectory } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('optimizer.radam (torch docs: ρ∞, ρ_t, rectify when ρ_t > 5)', () => {
  it('ρ_t for β₂ = 0.999: ρ∞ = 1999, ρ₁ = 1999 − 2·0.999/0.001 = 1, first > 5 at t = 6', () => {
    expect(radamRectification(0.999, 1).rhoT).toBeCloseTo(1, 9);
    expect(radamRectification(0.999, 5).rect).toBeUndefined(); // ρ₅ = 4.996
    const six = radamRectification(0.999, 6); // ρ₆ = 5.99416
    expect(six.rhoT).toBeCloseTo(5.994163751655833, 9);
    expect(six.rect).toBeCloseTo(0.0258211, 6);
  });

  it('un-adapted steps θ −= lr·m̂ while ρ_t ≤ 5, then the rectified step', () => {
    const before = tf.memory().numTensors;
    const opt = createRadam({});
    // g = 1: m̂ = 1 every step, so steps 1–5 move by lr = 0.1 exactly.
    // Step 6: v = 1 − 0.999⁶, √(1 − β₂⁶)/(√v + ε) ≈ 1 → step = 0.1·r₆ = 0.00258211.
    const path = trajectory(opt, [[0]], fixed([[1]]), { lr: 0.1, steps: 8 });
    expectPoints(path, [
      [[-0.1]],
      [[-0.2]],
      [[-0.3]],
      [[-0.4]],
      [[-0.5]],
      [[-0.502582111]],
      [[-0.505855992]],
      [[-0.509729819]],
    ]);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('on ½(x² + 10y²) with β₂ = 0.9 (rectified from step 6 on)', () => {
    const opt = createRadam({ beta2: 0.9 });
    // k=1: m̂ = g = (1, −20) → (1, −2) − 0.1·(1, −20) = (0.9, 0).
    // k=2: g = (0.9, 0), m = 0.9·(0.1, −2) + 0.1·g = (0.18, −1.8), m̂ = m/0.19
    //      = (0.9473684, −9.4736842), ρ₂ = 1.947 ≤ 5 → x −= 0.1·m̂ → (0.8052632, 0.9473684).
    // Later steps: the same formulas in float64 (ρ_t first exceeds 5 at t = 6: 5.3896).
    const path = trajectory(opt, [[1, -2]], quadratic([[1, 10]]), { lr: 0.1, steps: 8 });
    expectPoints(path, [
      [[0.9, 0.0]],
      [[0.805263158, 0.947368421]],
      [[0.715770052, 1.19557196]],
      [[0.63148663, 1.02395127]],
      [[0.552364195, 0.644196332]],
      [[0.527357951, 0.633953174]],
      [[0.495169879, 0.618543555]],
      [[0.457090495, 0.598090379]],
    ]);
    opt.dispose();
  });
});
