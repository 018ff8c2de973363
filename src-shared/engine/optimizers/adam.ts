/**
 * torch.optim.Adam: m, v start at zero; m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ);
 * θ ← θ − lr·m̂/(√v̂ + ε), computed as torch does: (lr/bc₁)·m / (√v/√bc₂ + ε).
 * weightDecay is L2 (added to g); AMSGrad uses the running max of v.
 * `decoupled` gives AdamW: θ ← θ·(1 − lr·wd) before the Adam step, no L2.
 * The small parameters are updated as one flat vector (param-groups.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { Optimizer } from '../types';
import { adamFamilySpecs, momentumIsBeta1 } from './adam-family';
import { buildOptimizer, type OptimizerDefinition, type Update } from './build-optimizer';
import { paramGroups } from './param-groups';
import { emaOfSquare, lerp, withL2 } from './torch-ops';

export function adamUpdate(decoupled: boolean): Update {
  return (a) => {
    const beta1 = a.hyper.num('beta1');
    const beta2 = a.hyper.num('beta2');
    const eps = a.hyper.num('eps');
    const wd = a.hyper.num('weightDecay');
    const amsgrad = a.hyper.bool('amsgrad');
    const stepSize = a.lr / (1 - beta1 ** a.t);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** a.t);
    for (const group of paramGroups(a)) {
      let p = group.param;
      if (decoupled && wd !== 0) p = tf.mul(p, 1 - a.lr * wd);
      const g = decoupled ? group.grad : withL2(group.grad, p, wd);
      const m = group.slot('m');
      const v = group.slot('v');
      m.assign(lerp(m, g, 1 - beta1));
      v.assign(emaOfSquare(v, g, beta2));
      let second: tf.Tensor = v;
      if (amsgrad) {
        const vMax = group.slot('vMax');
        vMax.assign(tf.maximum(vMax, v));
        second = vMax;
      }
      const denom = tf.add(tf.div(tf.sqrt(second), bc2Sqrt), eps);
      group.set(tf.sub(p, tf.mul(tf.div(m, denom), stepSize)));
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
