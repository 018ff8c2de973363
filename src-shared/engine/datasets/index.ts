/** Every `dataset.*` block of the catalog, built from its params. */
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

export const DATASET_TYPES = [
  ...SYNTHETIC_2D_TYPES,
  'dataset.regression',
  'dataset.digits',
  'dataset.csv',
] as const;

export function createDataset(type: string, params: Record<string, unknown>, io?: CsvIo): Dataset {
  if ((SYNTHETIC_2D_TYPES as readonly string[]).includes(type)) {
    return createSynthetic2d(type as Synthetic2dType, params);
  }
  switch (type) {
    case 'dataset.regression':
      return createRegression(params);
    case 'dataset.digits':
      return createDigits(params);
    case 'dataset.csv':
      return createCsvDataset(params, io);
    default:
      throw new Error(`unknown dataset type "${type}" (known: ${DATASET_TYPES.join(', ')})`);
  }
}
