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
    a.params.forEach((p, i) => {
      const g = withL2(a.grads[i]!, p, weightDecay);
      const s = a.slots.ensure('s', i, p, init);
      s.assign(tf.add(s, tf.mul(g, g)));
      const std = tf.add(tf.sqrt(s), eps);
      p.assign(tf.sub(p, tf.mul(tf.div(g, std), a.lr)));
    });
  },
};

export function createAdagrad(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(adagradDefinition, params);
}
