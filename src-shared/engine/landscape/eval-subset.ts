/**
 * The fixed evaluation subset: `evalSamples` examples drawn once (seeded) so that every
 * grid point, path point and curvature estimate sees the same data.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../random';
import type { Batch, Task } from '../types';

/** Examples row-major, as in a DataSplit. */
export interface EvalData {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly n: number;
}

export interface EvalSubset extends EvalData {
  readonly numFeatures: number;
  /** Row indices into the source data, ascending. */
  readonly indices: Int32Array;
}

export function selectEvalSubset(data: EvalData, evalSamples: number, seed: number): EvalSubset {
  const { x, y, n } = data;
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`evalData.n must be a positive integer, got ${n}`);
  if (y.length !== n) throw new Error(`evalData.y has ${y.length} values, expected n = ${n}`);
  if (x.length % n !== 0 || x.length === 0) {
    throw new Error(`evalData.x has ${x.length} values, not a multiple of n = ${n}`);
  }
  if (!Number.isInteger(evalSamples) || evalSamples < 1) {
    throw new Error(`evalSamples must be a positive integer, got ${evalSamples}`);
  }
  const numFeatures = x.length / n;
  const take = Math.min(evalSamples, n);
  const indices =
    take === n
      ? Int32Array.from({ length: n }, (_, i) => i)
      : createRng(seed).fork('evalSamples').permutation(n).subarray(0, take).sort();
  const sx = new Float32Array(take * numFeatures);
  const sy = new Float32Array(take);
  indices.forEach((row, i) => {
    sx.set(x.subarray(row * numFeatures, (row + 1) * numFeatures), i * numFeatures);
    sy[i] = y[row]!;
  });
  return { x: sx, y: sy, n: take, numFeatures, indices };
}

/** Tensors of the subset (the caller disposes them); labels int32 for classification. */
export function evalBatch(subset: EvalSubset, task: Task): Batch {
  return {
    x: tf.tensor2d(subset.x, [subset.n, subset.numFeatures]),
    y: tf.tensor1d(subset.y, task === 'classification' ? 'int32' : 'float32'),
  };
}
