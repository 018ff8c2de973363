/**
 * torch.optim.RMSprop with beta = torch's alpha: s ← β·s + (1 − β)·g²; centered also keeps
 * ḡ ← β·ḡ + (1 − β)·g and uses s − ḡ²; denominator √(·) + ε (ε outside the root, not
 * tf.train's inside); with momentum μ: b ← μ·b + g/denom (b starts at zero), θ ← θ − lr·b;
 * otherwise θ ← θ − lr·g/denom.
 */
import * as tf from '@tensorflow/tfjs';
import { nonNegative, unitInterval } from '../block-params';
import type { Optimizer } from '../types';
import { buildOptimizer, type OptimizerDefinition } from './build-optimizer';
import { catalogHypers } from './catalog-hypers';
import { paramGroups } from './param-groups';
import { emaOfSquare, lerp, withL2 } from './torch-ops';

export const rmspropDefinition: OptimizerDefinition = {
  type: 'optimizer.rmsprop',
  specs: {
    ...catalogHypers('optimizer.rmsprop', {
      lr: nonNegative,
      // torch only asks alpha >= 0; above 1 the average is meaningless, so it is refused here.
      beta: unitInterval,
      eps: nonNegative,
      momentum: nonNegative,
      centered: null,
    }),
    weightDecay: { default: 0, check: nonNegative },
  },
  makeUpdate: () => (a) => {
    const beta = a.hyper.num('beta');
    const eps = a.hyper.num('eps');
    const momentum = a.hyper.num('momentum');
    const centered = a.hyper.bool('centered');
    const weightDecay = a.hyper.num('weightDecay');
    for (const group of paramGroups(a)) {
      const p = group.param;
      const g = withL2(group.grad, p, weightDecay);
      const s = group.slot('s');
      s.assign(emaOfSquare(s, g, beta));
      let denom: tf.Tensor;
      if (centered) {
        const gAvg = group.slot('gradAvg');
        gAvg.assign(lerp(gAvg, g, 1 - beta));
        denom = tf.add(tf.sqrt(tf.sub(s, tf.mul(gAvg, gAvg))), eps);
      } else {
        denom = tf.add(tf.sqrt(s), eps);
      }
      if (momentum > 0) {
        const b = group.slot('velocity');
        b.assign(tf.add(tf.mul(b, momentum), tf.div(g, denom)));
        group.set(tf.sub(p, tf.mul(b, a.lr)));
      } else {
        group.set(tf.sub(p, tf.mul(tf.div(g, denom), a.lr)));
      }
    }
  },
};

export function createRmsprop(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(rmspropDefinition, params);
}
