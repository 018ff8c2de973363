import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOptimizer,
  cyclableMomentum,
  optimizerTypes,
} from '../../../../src-shared/engine/optimizers';
import type { Optimizer } from '../../../../src-shared/engine/types';
import { catalog, defaultParams, getBlock } from '../../../../src-shared/graph';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Every optimizer block of the catalog: the engine must implement each, at its defaults. */
const catalogOptimizers = catalog.filter((b) => b.kind === 'optimizer').map((b) => b.type);

describe('createOptimizer', () => {
  it('knows every catalog optimizer, with its defaults and an update rule', () => {
    expect([...optimizerTypes].sort()).toEqual([...catalogOptimizers].sort());
    for (const type of optimizerTypes) {
      const opt = createOptimizer(type, {});
      expect(opt.type).toBe(type);
      for (const [name, value] of Object.entries(defaultParams(type))) {
        expect(opt.getHyper(name), `${type}.${name}`).toBe(value);
      }
      expect(getBlock(type)?.updateRule).toMatch(/\\theta/);
      opt.dispose();
    }
    expect(getBlock('optimizer.adam')?.updateRule).toMatch(/\\hat\{m\}_k/);
  });

  it('accepts every catalog param and passes it through', () => {
    for (const type of catalogOptimizers) {
      const opt = createOptimizer(type, defaultParams(type));
      opt.dispose();
    }
    const opt = createOptimizer('optimizer.rmsprop', { beta: 0.9, centered: true, momentum: 0.5 });
    expect(opt.getHyper('beta')).toBe(0.9);
    expect(opt.getHyper('centered')).toBe(true);
    opt.dispose();
  });

  it('gives clear errors for a bad type or bad params', () => {
    expect(() => createOptimizer('optimizer.adafactor', {})).toThrow(
      "unknown optimizer type 'optimizer.adafactor' (known: optimizer.sgd",
    );
    expect(() => createOptimizer('optimizer.adam', { lr: -0.1 })).toThrow(
      'optimizer.adam: lr must be >= 0, got -0.1',
    );
    expect(() => createOptimizer('optimizer.adam', { beta1: 1.2 })).toThrow(
      'beta1 must be in [0, 1)',
    );
    expect(() => createOptimizer('optimizer.adam', JSON.parse('{"__proto__": 1}'))).toThrow(
      "unknown parameter '__proto__'",
    );
  });

  it('names the momentum OneCycle may cycle', () => {
    const cases: [string, Record<string, unknown>, number | undefined][] = [
      ['optimizer.sgd', { momentum: 0.9 }, 0.9],
      ['optimizer.rmsprop', {}, 0],
      ['optimizer.adam', { beta1: 0.8 }, 0.8],
      ['optimizer.nadam', {}, 0.9],
      ['optimizer.adagrad', {}, undefined],
      ['optimizer.newton', {}, undefined],
    ];
    for (const [type, params, expected] of cases) {
      const opt = createOptimizer(type, params);
      expect(cyclableMomentum(opt), type).toBe(expected);
      opt.dispose();
    }
  });
});

describe('tensor discipline', () => {
  function run(opt: Optimizer, steps: number, params: tf.Variable[]): void {
    for (let k = 0; k < steps; k++) {
      const grads = params.map((p) => tf.tidy(() => tf.mul(p, tf.tensor1d([1, 10]))));
      opt.step({
        params,
        grads,
        lr: 1e-3,
        hvp: (v) => v.map((t) => tf.mul(t, tf.tensor1d([1, 10]))),
      });
      tf.dispose(grads);
    }
  }

  it.each(optimizerTypes)('%s: numTensors flat over 1000 steps, all freed by dispose', (type) => {
    const params = [tf.tidy(() => tf.variable(tf.tensor1d([1, -2])))];
    const start = tf.memory().numTensors;
    const extra =
      type === 'optimizer.newton'
        ? {}
        : type === 'optimizer.sgd'
          ? { momentum: 0.9, nesterov: true, weightDecay: 0.01 }
          : type === 'optimizer.rmsprop'
            ? { momentum: 0.9, centered: true }
            : type === 'optimizer.adam' || type === 'optimizer.adamw'
              ? { amsgrad: true }
              : {};
    const opt = createOptimizer(type, extra);
    run(opt, 10, params);
    const after10 = tf.memory().numTensors;
    run(opt, 990, params);
    expect(tf.memory().numTensors).toBe(after10);
    const [x] = params[0]!.dataSync();
    expect(Number.isFinite(x)).toBe(true);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(start);
    expect(() => opt.step({ params, grads: params, lr: 0.1 })).toThrow('used after dispose');
    params[0]!.dispose();
  });

  it('rejects mismatched gradients and a bad lr without touching the params', () => {
    const params = [tf.tidy(() => tf.variable(tf.tensor1d([1, 2])))];
    const opt = createOptimizer('optimizer.sgd', {});
    const wrong = tf.tensor1d([1, 2, 3]);
    expect(() => opt.step({ params, grads: [wrong], lr: 0.1 })).toThrow(
      'optimizer.sgd: gradient 0 has shape [3] but parameter 0 has [2]',
    );
    expect(() => opt.step({ params, grads: [], lr: 0.1 })).toThrow(
      'got 0 gradients for 1 parameters',
    );
    expect(() => opt.step({ params, grads: params, lr: -1 })).toThrow('learning rate must be');
    expect(Array.from(params[0]!.dataSync())).toEqual([1, 2]);
    wrong.dispose();
    opt.dispose();
    params[0]!.dispose();
  });
});
