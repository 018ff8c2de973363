/**
 * How many parameter points to evaluate per chunk: as many as a memory budget allows,
 * estimated from the activations one point needs (n samples × units of every layer).
 */
import type { Model } from '../types';

export const DEFAULT_MEMORY_BUDGET_BYTES = 64 * 1024 * 1024;

export function chooseChunkSize(
  model: Model,
  samples: number,
  budgetBytes = DEFAULT_MEMORY_BUDGET_BYTES,
): number {
  if (!(budgetBytes > 0)) throw new Error(`memoryBudgetBytes must be positive, got ${budgetBytes}`);
  let units = 0;
  for (const p of model.paramInfo) {
    if (p.role === 'weight' && p.filterAxis >= 0) units += p.shape[p.filterAxis]!;
  }
  // Pre-activation, activation and one temporary per unit and sample, plus the params.
  const bytesPerPoint = 4 * (3 * model.size + 3 * samples * Math.max(units, 1));
  const max = model.task === 'surface' ? 1024 : 256;
  return Math.max(1, Math.min(max, Math.floor(budgetBytes / bytesPerPoint)));
}
