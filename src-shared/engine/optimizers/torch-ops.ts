/**
 * Small tensor helpers that reproduce how torch.optim evaluates its formulas, so that float32
 * results round the same way (e.g. lerp's two branches).
 */
import * as tf from '@tensorflow/tfjs';

/** torch.lerp(start, end, w): start + w·(end − start) for w < 0.5, else end − (end − start)·(1 − w). */
export function lerp(start: tf.Tensor, end: tf.Tensor, weight: number): tf.Tensor {
  const diff = tf.sub(end, start);
  return weight < 0.5 ? tf.add(start, tf.mul(diff, weight)) : tf.sub(end, tf.mul(diff, 1 - weight));
}

/** torch's L2-style weight decay folded into the gradient: g + wd·θ (g itself when wd = 0). */
export function withL2(grad: tf.Tensor, param: tf.Tensor, weightDecay: number): tf.Tensor {
  return weightDecay === 0 ? grad : tf.add(grad, tf.mul(param, weightDecay));
}

/** v·β + (1 − β)·g² (torch: mul_(β).addcmul_(g, g, value=1 − β)). */
export function emaOfSquare(avg: tf.Tensor, grad: tf.Tensor, beta: number): tf.Tensor {
  return tf.add(tf.mul(avg, beta), tf.mul(tf.square(grad), 1 - beta));
}
