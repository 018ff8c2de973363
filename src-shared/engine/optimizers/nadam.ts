/**
 * torch.optim.NAdam (decoupled_weight_decay = false): μₜ = β₁(1 − ½·0.96^(t·ψ)), ψ = momentumDecay;
 * Πₜ = ∏ μᵢ; m, v as Adam; denom = √(v/(1 − β₂ᵗ)) + ε;
 * θ ← θ − lr(1 − μₜ)/(1 − Πₜ)·g/denom − lr·μₜ₊₁/(1 − Πₜ·μₜ₊₁)·m/denom.
 */
import * as tf from '@tensorflow/tfjs';
import { nonNegative } from '../block-params';
import type { Optimizer } from '../types';
import { adamFamilySpecs, momentumIsBeta1, updateMoments } from './adam-family';
import { buildOptimizer, type OptimizerDefinition } from './build-optimizer';
import { paramGroups } from './param-groups';
import { withL2 } from './torch-ops';

export const nadamDefinition: OptimizerDefinition = {
  type: 'optimizer.nadam',
  specs: adamFamilySpecs('optimizer.nadam', { momentumDecay: nonNegative }),
  aliases: momentumIsBeta1,
  makeUpdate: () => {
    // torch keeps Πₜ as a float32 tensor (identical for every parameter); round likewise.
    let muProduct = 1;
    return (a) => {
      const beta1 = a.hyper.num('beta1');
      const psi = a.hyper.num('momentumDecay');
      const eps = a.hyper.num('eps');
      const wd = a.hyper.num('weightDecay');
      const bc2 = 1 - a.hyper.num('beta2') ** a.t;
      const mu = beta1 * (1 - 0.5 * 0.96 ** (a.t * psi));
      const muNext = beta1 * (1 - 0.5 * 0.96 ** ((a.t + 1) * psi));
      muProduct = Math.fround(muProduct * Math.fround(mu));
      const gradCoef = (a.lr * (1 - mu)) / (1 - muProduct);
      const momentCoef = (a.lr * muNext) / (1 - muProduct * muNext);
      for (const group of paramGroups(a)) {
        const p = group.param;
        const g = withL2(group.grad, p, wd);
        const { m, v } = updateMoments(a, group, g);
        const denom = tf.add(tf.sqrt(tf.div(v, bc2)), eps);
        const afterGrad = tf.sub(p, tf.mul(tf.div(g, denom), gradCoef));
        group.set(tf.sub(afterGrad, tf.mul(tf.div(m, denom), momentCoef)));
      }
    };
  },
};

export function createNadam(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(nadamDefinition, params);
}
