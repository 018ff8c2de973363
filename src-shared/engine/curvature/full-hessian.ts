/** The dense Hessian of a small model, one Hessian-vector product per column. */
import * as tf from '@tensorflow/tfjs';
import type { Hvp } from './hvp';

/** Beyond this many parameters a dense Hessian (n² floats, 2n gradients) is refused. */
export const MAX_DENSE_HESSIAN = 4096;

/**
 * H as an n × n row-major Float64Array, n = total size of `shapes`; column j is H·e_j.
 * Symmetrized ((H + Hᵀ) / 2) since finite differences are not exactly symmetric.
 */
export function fullHessian(
  hvp: Hvp,
  shapes: readonly (readonly number[])[],
  maxParams: number = MAX_DENSE_HESSIAN,
): Float64Array {
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  const n = sizes.reduce((a, b) => a + b, 0);
  if (n > maxParams) {
    throw new Error(
      `the full Hessian of ${n} parameters needs ${n}×${n} entries; at most ${maxParams} parameters are supported`,
    );
  }
  const h = new Float64Array(n * n);
  const unit = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    let offset = 0;
    const basis = shapes.map((shape, i) => {
      const t = tf.tensor(unit.subarray(offset, offset + sizes[i]!), [...shape]);
      offset += sizes[i]!;
      return t;
    });
    const column = hvp(basis);
    tf.dispose(basis);
    let row = 0;
    for (const part of column) {
      for (const value of part.dataSync()) h[row++ * n + j] = value;
    }
    tf.dispose(column);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = (h[i * n + j]! + h[j * n + i]!) / 2;
      h[i * n + j] = mean;
      h[j * n + i] = mean;
    }
  }
  return h;
}
