/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), as the authors'
 * reference code computes it: θ ← θ·(1 − lr·λ) (decoupled decay, torch-style lr·λ·θ);
 * c = β₁·m + (1 − β₁)·g; θ ← θ − lr·sign(c); m ← β₂·m + (1 − β₂)·g, m starting at zero.
 * sign(0) = 0, as torch.sign. `momentum` is an alias of β₁ (OneCycle cycles betas[0]).
 */
import * as tf from '@tensorflow/tfjs';
import { nonNegative } from '../block-params';
import type { OptimizerDefinition } from './build-optimizer';
import { catalogHypers } from './catalog-hypers';
import { betaRange } from './hyper';
import { paramGroups } from './param-groups';

export const lionDefinition: OptimizerDefinition = {
  type: 'optimizer.lion',
  specs: catalogHypers('optimizer.lion', {
    lr: nonNegative,
    beta1: betaRange,
    beta2: betaRange,
    weightDecay: nonNegative,
  }),
  aliases: { momentum: 'beta1' },
  makeUpdate: () => (a) => {
    const beta1 = a.hyper.num('beta1');
    const beta2 = a.hyper.num('beta2');
    const wd = a.hyper.num('weightDecay');
    for (const group of paramGroups(a)) {
      const g = group.grad;
      const m = group.slot('m');
      const p = wd !== 0 ? tf.mul(group.param, 1 - a.lr * wd) : group.param;
      const c = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
      group.set(tf.sub(p, tf.mul(tf.sign(c), a.lr)));
      m.assign(tf.add(tf.mul(m, beta2), tf.mul(g, 1 - beta2)));
    }
  },
};
