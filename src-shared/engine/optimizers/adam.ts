/**
 * torch.optim.Adam: m, v start at zero; m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ);
 * θ ← θ − lr·m̂/(√v̂ + ε), computed as torch does: (lr/bc₁)·m / (√v/√bc₂ + ε).
 * weightDecay is L2 (added to g); AMSGrad uses the running max of v.
 * `decoupled` gives AdamW: θ ← θ·(1 − lr·wd) before the Adam step, no L2.
 * Fused: the same elementwise ops run once over the small parameters as one flat vector (their
 * m, v and v_max are flat slots), so a step costs ~20 kernels for them instead of ~13 per
 * tensor; each value comes from the same float32 ops as per tensor, so the numbers are identical.
 */
import * as tf from '@tensorflow/tfjs';
import type { Optimizer } from '../types';
import { adamFamilySpecs, momentumIsBeta1 } from './adam-family';
import { buildOptimizer, type OptimizerDefinition, type Update } from './build-optimizer';
import { concatFlat, splitFlat } from './slots';
import { emaOfSquare, lerp, withL2 } from './torch-ops';

/**
 * Tensors up to this size are updated together as one flat vector; bigger ones alone (copying
 * them into the vector costs more than the kernels it saves: MLP 784-128-10 steps ran 0.6×).
 */
const FUSE_MAX_SIZE = 4096;

/** Parameter indices updated together: the small ones as one group, each big one alone. */
function fuseGroups(params: readonly tf.Tensor[]): number[][] {
  const small = params.flatMap((p, i) => (p.size <= FUSE_MAX_SIZE ? [i] : []));
  const big = params.flatMap((p, i) => (p.size > FUSE_MAX_SIZE ? [[i]] : []));
  return small.length > 0 ? [small, ...big] : big;
}

export function adamUpdate(decoupled: boolean): Update {
  return (a) => {
    const beta1 = a.hyper.num('beta1');
    const beta2 = a.hyper.num('beta2');
    const eps = a.hyper.num('eps');
    const wd = a.hyper.num('weightDecay');
    const amsgrad = a.hyper.bool('amsgrad');
    const stepSize = a.lr / (1 - beta1 ** a.t);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** a.t);
    for (const group of fuseGroups(a.params)) {
      const params = group.map((i) => a.params[i]!);
      const fused = group.length > 1;
      const slot = (name: string) =>
        fused
          ? a.slots.ensureFlat(name, group, params)
          : a.slots.ensure(name, group[0]!, params[0]!);
      let p: tf.Tensor = fused ? concatFlat(params) : params[0]!;
      if (decoupled && wd !== 0) p = tf.mul(p, 1 - a.lr * wd);
      const grad = fused ? concatFlat(group.map((i) => a.grads[i]!)) : a.grads[group[0]!]!;
      const g = decoupled ? grad : withL2(grad, p, wd);
      const m = slot('m');
      const v = slot('v');
      m.assign(lerp(m, g, 1 - beta1));
      v.assign(emaOfSquare(v, g, beta2));
      let second: tf.Tensor = v;
      if (amsgrad) {
        const vMax = slot('vMax');
        vMax.assign(tf.maximum(vMax, v));
        second = vMax;
      }
      const denom = tf.add(tf.div(tf.sqrt(second), bc2Sqrt), eps);
      const next = tf.sub(p, tf.mul(tf.div(m, denom), stepSize));
      const parts = fused
        ? splitFlat(
            next,
            params.map((t) => t.shape),
          )
        : [next];
      params.forEach((param, k) => {
        param.assign(parts[k]!);
      });
    }
  };
}

export const adamDefinition: OptimizerDefinition = {
  type: 'optimizer.adam',
  specs: adamFamilySpecs('optimizer.adam', { amsgrad: null }),
  aliases: momentumIsBeta1,
  makeUpdate: () => adamUpdate(false),
};

export function createAdam(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(adamDefinition, params);
}
