/**
 * Forward-mode (Pearlmutter's R{·}) rules for the engine's own layers and losses. Each takes a
 * primal value and its directional derivative R{·} along v and returns the next R{·}. They use
 * first-order tfjs ops only, so reverse mode through them (tf.grads of the directional loss)
 * is exact: Hv = ∇θ(∇L(θ)·v). Nested tf.grad is not an option (TOOLCHAIN.md).
 */
import * as tf from '@tensorflow/tfjs';

/** R{h·W + b} = R{h}·W + h·V_W + V_b; `rh` null when h does not depend on θ (the input). */
export function denseR(
  h: tf.Tensor2D,
  rh: tf.Tensor2D | null,
  kernel: tf.Tensor2D,
  vKernel: tf.Tensor2D,
  vBias: tf.Tensor,
): tf.Tensor2D {
  const direct = tf.add(tf.matMul(h, vKernel), vBias) as tf.Tensor2D;
  return rh ? (tf.add(tf.matMul(rh, kernel), direct) as tf.Tensor2D) : direct;
}

/** Activations as the models name them (layers.ts); R{act(z)} = act'(z)·R{z}. */
export type ActivationName = 'relu' | 'tanh' | 'sigmoid' | 'gelu';

/** act'(z), written in ops whose own first derivative tfjs gets right. */
export function activationSlope(name: ActivationName, z: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'relu':
      return tf.step(z); // relu'' = 0 almost everywhere: Step's zero gradient is exact
    case 'tanh':
      return tf.sub(1, tf.square(tf.tanh(z)));
    case 'sigmoid': {
      const s = tf.sigmoid(z);
      return tf.mul(s, tf.sub(1, s));
    }
    case 'gelu': {
      // d/dz z·Φ(z) = Φ(z) + z·φ(z)
      const cdf = tf.mul(0.5, tf.add(1, tf.erf(tf.mul(z, Math.SQRT1_2))));
      const pdf = tf.mul(1 / Math.sqrt(2 * Math.PI), tf.exp(tf.mul(-0.5, tf.square(z))));
      return tf.add(cdf, tf.mul(z, pdf));
    }
  }
}

export function activationR(name: ActivationName, z: tf.Tensor, rz: tf.Tensor): tf.Tensor {
  return tf.mul(activationSlope(name, z), rz);
}

/** The engine's losses on outputs [n, K]: mean over the batch, as torch's `mean` reduction. */
export type LossKind = 'softmaxCrossEntropy' | 'meanSquaredError' | 'bceWithLogits';

/**
 * R{L} = ∇_outputs L · R{outputs}:
 *   softmax CE  (1/n) Σ (softmax(z) − onehot(y))·R{z}
 *   MSE         (1/n) Σ 2(o − t)·R{o}
 *   BCE logits  (1/n) Σ (σ(z) − t)·R{z}   (L = softplus(z) − t·z, torch's BCEWithLogitsLoss)
 */
export function lossR(
  kind: LossKind,
  outputs: tf.Tensor2D,
  rOutputs: tf.Tensor2D,
  targets: tf.Tensor1D,
): tf.Scalar {
  const n = outputs.shape[0];
  let residual: tf.Tensor;
  switch (kind) {
    case 'softmaxCrossEntropy': {
      const ids = targets.dtype === 'int32' ? targets : tf.cast(targets, 'int32');
      residual = tf.sub(tf.softmax(outputs), tf.oneHot(ids, outputs.shape[1]));
      break;
    }
    case 'meanSquaredError':
      residual = tf.mul(2, tf.sub(outputs, tf.reshape(targets, [-1, 1])));
      break;
    case 'bceWithLogits':
      residual = tf.sub(tf.sigmoid(outputs), tf.reshape(tf.cast(targets, 'float32'), [-1, 1]));
      break;
  }
  return tf.div(tf.sum(tf.mul(residual, rOutputs)), n) as tf.Scalar;
}

/** 1 where a window's value is its maximum: piecewise constant, so its gradient is 0 (Equal has none in tfjs). */
const argmaxMask = tf.customGrad((windows) => {
  const w = windows as tf.Tensor;
  return {
    value: tf.cast(tf.equal(w, tf.max(w, -1, true)), 'float32'),
    gradFunc: (dy: tf.Tensor | tf.Tensor[]) => tf.zerosLike(dy as tf.Tensor),
  };
}) as (windows: tf.Tensor) => tf.Tensor;

/** R{relu(x)} for a layer whose R pass is just the mask. */
export function reluR(z: tf.Tensor, rz: tf.Tensor): tf.Tensor {
  return tf.mul(tf.step(z), rz);
}

/**
 * R{maxPool(x)} for 2×2, stride 2, `same` pooling: R{x} at the window's maximum. Ties (relu's
 * zeros) share R{x} equally; there R{x} is 0 anyway, since relu's slope is 0 there.
 */
export function maxPool2R(x: tf.Tensor4D, rx: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const ph = h % 2;
  const pw = w % 2;
  // `same` pooling pads bottom/right; padded cells must never win: −∞ for x, 0 for R{x}.
  const pad = [
    [0, 0],
    [0, ph],
    [0, pw],
    [0, 0],
  ] as [number, number][];
  const xp = ph || pw ? tf.pad(x, pad, -3.4e38) : x;
  const rp = ph || pw ? tf.pad(rx, pad, 0) : rx;
  const H = (h + ph) / 2;
  const W = (w + pw) / 2;
  const windows = (t: tf.Tensor) =>
    tf.reshape(tf.transpose(tf.reshape(t, [n, H, 2, W, 2, c]), [0, 1, 3, 5, 2, 4]), [
      n,
      H,
      W,
      c,
      4,
    ]);
  const xw = windows(xp);
  const rw = windows(rp);
  const mask = argmaxMask(xw);
  return tf.div(tf.sum(tf.mul(mask, rw), -1), tf.sum(mask, -1)) as tf.Tensor4D;
}
