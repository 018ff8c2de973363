import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src-shared/engine/random';
import { createBatchCursor } from '../../../../src-shared/engine/training/batches';

describe('createBatchCursor', () => {
  it('visits every example exactly once per epoch in consecutive batches, reshuffling each epoch', () => {
    const rng = createRng(7);
    const cursor = createBatchCursor(10, 4, true, rng);
    const epochs: number[][] = [[], []];
    const sizes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { indices, epoch, epochEnded } = cursor.next();
      epochs[epoch]!.push(...indices);
      sizes.push(indices.length);
      expect(epochEnded).toBe(i % 3 === 2);
    }
    expect(sizes).toEqual([4, 4, 2, 4, 4, 2]);
    for (const seen of epochs)
      expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(epochs[0]).not.toEqual(epochs[1]);
  });

  it('keeps data order without shuffle and applies a new batch size at the next batch', () => {
    const cursor = createBatchCursor(5, 2, false, createRng(1));
    expect([...cursor.next().indices]).toEqual([0, 1]);
    cursor.setBatchSize(3);
    expect([...cursor.next().indices]).toEqual([2, 3, 4]);
    cursor.setBatchSize(100);
    expect([...cursor.next().indices]).toEqual([0, 1, 2, 3, 4]);
  });
});
