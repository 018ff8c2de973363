/**
 * Newton's method as the lecture writes it, damped: θ ← θ − lr·(H + damping·I)⁻¹·∇L.
 * H is built column by column from Hessian-vector products on unit vectors over the
 * flattened parameter list, symmetrised as (H + Hᵀ)/2, and the system solved in float64.
 * Where the model has closed forms (surfaces), ∇L and H come exactly in float64 instead.
 */
import * as tf from '@tensorflow/tfjs';
import { nonNegative } from '../block-params';
import { SingularMatrixError, solveLinear } from '../linalg/linear-solve';
import type { Optimizer } from '../types';
import { buildOptimizer, type OptimizerDefinition, type UpdateArgs } from './build-optimizer';
import { catalogHypers } from './catalog-hypers';

/** Full Hessians grow as n²: 2000 parameters is 4 M entries and 2000 HVPs per step. */
export const NEWTON_MAX_PARAMS = 2000;

const TYPE = 'optimizer.newton';

/** Concatenates tensors (one per parameter) into one float64 vector. */
function flatten(tensors: readonly tf.Tensor[], n: number): Float64Array {
  const out = new Float64Array(n);
  let offset = 0;
  for (const t of tensors) {
    out.set(t.dataSync(), offset);
    offset += t.size;
  }
  return out;
}

function buildHessian(a: UpdateArgs, n: number): Float64Array {
  const hvp = a.hvp;
  if (!hvp) {
    throw new Error(`${TYPE}: needs Hessian-vector products, but the trainer gave no hvp`);
  }
  const h = new Float64Array(n * n);
  const sizes = a.params.map((p) => p.size);
  for (let j = 0; j < n; j++) {
    // One unit vector per column, split into the parameters' shapes; HVP temporaries freed.
    let column: Float64Array = new Float64Array(0);
    tf.tidy(() => {
      let offset = 0;
      const unit = a.params.map((p, k) => {
        const values = new Float32Array(sizes[k]!);
        if (j >= offset && j < offset + sizes[k]!) values[j - offset] = 1;
        offset += sizes[k]!;
        return tf.tensor(values, p.shape, 'float32');
      });
      const hv = hvp(unit);
      if (hv.length !== a.params.length) {
        throw new Error(`${TYPE}: hvp returned ${hv.length} tensors for ${a.params.length}`);
      }
      column = flatten(hv, n);
    });
    for (let i = 0; i < n; i++) h[i * n + j] = column[i]!;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = 0.5 * (h[i * n + j]! + h[j * n + i]!);
      h[i * n + j] = mean;
      h[j * n + i] = mean;
    }
  }
  return h;
}

export const newtonDefinition: OptimizerDefinition = {
  type: TYPE,
  specs: catalogHypers(TYPE, { lr: nonNegative, damping: nonNegative }),
  limit: { maxParams: NEWTON_MAX_PARAMS, why: "Newton's method builds the full Hessian" },
  makeUpdate: () => (a) => {
    const n = a.params.reduce((sum, p) => sum + p.size, 0);
    if (n > NEWTON_MAX_PARAMS) {
      throw new Error(
        `${TYPE}: the model has ${n} parameters, more than the ${NEWTON_MAX_PARAMS} ` +
          'for which the full Hessian is built; use a smaller model or another optimizer',
      );
    }
    const exact = a.exact?.();
    const h = exact ? Float64Array.from(exact.hessian) : buildHessian(a, n);
    if (!h.every(Number.isFinite)) {
      throw new Error(`${TYPE}: the Hessian has non-finite entries (NaN or Infinity)`);
    }
    const damping = a.hyper.num('damping');
    for (let i = 0; i < n; i++) h[i * n + i]! += damping;
    const grad = exact ? exact.gradient : flatten(a.grads, n);
    let direction: Float64Array;
    try {
      direction = solveLinear(h, grad, n);
    } catch (e) {
      if (!(e instanceof SingularMatrixError)) throw e;
      throw new Error(
        `${TYPE}: H + damping·I is singular at this point (damping = ${damping}), so the ` +
          `Newton step is undefined; set damping > 0 (${e.message})`,
      );
    }
    let offset = 0;
    a.params.forEach((p) => {
      const part = Float32Array.from(direction.subarray(offset, offset + p.size));
      offset += p.size;
      p.assign(tf.sub(p, tf.mul(tf.tensor(part, p.shape, 'float32'), a.lr)));
    });
  },
};

export function createNewton(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(newtonDefinition, params);
}
