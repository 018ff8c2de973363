import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  batchesPerEpoch,
  batchTensors,
  epochBatches,
  gatherBatch,
} from '../../../../src-shared/engine/datasets';
import { createRng } from '../../../../src-shared/engine/random';
import type { DataSplit } from '../../../../src-shared/engine/types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('epochBatches', () => {
  it('covers every sample exactly once per epoch in consecutive batches', () => {
    const rng = createRng(1);
    for (let epoch = 0; epoch < 3; epoch++) {
      const batches = epochBatches(103, 10, true, rng);
      expect(batches.length).toBe(batchesPerEpoch(103, 10));
      expect(batches.map((b) => b.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 3]);
      const seen = batches.flatMap((b) => [...b]).sort((a, b) => a - b);
      expect(seen).toEqual(Array.from({ length: 103 }, (_, i) => i));
    }
  });

  it('draws a new order each epoch, reproducibly by seed', () => {
    const a = createRng(2);
    const first = epochBatches(50, 50, true, a)[0];
    const second = epochBatches(50, 50, true, a)[0];
    expect([...first!]).not.toEqual([...second!]);
    const b = createRng(2);
    expect([...epochBatches(50, 50, true, b)[0]!]).toEqual([...first!]);
    expect([...epochBatches(50, 50, true, b)[0]!]).toEqual([...second!]);
  });

  it('keeps the data order without shuffle', () => {
    const batches = epochBatches(5, 2, false, createRng(0));
    expect(batches.map((b) => [...b])).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('refuses a bad batch size', () => {
    expect(() => epochBatches(5, 0, false, createRng(0))).toThrow(
      'epochBatches: batchSize must be a positive integer, got 0',
    );
  });
});

describe('gatherBatch and batchTensors', () => {
  const split: DataSplit = {
    x: Float32Array.from([0, 1, 10, 11, 20, 21]),
    y: Float32Array.from([0, 1, 2]),
    n: 3,
  };

  it('copies the chosen rows', () => {
    const { x, y } = gatherBatch(split, [2, 0]);
    expect([...x]).toEqual([20, 21, 0, 1]);
    expect([...y]).toEqual([2, 0]);
    expect(() => gatherBatch(split, [3])).toThrow(
      "gatherBatch: index 3 is outside the split's 3 rows",
    );
  });

  it('makes int32 labels for classification, float32 targets for regression, without leaks', () => {
    const before = tf.memory().numTensors;
    const cls = batchTensors(split, [1, 2], 'classification', 2);
    expect(cls.x.shape).toEqual([2, 2]);
    expect(cls.y.dtype).toBe('int32');
    expect([...cls.y.dataSync()]).toEqual([1, 2]);
    const reg = batchTensors(split, [1], 'regression', 2);
    expect(reg.y.dtype).toBe('float32');
    tf.dispose([cls.x, cls.y, reg.x, reg.y]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
