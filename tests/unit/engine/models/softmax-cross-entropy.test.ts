/**
 * softmaxCrossEntropy: the mean loss and its closed-form gradient, (softmax(z) − onehot) / n
 * scaled by the upstream gradient, against the same numbers computed by hand in float64 (as
 * torch's CrossEntropyLoss defines them), on cpu and wasm; float labels too; nothing leaks.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../../../../src-shared/engine/models/layers';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const Z = [
  [2.0, -1.0, 0.5],
  [0.1, 0.2, 0.3],
  [-3.0, 4.0, 1.0],
  [0.0, 0.0, 0.0],
];
const LABELS = [0, 2, 1, 1];

/** Loss and dL/dz of the mean cross-entropy, in float64. */
function byHand(): { loss: number; grad: number[][] } {
  const n = Z.length;
  let loss = 0;
  const grad = Z.map((row, i) => {
    const max = Math.max(...row);
    const exps = row.map((v) => Math.exp(v - max));
    const total = exps.reduce((a, b) => a + b, 0);
    loss += -(row[LABELS[i]!]! - max - Math.log(total)) / n;
    return exps.map((e, k) => (e / total - (k === LABELS[i] ? 1 : 0)) / n);
  });
  return { loss, grad };
}

describe.each(['cpu', 'wasm'])('softmaxCrossEntropy on %s', (backend) => {
  it.each(['int32', 'float32'] as const)(
    'loss and gradient equal the closed form (%s labels)',
    async (dtype) => {
      await tf.setBackend(backend);
      const z = tf.tensor2d(Z);
      const labels = tf.tensor1d(LABELS, dtype);
      const before = tf.memory().numTensors;
      const { loss, grad } = byHand();
      // An upstream factor of 3 checks that the gradient scales with dy.
      const { value, grads } = tf.valueAndGrads((t: tf.Tensor) =>
        tf.mul(softmaxCrossEntropy(t as tf.Tensor2D, labels), 3),
      )([z]);
      expect(value.dataSync()[0]).toBeCloseTo(3 * loss, 5);
      const g = grads[0]!.arraySync() as number[][];
      g.forEach((row, i) => {
        row.forEach((v, k) => {
          expect(v).toBeCloseTo(3 * grad[i]![k]!, 6);
        });
      });
      tf.dispose([value, grads[0]]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([z, labels]);
    },
  );
});
