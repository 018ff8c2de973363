/** Building blocks shared by the models: activations, initializers, losses, param lists. */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random';
import type { ParamInfo, Task } from '../types';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'gelu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/**
 * Every activation a layer may apply, by name: the MLP's four and those of imported Keras
 * models (Keras' names).
 */
const ACTIVATION_FNS = {
  linear: (z) => z,
  relu: (z) => tf.relu(z),
  relu6: (z) => tf.relu6(z),
  elu: (z) => tf.elu(z),
  selu: (z) => tf.selu(z),
  tanh: (z) => tf.tanh(z),
  sigmoid: (z) => tf.sigmoid(z),
  // tfjs-layers' definition: clip(0.2·x + 0.5, 0, 1).
  hard_sigmoid: (z) => tf.clipByValue(tf.add(tf.mul(z, 0.2), 0.5), 0, 1),
  softplus: (z) => tf.softplus(z),
  softsign: (z) => tf.div(z, tf.add(tf.abs(z), 1)),
  swish: (z) => tf.mul(z, tf.sigmoid(z)),
  softmax: (z) => tf.softmax(z),
  // Exact GELU, x·Φ(x) (torch's default), not the tanh approximation.
  gelu: (z) => tf.mul(tf.mul(z, 0.5), tf.add(1, tf.erf(tf.mul(z, Math.SQRT1_2)))),
} satisfies Record<string, (z: tf.Tensor) => tf.Tensor>;

export type ActivationName = keyof typeof ACTIVATION_FNS;

export function activate(name: ActivationName, z: tf.Tensor): tf.Tensor {
  return ACTIVATION_FNS[name](z);
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

/**
 * Mean softmax cross-entropy of logits [n, K] against class ids [n]. Its gradient is given in
 * closed form, (softmax(z) − onehot(y)) / n as torch's CrossEntropyLoss computes it: three
 * kernels where autodiff through logSoftmax, the one-hot product, sum and mean took about a
 * dozen (each a fixed cost on small batches).
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const [n, numClasses] = logits.shape;
  const ids = labels.dtype === 'int32' ? labels : tf.cast(labels, 'int32');
  const oneHot = tf.oneHot(ids, numClasses);
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [z, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const logP = tf.logSoftmax(z);
    // Saved (kept) rather than captured: the caller's tidy may free them before backward.
    save([logP, oneHot]);
    return {
      value: tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logP), -1))),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sLogP, sOneHot] = saved as [tf.Tensor, tf.Tensor];
        return tf.mul(tf.sub(tf.exp(sLogP), sOneHot), tf.div(dy, n));
      },
    };
  });
  return loss(logits) as tf.Scalar;
}

/**
 * Binary cross-entropy on logits, elementwise: max(z, 0) − z·y + log(1 + e^−|z|), the
 * numerically stable form torch.nn.BCEWithLogitsLoss uses (no overflow for any z). The
 * gradient is given as σ(z) − y: autodiff of the stable form is wrong at z = 0 (relu and
 * |z| have derivative 0 there), exactly where a zero-initialised model starts.
 */
export function sigmoidCrossEntropyTerms(logits: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  const terms = tf.customGrad((z, y, save) => {
    const zt = z as tf.Tensor;
    const yt = y as tf.Tensor;
    (save as tf.GradSaveFunc)([zt, yt]);
    const value = tf.add(tf.sub(tf.relu(zt), tf.mul(zt, yt)), tf.log1p(tf.exp(tf.neg(tf.abs(zt)))));
    return {
      value,
      gradFunc: (dy, saved) => {
        const [zs, ys] = saved as [tf.Tensor, tf.Tensor];
        return [tf.mul(dy, tf.sub(tf.sigmoid(zs), ys)), tf.mul(dy, tf.neg(zs))];
      },
    };
  });
  return terms(logits, tf.broadcastTo(targets, logits.shape));
}

/** Mean binary cross-entropy of one logit per sample [n, 1] against labels 0/1 [n]. */
export function binaryCrossEntropyWithLogits(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const t = labels.dtype === 'float32' ? labels : tf.cast(labels, 'float32');
    return tf.mean(sigmoidCrossEntropyTerms(tf.reshape(logits, [-1]), t));
  });
}

/** Mean squared error of outputs [n, 1] against targets [n] (torch's MSELoss, mean). */
export function meanSquaredError(outputs: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.square(tf.sub(tf.reshape(outputs, [-1]), targets)));
}

/**
 * A classifier's outputs say which head it has: one column is a sigmoid logit (binary
 * cross-entropy, class 1 when the logit is positive), K ≥ 2 columns are softmax logits.
 */
export function taskLoss(task: Task, outputs: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  if (task === 'regression') return meanSquaredError(outputs, targets);
  return outputs.shape[1] === 1
    ? binaryCrossEntropyWithLogits(outputs, targets)
    : softmaxCrossEntropy(outputs, targets);
}

/** Predicted class ids [n] (int32) from a classifier's outputs [n, K] or [n, 1]. */
export function predictedClasses(outputs: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() =>
    outputs.shape[1] === 1
      ? (tf.cast(tf.greater(tf.reshape(outputs, [-1]), 0), 'int32') as tf.Tensor1D)
      : tf.argMax(outputs, 1),
  );
}

/** Class probabilities [n, K] from a classifier's outputs; one logit z gives [1 − σ(z), σ(z)]. */
export function classProbabilities(outputs: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    if (outputs.shape[1] !== 1) return tf.softmax(outputs);
    const p = tf.sigmoid(outputs);
    return tf.concat([tf.sub(1, p), p], 1) as tf.Tensor2D;
  });
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
    if (outputs.shape[2] === 1) {
      const t = tf.expandDims(tf.cast(targets, 'float32'), 0);
      return tf.mean(sigmoidCrossEntropyTerms(tf.squeeze(outputs, [2]), t), 1) as tf.Tensor1D;
    }
    const ids = targets.dtype === 'int32' ? targets : tf.cast(targets, 'int32');
    const oneHot = tf.expandDims(tf.oneHot(ids, outputs.shape[2]), 0);
    const picked = tf.sum(tf.mul(oneHot, tf.logSoftmax(outputs)), -1);
    return tf.neg(tf.mean(picked, 1)) as tf.Tensor1D;
  });
}
