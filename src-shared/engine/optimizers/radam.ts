/**
 * torch.optim.RAdam (decoupled_weight_decay = false): m, v as Adam; m̂ = m/(1 − β₁ᵗ);
 * ρ∞ = 2/(1 − β₂) − 1, ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ). When ρₜ > 5:
 * θ ← θ − lr·m̂·rₜ·√(1 − β₂ᵗ)/(√v + ε) with rₜ = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ));
 * otherwise the un-adapted momentum step θ ← θ − lr·m̂.
 */
import * as tf from '@tensorflow/tfjs';
import type { Optimizer } from '../types';
import { adamFamilySpecs, momentumIsBeta1, updateMoments } from './adam-family';
import { buildOptimizer, type OptimizerDefinition } from './build-optimizer';
import { paramGroups } from './param-groups';
import { withL2 } from './torch-ops';

/** ρₜ and the rectification rₜ (undefined while ρₜ ≤ 5, when the variance is not tractable). */
export function radamRectification(beta2: number, t: number): { rhoT: number; rect?: number } {
  const bc2 = 1 - beta2 ** t;
  const rhoInf = 2 / (1 - beta2) - 1;
  const rhoT = rhoInf - (2 * t * beta2 ** t) / bc2;
  if (!(rhoT > 5)) return { rhoT };
  const rect = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
  return { rhoT, rect };
}

export const radamDefinition: OptimizerDefinition = {
  type: 'optimizer.radam',
  specs: adamFamilySpecs('optimizer.radam'),
  aliases: momentumIsBeta1,
  makeUpdate: () => (a) => {
    const beta2 = a.hyper.num('beta2');
    const eps = a.hyper.num('eps');
    const wd = a.hyper.num('weightDecay');
    const bc1 = 1 - a.hyper.num('beta1') ** a.t;
    const bc2 = 1 - beta2 ** a.t;
    const { rect } = radamRectification(beta2, a.t);
    for (const group of paramGroups(a)) {
      const p = group.param;
      const g = withL2(group.grad, p, wd);
      const { m, v } = updateMoments(a, group, g);
      const mHat = tf.div(m, bc1);
      if (rect === undefined) {
        group.set(tf.sub(p, tf.mul(mHat, a.lr)));
        continue;
      }
      const adaptive = tf.div(Math.sqrt(bc2), tf.add(tf.sqrt(v), eps));
      group.set(tf.sub(p, tf.mul(tf.mul(tf.mul(mHat, a.lr), adaptive), rect)));
    }
  },
};

export function createRadam(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(radamDefinition, params);
}
