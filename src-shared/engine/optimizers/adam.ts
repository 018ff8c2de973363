/**
 * torch.optim.Adam: m, v start at zero; m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ);
 * θ ← θ − lr·m̂/(√v̂ + ε), computed as torch does: (lr/bc₁)·m / (√v/√bc₂ + ε).
 * weightDecay is L2 (added to g); AMSGrad uses the running max of v.
 * `decoupled` gives AdamW: θ ← θ·(1 − lr·wd) before the Adam step, no L2.
 */
import * as tf from '@tensorflow/tfjs';
import type { Optimizer } from '../types';
import { adamFamilySpecs, momentumIsBeta1, updateMoments } from './adam-family';
import { buildOptimizer, type OptimizerDefinition, type Update } from './build-optimizer';
import { withL2 } from './torch-ops';

export function adamUpdate(decoupled: boolean): Update {
  return (a) => {
    const beta1 = a.hyper.num('beta1');
    const beta2 = a.hyper.num('beta2');
    const eps = a.hyper.num('eps');
    const wd = a.hyper.num('weightDecay');
    const amsgrad = a.hyper.bool('amsgrad');
    const stepSize = a.lr / (1 - beta1 ** a.t);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** a.t);
    a.params.forEach((p, i) => {
      if (decoupled && wd !== 0) p.assign(tf.mul(p, 1 - a.lr * wd));
      const g = decoupled ? a.grads[i] : withL2(a.grads[i], p, wd);
      const { m, v } = updateMoments(a, i, g);
      let second: tf.Tensor = v;
      if (amsgrad) {
        const vMax = a.slots.ensure('vMax', i, p);
        vMax.assign(tf.maximum(vMax, v));
        second = vMax;
      }
      const denom = tf.add(tf.div(tf.sqrt(second), bc2Sqrt), eps);
      p.assign(tf.sub(p, tf.mul(tf.div(m, denom), stepSize)));
    });
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
