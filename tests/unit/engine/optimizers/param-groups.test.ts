/**
 * Fused updates (param-groups.ts): every elementwise optimizer updates the small parameters
 * of a model as one flat vector, and gets bit-for-bit what it gets updating each tensor alone
 * (one optimizer per tensor: no fusion), over several steps with hyper-parameters that use
 * every state (momentum, Nesterov, weight decay, centred RMSProp, AMSGrad); its state still
 * shows per parameter; big tensors stay alone.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../../src-shared/engine/optimizers';
import { FUSE_MAX_SIZE } from '../../../../src-shared/engine/optimizers/param-groups';
import { createRng } from '../../../../src-shared/engine/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SHAPES = [[3, 4], [4], [4, 2], [2], [FUSE_MAX_SIZE + 1]] as const;

const CASES: readonly [string, Record<string, unknown>][] = [
  ['optimizer.sgd', { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 }],
  ['optimizer.sgd', { lr: 0.1, momentum: 0.5, dampening: 0.1 }],
  ['optimizer.adam', { lr: 0.01, weightDecay: 0.01, amsgrad: true }],
  ['optimizer.adamw', { lr: 0.01, weightDecay: 0.1 }],
  ['optimizer.nadam', { lr: 0.01, weightDecay: 0.01 }],
  ['optimizer.radam', { lr: 0.01 }],
  ['optimizer.rmsprop', { lr: 0.01, momentum: 0.9, centered: true, weightDecay: 0.01 }],
  ['optimizer.adagrad', { lr: 0.1, weightDecay: 0.01, initialAccumulator: 0.1 }],
  ['optimizer.lion', { lr: 0.001, weightDecay: 0.1 }],
];

/** Seeded values for each shape (parameters and, per step, gradients). */
function values(seed: number): Float32Array[] {
  const rng = createRng(seed);
  return SHAPES.map((shape) =>
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.gaussian()),
  );
}

const STEPS = 6; // radam's rectification switches on after step 5

function train(type: string, hypers: Record<string, unknown>, together: boolean) {
  const start = values(1);
  const params = tf.tidy(() => start.map((v, i) => tf.variable(tf.tensor(v, [...SHAPES[i]!]))));
  const groups = together ? [params] : params.map((p) => [p]);
  const optimizers = groups.map(() => createOptimizer(type, hypers));
  for (let t = 0; t < STEPS; t++) {
    const grads = values(100 + t).map((v, i) => tf.tensor(v, [...SHAPES[i]!]));
    let offset = 0;
    groups.forEach((group, k) => {
      const own = grads.slice(offset, offset + group.length);
      offset += group.length;
      optimizers[k]!.step({ params: group, grads: own, lr: hypers.lr as number });
    });
    tf.dispose(grads);
  }
  const state: Record<string, number[][]> = {};
  optimizers.forEach((o) => {
    for (const [name, list] of Object.entries(o.state())) {
      state[name] = [...(state[name] ?? []), ...list.map((s) => Array.from(s.dataSync()))];
    }
  });
  const out = { params: params.map((p) => Array.from(p.dataSync())), state };
  for (const o of optimizers) o.dispose();
  tf.dispose(params);
  return out;
}

describe('fused optimizer updates', () => {
  for (const [type, hypers] of CASES) {
    it(`${type} ${JSON.stringify(hypers)}: identical to updating each tensor alone`, () => {
      const before = tf.memory().numTensors;
      const fused = train(type, hypers, true);
      const alone = train(type, hypers, false);
      expect(fused.params).toEqual(alone.params);
      expect(Object.keys(fused.state).sort()).toEqual(Object.keys(alone.state).sort());
      expect(fused.state).toEqual(alone.state);
      // The update moved every parameter.
      const start = values(1);
      fused.params.forEach((p, i) => {
        expect(p).not.toEqual(Array.from(start[i]!));
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('fuses: an RMSProp step over 4 small tensors runs fewer kernels than over each alone', () => {
    const small = SHAPES.slice(0, 4);
    const count = (together: boolean) => {
      const params = tf.tidy(() => small.map((s) => tf.variable(tf.ones([...s]))));
      const grads = small.map((s) => tf.ones([...s]));
      const groups = together ? [params] : params.map((p) => [p]);
      const optimizers = groups.map(() => createOptimizer('optimizer.rmsprop', { momentum: 0.9 }));
      const step = () => {
        let offset = 0;
        groups.forEach((group, k) => {
          optimizers[k]!.step({
            params: group,
            grads: grads.slice(offset, offset + group.length),
            lr: 0.1,
          });
          offset += group.length;
        });
      };
      step(); // the state is created
      const kernels = tf.profile(step);
      return kernels.then((info) => {
        for (const o of optimizers) o.dispose();
        tf.dispose([...params, ...grads]);
        return info.kernels.length;
      });
    };
    // One profile at a time: tfjs profiles whatever runs meanwhile.
    return count(true).then(async (fused) => {
      expect(fused).toBeLessThan(await count(false));
    });
  });
});
