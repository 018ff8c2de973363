/**
 * Every model trains on the wasm backend (the CLI's default) and agrees with cpu within
 * float32 tolerance: loss and gradients of the same parameters and batch.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../../../src-shared/engine/datasets';
import { createModel } from '../../../../src-shared/engine/models';
import type { Dataset } from '../../../../src-shared/engine/types';

const digits = createDataset('dataset.digits', { seed: 0 });
const spiral = createDataset('dataset.spiral', { classes: 3 });
const curve = createDataset('dataset.regression', { fn: 'cubic' });

const CASES: [string, string, Record<string, unknown>, Dataset | null][] = [
  ['surface ackley', 'model.surface', { fn: 'ackley' }, null],
  ['linear', 'model.linear', {}, spiral],
  ['mlp gelu + skip', 'model.mlp', { hidden: [8, 8], activation: 'gelu', skip: true }, spiral],
  ['mlp sigmoid regression', 'model.mlp', { hidden: [8], activation: 'sigmoid' }, curve],
  ['cnn', 'model.cnn', {}, digits],
];

/** Loss and gradients on the current backend, read back as plain arrays. */
function lossAndGrads(type: string, params: Record<string, unknown>, data: Dataset | null) {
  const model = createModel(type, params, data);
  return tf.tidy(() => {
    const ps = model.initialValues().map((v, i) => tf.tensor(v, [...model.paramInfo[i]!.shape]));
    const n = 32;
    const batch = data
      ? {
          x: tf.tensor2d(data.train.x.subarray(0, n * data.numFeatures), [n, data.numFeatures]),
          y:
            data.task === 'classification'
              ? tf.tensor1d(Int32Array.from(data.train.y.subarray(0, n)), 'int32')
              : tf.tensor1d(data.train.y.subarray(0, n)),
        }
      : null;
    const { value, grads } = tf.tidy(() => {
      const f = (...args: tf.Tensor[]) => model.loss(args, batch);
      return tf.valueAndGrads(f)(ps);
    });
    return { loss: value.dataSync()[0], grads: grads.map((g) => [...g.dataSync()]) };
  });
}

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('cpu vs wasm', () => {
  it.each(CASES)(
    '%s: same loss and gradients within float32 tolerance',
    async (_name, type, params, data) => {
      await tf.setBackend('cpu');
      const cpu = lossAndGrads(type, params, data);
      await tf.setBackend('wasm');
      const before = tf.memory().numTensors;
      const wasm = lossAndGrads(type, params, data);
      expect(tf.memory().numTensors).toBe(before);
      expect(Math.abs(wasm.loss! - cpu.loss!)).toBeLessThan(
        1e-5 * Math.max(1, Math.abs(cpu.loss!)),
      );
      const scale = Math.max(1e-3, ...cpu.grads.flat().map(Math.abs));
      cpu.grads.forEach((g, i) => {
        for (let j = 0; j < g.length; j++)
          expect(Math.abs(wasm.grads[i]![j]! - g[j]!)).toBeLessThan(1e-4 * scale);
      });
    },
  );
});
