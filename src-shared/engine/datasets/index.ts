/** Every `dataset.*` block of the catalog, built from its params. */
import { BlockRegistry } from '../registry';
import type { Dataset } from '../types';
import { type CsvIo, createCsvDataset } from './csv';
import { createDigits } from './digits';
import {
  createRegression,
  createSynthetic2d,
  SYNTHETIC_2D_TYPES,
  type Synthetic2dType,
} from './synthetic';

export { batchesPerEpoch, batchTensors, epochBatches, gatherBatch } from './batching';
export type { CsvDataset, CsvIo } from './csv';
export { parseCsvDataset } from './csv';
export { loadDigits } from './digits';
export { REGRESSION_FNS, type RegressionFn, SYNTHETIC_DEFAULTS } from './synthetic';

export type DatasetFactory = (params: Record<string, unknown>, io?: CsvIo) => Dataset;

const synthetic2d =
  (type: Synthetic2dType): DatasetFactory =>
  (params) =>
    createSynthetic2d(type, params);

export const datasets = new BlockRegistry<DatasetFactory>('dataset', {
  ...Object.fromEntries(SYNTHETIC_2D_TYPES.map((type) => [type, synthetic2d(type)])),
  'dataset.regression': createRegression,
  'dataset.digits': createDigits,
  'dataset.csv': createCsvDataset,
});

export function createDataset(type: string, params: Record<string, unknown>, io?: CsvIo): Dataset {
  return datasets.get(type)(params, io);
}
