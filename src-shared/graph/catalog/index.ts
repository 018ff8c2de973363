/** The block catalog: every block type of DESIGN.md, looked up by type name. */
import type { BlockDefinition } from '../block';
import { defaultValue } from '../params';
import { datasetBlocks } from './datasets';
import { metricBlocks } from './metrics';
import { modelBlocks } from './models';
import { optimizerBlocks } from './optimizers';
import { scheduleBlocks } from './schedules';
import { trainBlock } from './training';
import { viewBlocks } from './views';

export const catalog: readonly BlockDefinition[] = Object.freeze([
  ...datasetBlocks,
  ...modelBlocks,
  ...optimizerBlocks,
  ...scheduleBlocks,
  trainBlock,
  ...metricBlocks,
  ...viewBlocks,
]);

// A Map, not an object: a type named `__proto__` or `constructor` finds nothing.
const byType = new Map(catalog.map((block) => [block.type, block]));

export function getBlock(type: string): BlockDefinition | undefined {
  return byType.get(type);
}

/** Every param of `type` at its default, in catalog order; {} for an unknown type. */
export function defaultParams(type: string): Record<string, unknown> {
  const block = getBlock(type);
  const params: Record<string, unknown> = {};
  if (!block) return params;
  for (const [name, spec] of Object.entries(block.params)) params[name] = defaultValue(spec);
  return params;
}
