/**
 * Minibatches as the lecture describes: shuffle the dataset once per epoch (like a deck of
 * cards), then take consecutive groups of B indices. The last batch of an epoch may be short
 * (torch's DataLoader with drop_last=False).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random';
import type { Batch, DataSplit, Task } from '../types';

export function batchesPerEpoch(n: number, batchSize: number): number {
  return Math.ceil(n / batchSize);
}

/**
 * One epoch's batches of row indices: a fresh permutation drawn from `rng` when `shuffle`,
 * else 0..n-1 in order. Call once per epoch with the same rng for the next epoch's order.
 */
export function epochBatches(
  n: number,
  batchSize: number,
  shuffle: boolean,
  rng: Rng,
): Int32Array[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`epochBatches: n must be a count, got ${n}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`epochBatches: batchSize must be a positive integer, got ${batchSize}`);
  }
  let order: Int32Array;
  if (shuffle) {
    order = rng.permutation(n);
  } else {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  }
  const batches: Int32Array[] = [];
  for (let start = 0; start < n; start += batchSize) {
    batches.push(order.subarray(start, Math.min(n, start + batchSize)));
  }
  return batches;
}

/** Copies the rows `indices` of a split into fresh arrays (x row-major). */
export function gatherBatch(
  split: DataSplit,
  indices: ArrayLike<number>,
): { x: Float32Array; y: Float32Array } {
  const numFeatures = split.n > 0 ? split.x.length / split.n : 0;
  const x = new Float32Array(indices.length * numFeatures);
  const y = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i]!;
    if (r < 0 || r >= split.n || !Number.isInteger(r)) {
      throw new Error(`gatherBatch: index ${r} is outside the split's ${split.n} rows`);
    }
    x.set(split.x.subarray(r * numFeatures, (r + 1) * numFeatures), i * numFeatures);
    y[i] = split.y[r]!;
  }
  return { x, y };
}

/** The rows `indices` as tensors: y int32 class ids (classification) or float32 values. */
export function batchTensors(
  split: DataSplit,
  indices: ArrayLike<number>,
  task: Task,
  numFeatures: number,
): Batch {
  const { x, y } = gatherBatch(split, indices);
  return {
    x: tf.tensor2d(x, [indices.length, numFeatures]),
    y: task === 'classification' ? tf.tensor1d(Int32Array.from(y), 'int32') : tf.tensor1d(y),
  };
}
