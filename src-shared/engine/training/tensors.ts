/** Small tensor helpers shared by the trainer and its metrics. */
import * as tf from '@tensorflow/tfjs';

/** The Euclidean norm of a list of tensors as one number. */
export function globalNorm(tensors: readonly tf.Tensor[]): number {
  return tf.tidy(() => {
    const squares = tensors.map((t) => tf.sum(tf.square(t)));
    return Math.sqrt(tf.addN(squares).dataSync()[0]!);
  });
}

/** Concatenates tensors' values into one Float32Array (row-major, in list order). */
export function flattenValues(tensors: readonly tf.Tensor[]): Float32Array {
  const size = tensors.reduce((sum, t) => sum + t.size, 0);
  const out = new Float32Array(size);
  let offset = 0;
  for (const t of tensors) {
    out.set(t.dataSync() as Float32Array, offset);
    offset += t.size;
  }
  return out;
}
