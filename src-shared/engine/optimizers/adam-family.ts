/**
 * What Adam, AdamW, NAdam and RAdam share: their hyper-parameters (betas checked as torch
 * does, `momentum` as an alias of beta1 so OneCycle's momentum cycling drives beta1) and the
 * moment updates m ← lerp(m, g, 1 − β₁), v ← β₂·v + (1 − β₂)·g².
 */
import type * as tf from '@tensorflow/tfjs';
import type { UpdateArgs } from './build-optimizer';
import { betaRange, type HyperSpecs, nonNegative } from './hyper';
import { emaOfSquare, lerp } from './torch-ops';

export function adamFamilySpecs(lr: number, weightDecay: number): HyperSpecs {
  return {
    lr: { default: lr, check: nonNegative },
    beta1: { default: 0.9, check: betaRange },
    beta2: { default: 0.999, check: betaRange },
    eps: { default: 1e-8, check: nonNegative },
    weightDecay: { default: weightDecay, check: nonNegative },
  };
}

/** setHyper('momentum', x) / getHyper('momentum') act on beta1 (OneCycle's cycle_momentum). */
export const momentumIsBeta1: Readonly<Record<string, string>> = { momentum: 'beta1' };

/** Updates m and v of parameter i with gradient g; returns the two variables. */
export function updateMoments(
  a: UpdateArgs,
  i: number,
  g: tf.Tensor,
): { m: tf.Variable; v: tf.Variable } {
  const p = a.params[i];
  const m = a.slots.ensure('m', i, p);
  const v = a.slots.ensure('v', i, p);
  m.assign(lerp(m, g, 1 - a.hyper.num('beta1')));
  v.assign(emaOfSquare(v, g, a.hyper.num('beta2')));
  return { m, v };
}
