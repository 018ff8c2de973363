/** Building blocks shared by the models: activations, initializers, losses, param lists. */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random';
import type { ParamInfo, Task } from '../types';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'gelu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export function activate(name: Activation, z: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'relu':
      return tf.relu(z);
    case 'tanh':
      return tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'gelu':
      // Exact GELU, x·Φ(x) (torch's default), not the tanh approximation.
      return tf.mul(tf.mul(z, 0.5), tf.add(1, tf.erf(tf.mul(z, Math.SQRT1_2))));
  }
}

export const INITS = ['glorot', 'he', 'zeros'] as const;
export type Init = (typeof INITS)[number];

/**
 * Kernel values: glorot = uniform ±√(6/(fanIn+fanOut)) (Keras' glorot_uniform),
 * he = normal with std √(2/fanIn) (torch's kaiming_normal_, untruncated), zeros = all zero.
 */
export function initKernel(
  rng: Rng,
  size: number,
  fanIn: number,
  fanOut: number,
  init: Init,
): Float32Array {
  const values = new Float32Array(size);
  if (init === 'zeros') return values;
  if (init === 'he') {
    const std = Math.sqrt(2 / fanIn);
    for (let i = 0; i < size; i++) values[i] = rng.gaussian(0, std);
    return values;
  }
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  for (let i = 0; i < size; i++) values[i] = rng.uniform(-limit, limit);
  return values;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function kernelInfo(layer: string, shape: readonly number[]): ParamInfo {
  return { name: `${layer}/kernel`, layer, role: 'weight', shape, filterAxis: shape.length - 1 };
}

export function biasInfo(layer: string, units: number): ParamInfo {
  return { name: `${layer}/bias`, layer, role: 'bias', shape: [units], filterAxis: 0 };
}

/** Mean softmax cross-entropy of logits [n, K] against class ids [n]. */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const numClasses = logits.shape[1];
  const ids = labels.dtype === 'int32' ? labels : tf.cast(labels, 'int32');
  const picked = tf.sum(tf.mul(tf.oneHot(ids, numClasses), tf.logSoftmax(logits)), -1);
  return tf.neg(tf.mean(picked));
}

/** Mean squared error of outputs [n, 1] against targets [n] (torch's MSELoss, mean). */
export function meanSquaredError(outputs: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.square(tf.sub(tf.reshape(outputs, [-1]), targets)));
}

export function taskLoss(task: Task, outputs: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  return task === 'classification'
    ? softmaxCrossEntropy(outputs, targets)
    : meanSquaredError(outputs, targets);
}

/**
 * The task loss of G output sets at once: outputs [G, n, K] (from forwardBatched) → [G].
 * The landscape uses it to turn batched forward passes into a loss per grid point.
 */
export function batchedTaskLoss(
  task: Task,
  outputs: tf.Tensor3D,
  targets: tf.Tensor1D,
): tf.Tensor1D {
  return tf.tidy(() => {
    if (task === 'regression') {
      const diff = tf.sub(tf.squeeze(outputs, [2]), tf.expandDims(targets, 0));
      return tf.mean(tf.square(diff), 1) as tf.Tensor1D;
    }
    const ids = targets.dtype === 'int32' ? targets : tf.cast(targets, 'int32');
    const oneHot = tf.expandDims(tf.oneHot(ids, outputs.shape[2]), 0);
    const picked = tf.sum(tf.mul(oneHot, tf.logSoftmax(outputs)), -1);
    return tf.neg(tf.mean(picked, 1)) as tf.Tensor1D;
  });
}
