/**
 * What Adam, AdamW, NAdam and RAdam share: their hyper-parameters (betas checked as torch
 * does, `momentum` as an alias of beta1 so OneCycle's momentum cycling drives beta1) and the
 * moment updates m ← lerp(m, g, 1 − β₁), v ← β₂·v + (1 − β₂)·g².
 */
import type * as tf from '@tensorflow/tfjs';
import { nonNegative } from '../block-params';
import type { UpdateArgs } from './build-optimizer';
import { catalogHypers, type HyperChecks } from './catalog-hypers';
import { betaRange, type HyperSpecs } from './hyper';
import type { ParamGroup } from './param-groups';
import { emaOfSquare, lerp } from './torch-ops';

/**
 * The catalog's hyper-parameters of an Adam-family block (lr, betas, eps and `more`), plus
 * torch's L2 weightDecay (default 0) where the catalog does not declare one.
 */
export function adamFamilySpecs(type: string, more: HyperChecks = {}): HyperSpecs {
  return {
    weightDecay: { default: 0, check: nonNegative },
    ...catalogHypers(type, {
      lr: nonNegative,
      beta1: betaRange,
      beta2: betaRange,
      eps: nonNegative,
      ...more,
    }),
  };
}

/** setHyper('momentum', x) / getHyper('momentum') act on beta1 (OneCycle's cycle_momentum). */
export const momentumIsBeta1: Readonly<Record<string, string>> = { momentum: 'beta1' };

/** Updates m and v of a parameter group with gradient g; returns the two variables. */
export function updateMoments(
  a: UpdateArgs,
  group: ParamGroup,
  g: tf.Tensor,
): { m: tf.Variable; v: tf.Variable } {
  const m = group.slot('m');
  const v = group.slot('v');
  m.assign(lerp(m, g, 1 - a.hyper.num('beta1')));
  v.assign(emaOfSquare(v, g, a.hyper.num('beta2')));
  return { m, v };
}
