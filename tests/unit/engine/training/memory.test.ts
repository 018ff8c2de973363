import { describe, expect, it } from 'vitest';
import { createModel } from '../../../../src-shared/engine/models';
import {
  estimateRunMemory,
  layerWidths,
  MEMORY_BUDGET_BYTES,
} from '../../../../src-shared/engine/training/memory';
import type { Dataset } from '../../../../src-shared/engine/types';

/** A classification dataset of the given shape (its values do not matter to the estimate). */
function dataset(rows: number, features: number, classes = 2): Dataset {
  const split = (n: number) => ({ x: new Float32Array(n * features), y: new Float32Array(n), n });
  return {
    type: 'dataset.csv',
    task: 'classification',
    numFeatures: features,
    numClasses: classes,
    train: split(rows - Math.floor(rows / 5)),
    val: split(Math.floor(rows / 5)),
  };
}

const mlp = (data: Dataset, hidden: number[]) =>
  createModel('model.mlp', { hidden, activation: 'relu', init: 'glorot', seed: 0 }, data);

describe('estimateRunMemory', () => {
  it('counts every layer, the input layer first', () => {
    const data = dataset(100, 7);
    expect(layerWidths(mlp(data, [5, 3]), data)).toEqual([7, 5, 3, 2]);
    // Dense [7,5,3,2]: 7·5+5 + 5·3+3 + 3·2+2 = 66 parameters.
    const m = estimateRunMemory(mlp(data, [5, 3]), data, 32);
    expect(m.parameters).toBe(66 * 4 * 8 * 2);
    expect(m.activations).toBe(32 * (7 + 5 + 3 + 2) * 4 * 4 * 2);
    expect(m.data).toBe(100 * 8 * 4 * 4);
    expect(m.total).toBe(m.parameters + m.activations + m.data);
  });

  it('a batch is never counted larger than the training split', () => {
    const data = dataset(10, 3); // 8 training rows
    const m = estimateRunMemory(mlp(data, [4]), data, 512);
    expect(m.activations).toBe(8 * (3 + 4 + 2) * 4 * 4 * 2);
  });

  it('counts the evaluation of the whole validation split when that is larger', () => {
    // The measured case: 10 M rows × 2 columns (inside the cell limit) crashed wasm with
    // "memory access out of bounds" at 3.5 GB; its 2 M validation rows go through at once.
    const data = dataset(9_999_999, 1);
    const m = estimateRunMemory(mlp(data, [32, 32]), data, 32);
    expect(m.activations).toBe(1_999_999 * (1 + 32 + 32 + 2) * 2 * 4 * 2);
    expect(m.total).toBeGreaterThan(MEMORY_BUDGET_BYTES);
  });

  it("refuses the issue's case: a 5000-column CSV into hidden [4096, 4096]", () => {
    // Measured 2.65 GB resident for two steps; the estimate must be over the budget.
    const data = dataset(200, 4999);
    const m = estimateRunMemory(mlp(data, [4096, 4096]), data, 32);
    expect(m.total).toBeGreaterThan(MEMORY_BUDGET_BYTES);
    expect(m.total / 2 ** 30).toBeCloseTo(2.23, 1);
  });

  it('an input layer alone can exceed the budget: wide rows in a big batch', () => {
    // 10 000 features, one small hidden layer: the parameters are small, the batches are not.
    const data = dataset(4096, 10_000); // 3277 training rows
    const m = estimateRunMemory(mlp(data, [8]), data, 3000);
    expect(m.parameters).toBeLessThan(10 * 2 ** 20);
    expect(m.activations).toBe(3000 * 4 * (10_000 + 8 + 2) * 4 * 2);
    expect(m.total).toBeGreaterThan(MEMORY_BUDGET_BYTES);
  });

  it('teaching-size graphs stay far below the budget', () => {
    const data = dataset(400, 2);
    expect(estimateRunMemory(mlp(data, [32, 32]), data, 32).total).toBeLessThan(2 ** 20);
  });
});
