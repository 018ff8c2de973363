/**
 * torch.optim.Adagrad (lr_decay = 0): s starts at initialAccumulator (torch's
 * initial_accumulator_value, default 0 — not tf.train's 0.1); s ← s + g²;
 * θ ← θ − lr · g / (√s + ε), with ε outside the root.
 */
import * as tf from '@tensorflow/tfjs';
import { nonNegative } from '../block-params';
import type { Optimizer } from '../types';
import { buildOptimizer, type OptimizerDefinition } from './build-optimizer';
import { catalogHypers } from './catalog-hypers';
import { paramGroups } from './param-groups';
import { withL2 } from './torch-ops';

export const adagradDefinition: OptimizerDefinition = {
  type: 'optimizer.adagrad',
  specs: {
    ...catalogHypers('optimizer.adagrad', {
      lr: nonNegative,
      eps: nonNegative,
      initialAccumulator: nonNegative,
    }),
    weightDecay: { default: 0, check: nonNegative },
  },
  makeUpdate: () => (a) => {
    const eps = a.hyper.num('eps');
    const weightDecay = a.hyper.num('weightDecay');
    // Read once: a live change of initialAccumulator only matters before the first step.
    const init = a.hyper.num('initialAccumulator');
    for (const group of paramGroups(a)) {
      const p = group.param;
      const g = withL2(group.grad, p, weightDecay);
      const s = group.slot('s', init);
      s.assign(tf.add(s, tf.mul(g, g)));
      const std = tf.add(tf.sqrt(s), eps);
      group.set(tf.sub(p, tf.mul(tf.div(g, std), a.lr)));
    }
  },
};

export function createAdagrad(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(adagradDefinition, params);
}
