import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNadam } from '../../../../src-shared/engine/optimizers/nadam';
import { expectPoints, fixed, quadratic, trajectory } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('optimizer.nadam (torch docs: μ_t = β₁(1 − ½·0.96^{tψ}), Π μ)', () => {
  it('first three steps with a fixed gradient and the defaults', () => {
    const before = tf.memory().numTensors;
    const opt = createNadam({});
    // ψ = 0.004, β₁ = 0.9, lr = 0.002, g = 1:
    // μ₁ = 0.9(1 − ½·0.96^0.004) = 0.4500735, μ₂ = 0.9(1 − ½·0.96^0.008) = 0.4501469;
    // m₁ = 0.1, v̂₁ = 1 → step = 0.002·[(1 − μ₁)/(1 − μ₁)·1 + μ₂/(1 − μ₁μ₂)·0.1]
    //                  = 0.002·(1 + 0.0564518) = 0.00211290.
    // k=2, 3 by the same formulas (Π₂ = μ₁μ₂, μ₃ …) evaluated in float64.
    const path = trajectory(opt, [[0]], fixed([[1]]), { lr: 0.002, steps: 3 });
    expectPoints(path, [[[-0.00211290354]], [[-0.00368027223]], [[-0.00514470648]]]);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('first three steps on ½(x² + 10y²) from (1, −2), lr 0.1', () => {
    const opt = createNadam({});
    // k=1: g = (1, −20), v̂ = g² so each coordinate moves by 0.1·1.0564518·sign(g)
    //      → (0.8943548, −1.8943548); k=2, 3 from the same formulas in float64.
    const path = trajectory(opt, [[1, -2]], quadratic([[1, 10]]), { lr: 0.1, steps: 3 });
    expectPoints(path, [
      [[0.894354823, -1.89435482]],
      [[0.819973072, -1.81789753]],
      [[0.752729268, -1.7475085]],
    ]);
    opt.dispose();
  });

  it('checks momentumDecay and has the catalog defaults', () => {
    expect(() => createNadam({ momentumDecay: -1 })).toThrow('momentumDecay must be >= 0');
    const opt = createNadam({});
    expect(opt.getHyper('lr')).toBe(0.002);
    expect(opt.getHyper('momentumDecay')).toBe(0.004);
    opt.dispose();
  });
});
