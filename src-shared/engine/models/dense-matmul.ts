/**
 * x·W for dense layers with a gradient that never asks the backend for a transposed operand.
 * tfjs's own gradient of matMul uses transposeA / transposeB products, which the wasm backend
 * runs about 3–8× slower than a plain product of the same size (measured: the weight
 * gradient x^T·dy of the MLP 784-128-10 took 72 % of a training step). Here the transposes
 * are explicit (cheap copies) and the products plain:
 *   dW = transpose(x)·dy,   dx = dy·transpose(W).
 * `denseMatMulOfData` skips dx: a first layer's input is data.
 */
import * as tf from '@tensorflow/tfjs';
import { gradientRecorded } from './tape';

function weightGradient(x: tf.Tensor2D, dy: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(tf.transpose(x), dy);
}

/** x [n, in] · W [in, out], with gradients for both. */
export function denseMatMul(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  if (!gradientRecorded()) return tf.matMul(x, w);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    save([a, b]);
    return {
      value: tf.matMul(a, b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sa, sb] = saved as tf.Tensor2D[];
        return [
          tf.matMul(dy as tf.Tensor2D, tf.transpose(sb!)),
          weightGradient(sa!, dy as tf.Tensor2D),
        ];
      },
    };
  });
  return op(x, w) as tf.Tensor2D;
}

/** x·W where x is data: backward computes only dW. */
export function denseMatMulOfData(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  if (!gradientRecorded()) return tf.matMul(x, w);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [b, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    // Saved (kept) rather than captured: the caller's tidy may free `x` before backward.
    save([x]);
    return {
      value: tf.matMul(x, b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        weightGradient(saved[0] as tf.Tensor2D, dy as tf.Tensor2D),
    };
  });
  return op(w) as tf.Tensor2D;
}
