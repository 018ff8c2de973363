/**
 * A rough upper estimate of a run's memory, checked before it starts so that a graph asking
 * for absurd sizes is refused with a message instead of exhausting the device.
 */
import type { Dataset, Model } from '../types';

/** What one run may use: generous for teaching-size models, far below a device's memory. */
export const MEMORY_BUDGET_BYTES = 1.5 * 1024 ** 3;

const FLOAT_BYTES = 4;

export function estimateRunBytes(model: Model, dataset: Dataset | null, batchSize: number): number {
  // Parameters, gradients, up to three optimizer slots and temporaries of the update.
  const parameterBytes = model.size * FLOAT_BYTES * 6;
  const dataBytes = dataset
    ? (dataset.train.n + dataset.val.n) * (dataset.numFeatures + 1) * FLOAT_BYTES
    : 0;
  // Activations: a layer's output per example is at most its parameter count / fan-in; bound
  // it by the parameters themselves per example in the batch (over-estimates, never under).
  const widest = model.paramInfo.reduce((m, p) => Math.max(m, p.shape[p.shape.length - 1] ?? 1), 1);
  const activationBytes = batchSize * widest * model.paramInfo.length * FLOAT_BYTES * 3;
  return parameterBytes + dataBytes + activationBytes;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}
