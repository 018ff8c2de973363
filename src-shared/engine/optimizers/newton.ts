/**
 * Newton's method as the lecture writes it, damped: θ ← θ − lr·(H + damping·I)⁻¹·∇L.
 * H is built column by column from Hessian-vector products on unit vectors over the
 * flattened parameter list, symmetrised as (H + Hᵀ)/2, and the system solved in float64.
 * Where the model has closed forms (surfaces), ∇L and H come exactly in float64 instead.
 */
import * as tf from '@tensorflow/tfjs';
import { nonNegative } from '../block-params';
import { SingularMatrixError, solveLinear } from '../linalg/linear-solve';
import { type HostValues, type Reads, valuesOf } from '../readback';
import type { Optimizer } from '../types';
import { buildOptimizer, type OptimizerDefinition, type UpdateArgs } from './build-optimizer';
import { catalogHypers } from './catalog-hypers';
import { concatFlat } from './slots';

/** Full Hessians grow as n²: 2000 parameters is 4 M entries and 2000 HVPs per step. */
export const NEWTON_MAX_PARAMS = 2000;

const TYPE = 'optimizer.newton';

/** Unit vector e_j, split into the parameters' shapes. */
function unitVector(params: readonly tf.Tensor[], j: number): tf.Tensor[] {
  let offset = 0;
  return params.map((p) => {
    const values = new Float32Array(p.size);
    if (j >= offset && j < offset + p.size) values[j - offset] = 1;
    offset += p.size;
    return tf.tensor(values, p.shape, 'float32');
  });
}

/**
 * H and ∇L as float64 on the host: the n columns H·e_j are computed on the device (each
 * product's temporaries freed as it goes) and read back with the gradient in one read.
 */
function* hessianAndGradient(
  a: UpdateArgs,
  n: number,
): Reads<{ h: Float64Array; g: Float64Array }> {
  const hvp = a.hvp;
  if (!hvp) {
    throw new Error(`${TYPE}: needs Hessian-vector products, but the trainer gave no hvp`);
  }
  const columns = tf.tidy(() => {
    const list: tf.Tensor[] = [];
    for (let j = 0; j < n; j++) {
      list.push(
        tf.tidy(() => {
          const hv = hvp(unitVector(a.params, j));
          if (hv.length !== a.params.length) {
            throw new Error(`${TYPE}: hvp returned ${hv.length} tensors for ${a.params.length}`);
          }
          return concatFlat(hv);
        }),
      );
    }
    return tf.stack(list); // row j: H·e_j, the j-th column of H
  });
  const gradient = tf.tidy(() => concatFlat(a.grads));
  let read: readonly HostValues[];
  try {
    read = yield* valuesOf(columns, gradient);
  } finally {
    tf.dispose([columns, gradient]);
  }
  const [columnValues, gradientValues] = read as [HostValues, HostValues];
  const h = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) h[i * n + j] = columnValues[j * n + i]!;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = 0.5 * (h[i * n + j]! + h[j * n + i]!);
      h[i * n + j] = mean;
      h[j * n + i] = mean;
    }
  }
  return { h, g: Float64Array.from(gradientValues) };
}

export const newtonDefinition: OptimizerDefinition = {
  type: TYPE,
  specs: catalogHypers(TYPE, { lr: nonNegative, damping: nonNegative }),
  limit: { maxParams: NEWTON_MAX_PARAMS, why: "Newton's method builds the full Hessian" },
  makeUpdate: () => ({
    *reading(a) {
      const n = a.params.reduce((sum, p) => sum + p.size, 0);
      if (n > NEWTON_MAX_PARAMS) {
        throw new Error(
          `${TYPE}: the model has ${n} parameters, more than the ${NEWTON_MAX_PARAMS} ` +
            'for which the full Hessian is built; use a smaller model or another optimizer',
        );
      }
      const exact = a.exact?.();
      const { h, g: grad } = exact
        ? { h: Float64Array.from(exact.hessian), g: exact.gradient }
        : yield* hessianAndGradient(a, n);
      if (!h.every(Number.isFinite)) {
        throw new Error(`${TYPE}: the Hessian has non-finite entries (NaN or Infinity)`);
      }
      const damping = a.hyper.num('damping');
      for (let i = 0; i < n; i++) h[i * n + i]! += damping;
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
      tf.tidy(() => {
        let offset = 0;
        for (const p of a.params) {
          const part = Float32Array.from(direction.subarray(offset, offset + p.size));
          offset += p.size;
          p.assign(tf.sub(p, tf.mul(tf.tensor(part, p.shape, 'float32'), a.lr)));
        }
      });
    },
  }),
};

export function createNewton(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(newtonDefinition, params);
}
