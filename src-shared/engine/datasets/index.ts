/** Every `dataset.*` block of the catalog, built from its params. */
import type { Dataset } from '../types';
import { type CsvIo, createCsvDataset } from './csv';
import { createDigits } from './digits';
import { createRegression, createSynthetic2d, SYNTHETIC_2D_TYPES } from './synthetic';

export { batchesPerEpoch, batchTensors, epochBatches, gatherBatch } from './batching';
export type { CsvDataset, CsvIo } from './csv';
export { parseCsvDataset } from './csv';
export { loadDigits } from './digits';
export { REGRESSION_FNS, type RegressionFn } from './synthetic';

type DatasetFactory = (params: Record<string, unknown>, io?: CsvIo) => Dataset;

/** One factory per catalog type: the same pattern as optimizers, schedules and models. */
const factories: Readonly<Record<string, DatasetFactory>> = {
  ...Object.fromEntries(
    SYNTHETIC_2D_TYPES.map((type): [string, DatasetFactory] => [
      type,
      (params) => createSynthetic2d(type, params),
    ]),
  ),
  'dataset.regression': createRegression,
  'dataset.digits': createDigits,
  'dataset.csv': createCsvDataset,
};

export const DATASET_TYPES: readonly string[] = Object.keys(factories);

export function createDataset(type: string, params: Record<string, unknown>, io?: CsvIo): Dataset {
  const factory = Object.hasOwn(factories, type) ? factories[type] : undefined;
  if (!factory) {
    throw new Error(`unknown dataset type "${type}" (known: ${DATASET_TYPES.join(', ')})`);
  }
  return factory(params, io);
}
