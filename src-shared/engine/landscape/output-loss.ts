/**
 * Loss and accuracy of G parameter points at once from their outputs [G, n, out]: the
 * batched counterpart of Model.loss (checked against it at run time by the evaluator).
 */
import * as tf from '@tensorflow/tfjs';
import type { Task } from '../types';

export interface BatchedMetrics {
  /** Mean loss per point, [G]. */
  readonly loss: tf.Tensor1D;
  /** Share of correct predictions per point, [G]; null for regression. */
  readonly accuracy: tf.Tensor1D | null;
}

/**
 * Classification: softmax cross-entropy (one output: sigmoid cross-entropy, class 1 when
 * the logit is positive). Regression: mean squared error of the first output.
 */
export function metricsFromOutputs(
  outputs: tf.Tensor3D,
  y: tf.Tensor1D,
  task: Task,
): BatchedMetrics {
  const numOut = outputs.shape[2];
  if (task === 'regression') {
    const err = tf.sub(tf.squeeze(tf.slice(outputs, [0, 0, 0], [-1, -1, 1]), [2]), y);
    return { loss: tf.mean(tf.square(err), 1) as tf.Tensor1D, accuracy: null };
  }
  const labels = tf.cast(y, 'int32');
  if (numOut === 1) {
    const z = tf.squeeze(outputs, [2]);
    const t = tf.cast(labels, 'float32');
    // max(z, 0) − z·t + log(1 + e^−|z|): the stable form of sigmoid cross-entropy.
    const ce = tf.add(tf.sub(tf.relu(z), tf.mul(z, t)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
    const hit = tf.cast(tf.equal(tf.cast(tf.greater(z, 0), 'int32'), labels), 'float32');
    return { loss: tf.mean(ce, 1) as tf.Tensor1D, accuracy: tf.mean(hit, 1) as tf.Tensor1D };
  }
  const picked = tf.sum(tf.mul(outputs, tf.oneHot(labels, numOut)), 2);
  const ce = tf.sub(tf.logSumExp(outputs, 2), picked);
  const hit = tf.cast(tf.equal(tf.argMax(outputs, 2), labels), 'float32');
  return { loss: tf.mean(ce, 1) as tf.Tensor1D, accuracy: tf.mean(hit, 1) as tf.Tensor1D };
}
