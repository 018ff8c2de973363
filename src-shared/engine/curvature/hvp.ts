/**
 * Hessian-vector products by a central difference of gradients:
 *   Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε.
 * The fallback for models with neither a closed form nor an R pass (model-hvp.ts), and the
 * independent cross-check the tests use. Measured on a 10k-parameter tanh net it is ~3e-5
 * relative; the R pass is ~2e-7.
 */
import * as tf from '@tensorflow/tfjs';
import { sumOfSquares } from '../training/tensors';

export type LossFn = (params: tf.Tensor[]) => tf.Scalar;
/** v ↦ Hv at fixed parameters; the result is owned by the caller. */
export type Hvp = (v: readonly tf.Tensor[]) => tf.Tensor[];

/** Relative step: the perturbation εv has norm DEFAULT_EPS · max(1, ‖θ‖). */
export const DEFAULT_EPS = 1e-3;

function globalNorm(tensors: readonly tf.Tensor[]): tf.Scalar {
  return tf.sqrt(sumOfSquares(tensors));
}

export function hessianVectorProduct(
  lossFn: LossFn,
  params: readonly tf.Tensor[],
  v: readonly tf.Tensor[],
  eps: number = DEFAULT_EPS,
): tf.Tensor[] {
  if (v.length !== params.length) {
    throw new Error(
      `hessianVectorProduct: ${v.length} direction tensors for ${params.length} params`,
    );
  }
  // The step stays a tensor: no GPU readback per product. A zero v gives a zero product.
  return tf.tidy(() => {
    const vNorm = tf.maximum(globalNorm(v), 1e-30);
    const step = tf.div(tf.mul(eps, tf.maximum(globalNorm(params), 1)), vNorm);
    const gradient = tf.grads((...ps: tf.Tensor[]) => lossFn(ps));
    const shifted = (sign: number) =>
      params.map((p, i) => tf.add(p, tf.mul(v[i]!, tf.mul(step, sign))));
    const plus = gradient(shifted(1));
    const minus = gradient(shifted(-1));
    return plus.map((g, i) => tf.div(tf.sub(g, minus[i]!), tf.mul(step, 2)));
  });
}

/** The Hvp operator of `lossFn` at `params` (which must stay alive while it is used). */
export function makeHvp(
  lossFn: LossFn,
  params: readonly tf.Tensor[],
  eps: number = DEFAULT_EPS,
): Hvp {
  return (v) => hessianVectorProduct(lossFn, params, v, eps);
}
