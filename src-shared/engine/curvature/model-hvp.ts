/**
 * The Hessian-vector product of a model's loss, as exact as tfjs allows: the model's closed
 * form (surfaces, float64) if it has one, else reverse-over-forward through its R pass
 * (tf.grads of ∇L·v: exact up to float32 rounding), else central differences of gradients.
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch, Model } from '../types';
import { type Hvp, hessianVectorProduct } from './hvp';

export type HvpMethod = 'closed-form' | 'r-operator' | 'finite-difference';

export function hvpMethod(model: Model): HvpMethod {
  if (model.hvp) return 'closed-form';
  if (model.directionalLoss) return 'r-operator';
  return 'finite-difference';
}

/** Hv of `directional` (θ ↦ ∇L(θ)·v) at params: one forward R pass and one backward pass. */
export function reverseOverForward(
  directional: (params: tf.Tensor[]) => tf.Scalar,
  params: readonly tf.Tensor[],
): tf.Tensor[] {
  return tf.tidy(() => tf.grads((...ps: tf.Tensor[]) => directional(ps))([...params]));
}

/** v ↦ Hv at `params` (kept alive by the caller) on `batch`; results owned by the caller. */
export function modelHvp(model: Model, params: readonly tf.Tensor[], batch: Batch | null): Hvp {
  const { hvp, directionalLoss } = model;
  if (hvp) return (v) => hvp.call(model, params, batch, v);
  if (directionalLoss) {
    return (v) => reverseOverForward((ps) => directionalLoss.call(model, ps, batch, v), params);
  }
  return (v) => hessianVectorProduct((ps) => model.loss(ps, batch), params, v);
}
