/** Small tensor helpers shared by the trainer and its metrics. */
import * as tf from '@tensorflow/tfjs';
import { type Reads, readNow, scalarOf, valuesOf } from '../readback';

/** Σ t² over a list of tensors, as one scalar tensor (the caller disposes it). */
export function sumOfSquares(tensors: readonly tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => tf.addN(tensors.map((t) => tf.sum(tf.square(t)))) as tf.Scalar);
}

/** The Euclidean norm of a list of tensors as one number, read when it is computed. */
export function* globalNormOf(tensors: readonly tf.Tensor[]): Reads<number> {
  const squares = sumOfSquares(tensors);
  try {
    return Math.sqrt(yield* scalarOf(squares));
  } finally {
    squares.dispose();
  }
}

/** Concatenates tensors' values into one Float32Array (row-major, in list order). */
export function* flatValuesOf(tensors: readonly tf.Tensor[]): Reads<Float32Array> {
  const values = yield* valuesOf(...tensors);
  const out = new Float32Array(tensors.reduce((sum, t) => sum + t.size, 0));
  let offset = 0;
  for (const v of values) {
    out.set(v, offset);
    offset += v.length;
  }
  return out;
}

/** flatValuesOf, read at once. */
export function flattenValues(tensors: readonly tf.Tensor[]): Float32Array {
  return readNow(flatValuesOf(tensors));
}
