import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNewton, NEWTON_MAX_PARAMS } from '../../../../src-shared/engine/optimizers/newton';
import { expectPoints, type GradFn, trajectory } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** f(θ) = ½ θᵀAθ over the concatenated parameters: ∇ = Aθ, Hv = Av. */
function quadraticForm(a: number[][], sizes: number[]) {
  const flatMul = (flat: number[]) => a.map((row) => row.reduce((s, v, j) => s + v * flat[j]!, 0));
  const split = (flat: number[]) => {
    let offset = 0;
    return sizes.map((n) => {
      offset += n;
      return flat.slice(offset - n, offset);
    });
  };
  const grad: GradFn = (x) => split(flatMul(x.flat()));
  const hvp = () => (v: readonly tf.Tensor[]) =>
    tf.split(
      tf
        .matMul(tf.tensor2d(a), tf.concat(v.map((t) => t.reshape([-1]))).reshape([-1, 1]))
        .reshape([-1]),
      sizes,
    );
  return { grad, hvp };
}

describe('optimizer.newton', () => {
  it('reaches the minimum of ½(x² + 10y²) in one step', () => {
    const before = tf.memory().numTensors;
    const opt = createNewton({});
    const { grad, hvp } = quadraticForm(
      [
        [1, 0],
        [0, 10],
      ],
      [2],
    );
    // H = diag(1, 10), ∇ = (3, −20) at (3, −2): θ − H⁻¹∇ = (3 − 3, −2 + 2) = (0, 0).
    const path = trajectory(opt, [[3, -2]], grad, { lr: 1, steps: 2, hvp });
    expectPoints(path, [[[0, 0]], [[0, 0]]], 1e-6);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('solves a coupled Hessian across several parameter tensors', () => {
    const opt = createNewton({});
    const { grad, hvp } = quadraticForm(
      [
        [4, 1, 0],
        [1, 3, 1],
        [0, 1, 2],
      ],
      [2, 1],
    );
    const path = trajectory(opt, [[1, -1], [2]], grad, { lr: 1, steps: 1, hvp });
    expectPoints(path, [[[0, 0], [0]]], 1e-6);
    opt.dispose();
  });

  it('damping and lr: θ ← θ − lr(H + δI)⁻¹∇', () => {
    const opt = createNewton({ damping: 1, lr: 0.5 });
    const { grad, hvp } = quadraticForm(
      [
        [1, 0],
        [0, 10],
      ],
      [2],
    );
    // (H + I)⁻¹∇ at (3, −2) = (3/2, −20/11): θ₁ = (3 − 0.75, −2 + 0.5·1.818182) = (2.25, −1.090909).
    const path = trajectory(opt, [[3, -2]], grad, { lr: 0.5, steps: 1, hvp });
    expectPoints(path, [[[2.25, -1.0909091]]]);
    opt.dispose();
  });

  it('says clearly when H + δI is singular, and suggests damping', () => {
    const opt = createNewton({});
    const { grad, hvp } = quadraticForm(
      [
        [1, 0],
        [0, 0],
      ],
      [2],
    );
    const before = tf.memory().numTensors;
    expect(() => trajectory(opt, [[1, 1]], grad, { lr: 1, steps: 1, hvp })).toThrow(
      /optimizer\.newton: H \+ damping·I is singular .*set damping > 0/,
    );
    expect(tf.memory().numTensors).toBe(before);
    opt.setHyper('damping', 1);
    // With δ = 1: (H + I) = diag(2, 1), ∇ = (1, 0): θ₁ = (1 − 0.5, 1) = (0.5, 1).
    expectPoints(trajectory(opt, [[1, 1]], grad, { lr: 1, steps: 1, hvp }), [[[0.5, 1]]]);
    opt.dispose();
  });

  it(`refuses models with more than ${NEWTON_MAX_PARAMS} parameters, naming the count`, () => {
    const opt = createNewton({});
    const n = NEWTON_MAX_PARAMS + 1;
    const grad: GradFn = (x) => x;
    expect(() =>
      trajectory(opt, [new Array(n).fill(1)], grad, { lr: 1, steps: 1, hvp: () => (v) => [...v] }),
    ).toThrow(
      `optimizer.newton: the model has ${n} parameters, more than the ${NEWTON_MAX_PARAMS}`,
    );
    opt.dispose();
  });

  it('needs the trainer’s Hessian-vector product', () => {
    const opt = createNewton({});
    expect(() => trajectory(opt, [[1]], (x) => x, { lr: 1, steps: 1 })).toThrow(
      'optimizer.newton: needs Hessian-vector products',
    );
    expect(() => createNewton({ damping: -1 })).toThrow('damping must be >= 0');
    opt.dispose();
  });
});
