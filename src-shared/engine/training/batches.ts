/**
 * Minibatches as the lecture describes them: shuffle the training set once per epoch, then
 * take consecutive groups of B examples. Indices only; the run gathers tensors from them.
 */
export interface BatchCursor {
  readonly epoch: number;
  /** Indices of the next batch, advancing to a new (reshuffled) epoch when one ends. */
  next(): { indices: Int32Array; epoch: number; epochEnded: boolean };
  setBatchSize(size: number): void;
}

export function createBatchCursor(
  n: number,
  initialBatchSize: number,
  shuffle: boolean,
  random: () => number,
): BatchCursor {
  let batchSize = Math.max(1, Math.min(initialBatchSize, n));
  let order = new Int32Array(n);
  let position = 0;
  let epoch = 0;

  const newOrder = () => {
    order = Int32Array.from({ length: n }, (_, i) => i);
    if (!shuffle) return;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  };
  newOrder();

  return {
    get epoch() {
      return epoch;
    },
    next() {
      const end = Math.min(position + batchSize, n);
      const indices = order.slice(position, end);
      const batchEpoch = epoch;
      position = end;
      const epochEnded = position >= n;
      if (epochEnded) {
        epoch += 1;
        position = 0;
        newOrder();
      }
      return { indices, epoch: batchEpoch, epochEnded };
    },
    setBatchSize(size: number) {
      batchSize = Math.max(1, Math.min(Math.floor(size), n));
    },
  };
}

/** Updates per epoch for n examples in batches of b (the last batch may be short). */
export function stepsPerEpoch(n: number, batchSize: number): number {
  return Math.max(1, Math.ceil(n / Math.max(1, Math.min(batchSize, n))));
}
