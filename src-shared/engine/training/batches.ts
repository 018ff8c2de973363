/**
 * The trainer's position in its data: consecutive minibatches of a once-per-epoch shuffled
 * order (the lecture's "shuffle like a deck of cards"). Unlike `epochBatches`, a cursor lets
 * the batch size change mid-run (a live edit applies at the next batch).
 */
import type { Rng } from '../random';

export interface BatchCursor {
  /** Indices of the next batch, advancing to a new (reshuffled) epoch when one ends. */
  next(): { indices: Int32Array; epoch: number; epochEnded: boolean };
  setBatchSize(size: number): void;
  readonly batchSize: number;
  /** The epoch of the next batch and how many examples of it are already used. */
  position(): { epoch: number; offset: number };
}

export function createBatchCursor(
  n: number,
  initialBatchSize: number,
  shuffle: boolean,
  rng: Rng,
): BatchCursor {
  const clamp = (size: number) => Math.max(1, Math.min(Math.floor(size), n));
  const newOrder = () =>
    shuffle ? rng.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
  let batchSize = clamp(initialBatchSize);
  let order = newOrder();
  let position = 0;
  let epoch = 0;
  return {
    next() {
      const end = Math.min(position + batchSize, n);
      const indices = order.slice(position, end);
      const batchEpoch = epoch;
      position = end;
      const epochEnded = position >= n;
      if (epochEnded) {
        epoch += 1;
        position = 0;
        order = newOrder();
      }
      return { indices, epoch: batchEpoch, epochEnded };
    },
    setBatchSize(size: number) {
      batchSize = clamp(size);
    },
    get batchSize() {
      return batchSize;
    },
    position: () => ({ epoch, offset: position }),
  };
}
