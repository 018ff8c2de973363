/**
 * The optimizer factory: catalog type (`optimizer.adam`) + the block's camelCase params →
 * an `Optimizer` following torch.optim's semantics.
 */
import type { Optimizer } from '../types';
import { adagradDefinition } from './adagrad';
import { adamDefinition } from './adam';
import { adamwDefinition } from './adamw';
import { buildOptimizer, type OptimizerDefinition } from './build-optimizer';
import { lionDefinition } from './lion';
import { nadamDefinition } from './nadam';
import { newtonDefinition } from './newton';
import { radamDefinition } from './radam';
import { rmspropDefinition } from './rmsprop';
import { sgdDefinition } from './sgd';

export { NEWTON_MAX_PARAMS } from './newton';

const definitions: readonly OptimizerDefinition[] = [
  sgdDefinition,
  adagradDefinition,
  rmspropDefinition,
  adamDefinition,
  adamwDefinition,
  nadamDefinition,
  radamDefinition,
  lionDefinition,
  newtonDefinition,
];

const byType = new Map(definitions.map((d) => [d.type, d]));

export const optimizerTypes: readonly string[] = definitions.map((d) => d.type);

/** The most parameters an optimizer type can train, and why (undefined: no limit). */
export function optimizerLimit(type: string): OptimizerDefinition['limit'] {
  return byType.get(type)?.limit;
}

export function createOptimizer(type: string, params: Record<string, unknown> = {}): Optimizer {
  const def = byType.get(type);
  if (!def) {
    throw new Error(`unknown optimizer type '${type}' (known: ${optimizerTypes.join(', ')})`);
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new Error(`${type}: params must be an object`);
  }
  return buildOptimizer(def, params);
}

/**
 * The momentum OneCycle may cycle (torch's cycle_momentum): `momentum` for SGD and RMSprop,
 * beta1 for the Adam family (the optimizers map setHyper('momentum') to beta1); undefined for
 * optimizers with neither (AdaGrad, Newton). Use it as ScheduleContext.baseMomentum.
 */
export function cyclableMomentum(optimizer: Optimizer): number | undefined {
  let value: number | boolean;
  try {
    value = optimizer.getHyper('momentum');
  } catch {
    return undefined; // no such hyper-parameter
  }
  return typeof value === 'number' ? value : undefined;
}
