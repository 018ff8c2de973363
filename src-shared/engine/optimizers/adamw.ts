/**
 * torch.optim.AdamW: decoupled weight decay θ ← θ·(1 − lr·wd) first, then the Adam step on
 * the raw gradient (no L2 term), default wd = 0.01.
 */

import { nonNegative } from '../block-params';
import type { Optimizer } from '../types';
import { adamUpdate } from './adam';
import { adamFamilySpecs, momentumIsBeta1 } from './adam-family';
import { buildOptimizer, type OptimizerDefinition } from './build-optimizer';

export const adamwDefinition: OptimizerDefinition = {
  type: 'optimizer.adamw',
  specs: adamFamilySpecs('optimizer.adamw', { amsgrad: null, weightDecay: nonNegative }),
  aliases: momentumIsBeta1,
  makeUpdate: () => adamUpdate(true),
};

export function createAdamw(params: Readonly<Record<string, unknown>> = {}): Optimizer {
  return buildOptimizer(adamwDefinition, params);
}
