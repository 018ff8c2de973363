import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdam } from '../../../../src-shared/engine/optimizers/adam';
import { createAdamw } from '../../../../src-shared/engine/optimizers/adamw';
import { expectPoints, fixed, type GradFn, quadratic, trajectory, values } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('optimizer.adam', () => {
  it('bias correction makes the first step lr·g/(|g| + ε) ≈ lr·sign(g)', () => {
    const before = tf.memory().numTensors;
    const opt = createAdam({});
    // m₁ = 0.1g, v₁ = 0.001g² → m̂₁ = g, v̂₁ = g² → step = lr·g/(|g| + 1e-8).
    // Without the correction it would be lr·0.1g/(√0.001·|g|) ≈ 3.16·lr·sign(g).
    const path = trajectory(opt, [[0, 0, 0]], fixed([[3, -0.5, 1e-3]]), { lr: 0.1, steps: 1 });
    expectPoints(path, [[[-0.1, 0.1, -0.1 * (1e-3 / (1e-3 + 1e-8))]]], 1e-6);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('first three steps on ½(x² + 10y²) from (1, −2), lr 0.1', () => {
    const opt = createAdam({});
    // k=1: g = (1, −20) → step ±0.1·sign(g): (0.9, −1.9).
    // k=2: g = (0.9, −19); m = (0.9·0.1 + 0.09, −1.8 − 1.9) = (0.18, −3.7), m̂ = m/0.19;
    //      v = (0.999e-3 + 0.81e-3, 0.3996 + 0.361) = (1.809e-3, 0.7606), v̂ = v/0.001999;
    //      x −= 0.1·m̂/(√v̂ + ε) → (0.80041223, −1.80016649).
    // k=3 likewise (float64 evaluation of the same formulas).
    const path = trajectory(opt, [[1, -2]], quadratic([[1, 10]]), {
      lr: 0.1,
      steps: 3,
      after: (o, k) => {
        if (k === 1) {
          const s = o.state();
          expect(Object.keys(s).sort()).toEqual(['m', 'v']);
          expect(values(s.m![0]!)[0]).toBeCloseTo(0.1, 7);
          expect(values(s.v![0]!)[1]).toBeCloseTo(0.4, 6);
        }
      },
    });
    expectPoints(path, [[[0.9, -1.9]], [[0.80041223, -1.80016649]], [[0.701586275, -1.70062339]]]);
    opt.dispose();
  });

  it('AMSGrad divides by the running maximum of v', () => {
    const grads = [10, 1, 1];
    const seq: GradFn = (_x, k) => [[grads[k]!]];
    const ams = createAdam({ beta2: 0.5, amsgrad: true });
    // β₂ = 0.5: v = 50, 25.5, 13.25 shrinks while v_max stays 50; m = 1, 1, 1 (0.9·1 + 0.1·1).
    // k=2: m̂ = 1/0.19, v̂ = 50/0.75 → step 0.1·5.263158/8.164966 = 0.0644603 → x₂ = −0.1644603
    // (plain Adam: v̂ = 25.5/0.75 = 34 → step 0.0902624 → x₂ = −0.1902624).
    const path = trajectory(ams, [[0]], seq, {
      lr: 0.1,
      steps: 3,
      after: (o, k) => {
        if (k === 3) {
          expect(values(o.state().vMax![0]!)).toEqual([50]);
          expect(values(o.state().v![0]!)[0]).toBeCloseTo(13.25, 5);
        }
      },
    });
    expectPoints(path, [[[-0.1]], [[-0.164460256]], [[-0.213274856]]]);
    ams.dispose();
    const plain = createAdam({ beta2: 0.5 });
    const plainPath = trajectory(plain, [[0]], seq, { lr: 0.1, steps: 3 });
    expectPoints(plainPath, [[[-0.1]], [[-0.190262413]], [[-0.285088274]]]);
    plain.dispose();
  });

  it('weightDecay is L2: wd·θ is added to the gradient before the moments', () => {
    const opt = createAdam({ weightDecay: 0.1 });
    // g = 0.5 + 0.1θ: at θ₀ = (1, −2) g = (0.6, 0.3) → step −0.1·sign(g) → (0.9, −2.1).
    const path = trajectory(opt, [[1, -2]], fixed([[0.5, 0.5]]), { lr: 0.1, steps: 3 });
    expectPoints(path, [[[0.9, -2.1]], [[0.80004734, -2.19989729]], [[0.700174575, -2.29961847]]]);
    opt.dispose();
  });

  it("'momentum' is beta1 (for OneCycle) and betas are checked as torch does", () => {
    const opt = createAdam({});
    opt.setHyper('momentum', 0.85);
    expect(opt.getHyper('beta1')).toBe(0.85);
    expect(opt.getHyper('momentum')).toBe(0.85);
    opt.dispose();
    expect(() => createAdam({ beta1: 1 })).toThrow(
      'optimizer.adam: beta1 must be in [0, 1), got 1',
    );
    expect(() => createAdam({ beta2: -0.1 })).toThrow('beta2 must be in [0, 1)');
    expect(() => createAdam({ eps: -1 })).toThrow('eps must be >= 0');
  });

  it.each([
    ['adam', createAdam],
    ['adamw', createAdamw],
  ] as const)(
    '%s: small tensors updated as one flat vector give the numbers of one tensor at a time',
    (_, create) => {
      const hyper = { amsgrad: true, weightDecay: 0.05, beta2: 0.9 };
      // Two small tensors (fused) and one of 5000 values (updated alone).
      const start = [[1, -2, 0.5], [3, -0.25], Array.from({ length: 5000 }, (_, i) => Math.sin(i))];
      const coef = start.map((p, i) => p.map((_, j) => 1 + ((i * 7 + j) % 5)));
      const before = tf.memory().numTensors;
      const together = create(hyper);
      const counts: number[] = [];
      let state: Record<string, number[][]> = {};
      const path = trajectory(together, start, quadratic(coef), {
        lr: 0.05,
        steps: 4,
        after: (o, k) => {
          const s = o.state();
          counts.push(tf.memory().numTensors);
          if (k === 4) {
            state = Object.fromEntries(
              Object.entries(s).map(([name, list]) => [name, list.map(values)]),
            );
          }
        },
      });
      together.dispose();
      expect(tf.memory().numTensors).toBe(before);
      expect(new Set(counts.slice(1)).size).toBe(1);
      expect(Object.keys(state).sort()).toEqual(['m', 'v', 'vMax']);
      start.forEach((p, i) => {
        const alone = create(hyper);
        const own = trajectory(alone, [p], quadratic([coef[i]!]), {
          lr: 0.05,
          steps: 4,
          after: (o, k) => {
            if (k !== 4) return;
            for (const [name, list] of Object.entries(o.state())) {
              expect(state[name]![i], `${name}[${i}]`).toEqual(values(list[0]!));
            }
          },
        });
        alone.dispose();
        // Bit for bit: the same float32 ops on the same values.
        expect(path.map((point) => point[i])).toEqual(own.map((point) => point[0]));
      });
    },
  );
});
