/**
 * torch.optim.SGD: g ← ∇ + wd·θ; with momentum μ the buffer starts as b₁ = g (not zero) and then
 * b ← μ·b + (1 − dampening)·g; Nesterov steps along g + μ·b; θ ← θ − lr·(that).
 */
import * as tf from '@tensorflow/tfjs';
import { nonNegative } from '../block-params';
import type { Optimizer } from '../types';
import { buildOptimizer, type OptimizerDefinition } from './build-optimizer';
import { catalogHypers } from './catalog-hypers';
import { paramGroups } from './param-groups';
import { withL2 } from './torch-ops';

export const sgdDefinition: OptimizerDefinition = {
  type: 'optimizer.sgd',
  specs: {
    ...catalogHypers('optimizer.sgd', {
      lr: nonNegative,
      momentum: nonNegative,
      nesterov: null,
      weightDecay: nonNegative,
    }),
    dampening: { default: 0 },
  },
  crossCheck: (get) =>
    get('nesterov') === true && ((get('momentum') as number) <= 0 || get('dampening') !== 0)
      ? 'Nesterov momentum requires a momentum > 0 and zero dampening'
      : undefined,
  makeUpdate: () => (a) => {
    const momentum = a.hyper.num('momentum');
    const dampening = a.hyper.num('dampening');
    const nesterov = a.hyper.bool('nesterov');
    const weightDecay = a.hyper.num('weightDecay');
    for (const group of paramGroups(a)) {
      const p = group.param;
      let g = withL2(group.grad, p, weightDecay);
      if (momentum !== 0) {
        let buf: tf.Tensor;
        if (!group.has('velocity')) {
          buf = group.slotFrom('velocity', g);
        } else {
          const v = group.slot('velocity');
          // g·1 is exact, so skipping it for dampening 0 changes no value and saves an op.
          const fresh = dampening === 0 ? g : tf.mul(g, 1 - dampening);
          v.assign(tf.add(tf.mul(v, momentum), fresh));
          buf = v;
        }
        g = nesterov ? tf.add(g, tf.mul(buf, momentum)) : buf;
      }
      group.set(tf.sub(p, tf.mul(g, a.lr)));
    }
  },
};

export function createSgd(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(sgdDefinition, params);
}
