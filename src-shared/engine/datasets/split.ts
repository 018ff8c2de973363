import type { DataSplit } from '../types';

/** Rows of `x`/`y` picked by `rows`, as a new split. */
export function takeRows(
  x: Float32Array,
  y: Float32Array,
  numFeatures: number,
  rows: ArrayLike<number>,
): DataSplit {
  const n = rows.length;
  const outX = new Float32Array(n * numFeatures);
  const outY = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    outX.set(x.subarray(r * numFeatures, (r + 1) * numFeatures), i * numFeatures);
    outY[i] = y[r]!;
  }
  return { x: outX, y: outY, n };
}

/** Number of validation rows for `n` rows: round(n · valSplit), leaving at least one to train. */
export function validationCount(blockType: string, n: number, valSplit: number): number {
  const nVal = Math.round(n * valSplit);
  if (n - nVal < 1) {
    throw new Error(
      `${blockType}: valSplit ${valSplit} leaves no training rows out of ${n} (lower valSplit or add data)`,
    );
  }
  return nVal;
}

/**
 * Splits rows in the given order: the first n − nVal go to training, the last nVal to
 * validation (as Keras' validation_split does when the order is the file's order).
 */
export function splitTrainVal(
  blockType: string,
  x: Float32Array,
  y: Float32Array,
  numFeatures: number,
  valSplit: number,
  order: Int32Array,
): { train: DataSplit; val: DataSplit } {
  const nVal = validationCount(blockType, order.length, valSplit);
  const nTrain = order.length - nVal;
  return {
    train: takeRows(x, y, numFeatures, order.subarray(0, nTrain)),
    val: takeRows(x, y, numFeatures, order.subarray(nTrain)),
  };
}

export function identityOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}
