/**
 * Every block kind the engine builds follows one pattern: a factory per catalog type. The
 * catalog and the factories must name the same types, and an unknown type is refused with
 * the list of known ones.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, DATASET_TYPES } from '../../../src-shared/engine/datasets';
import { createModel, MODEL_TYPES } from '../../../src-shared/engine/models';
import { createOptimizer, optimizerTypes } from '../../../src-shared/engine/optimizers';
import { createSchedule, scheduleTypes } from '../../../src-shared/engine/schedules';
import { catalog, defaultParams } from '../../../src-shared/graph';

let tensorsBefore = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
  tensorsBefore = tf.memory().numTensors;
});
afterAll(() => {
  // Building (and refusing) blocks leaves no tensor behind.
  expect(tf.memory().numTensors).toBe(tensorsBefore);
});

const ofKind = (kind: string) =>
  catalog
    .filter((b) => b.kind === kind)
    .map((b) => b.type)
    .sort();

describe('engine factories: one per catalog type', () => {
  it.each([
    ['dataset', DATASET_TYPES],
    ['model', MODEL_TYPES],
    ['optimizer', optimizerTypes],
    ['schedule', scheduleTypes],
  ])('%s: the factories build exactly the catalog types', (kind, types) => {
    expect([...types].sort()).toEqual(ofKind(kind));
  });

  it('refuses an unknown type, naming the known ones', () => {
    expect(() => createDataset('dataset.nope', {})).toThrow(
      /unknown dataset type "dataset.nope" \(known: dataset\.spiral, .*dataset\.csv\)/,
    );
    expect(() => createModel('model.nope', {}, null)).toThrow(
      /unknown model type "model.nope" \(known: model\.surface, .*model\.import\)/,
    );
    expect(() => createOptimizer('optimizer.nope')).toThrow(/unknown optimizer type/);
    expect(() => createSchedule('schedule.nope', {}, { baseLr: 0.1, totalIntervals: 10 })).toThrow(
      /unknown schedule type/,
    );
  });

  it('builds every synthetic dataset and the digits at their catalog defaults', () => {
    for (const type of DATASET_TYPES.filter((t) => t !== 'dataset.csv')) {
      const dataset = createDataset(type, defaultParams(type));
      expect(dataset.type).toBe(type);
      expect(dataset.train.n, type).toBeGreaterThan(0);
      expect(dataset.train.x.length).toBe(dataset.train.n * dataset.numFeatures);
    }
  });
});
