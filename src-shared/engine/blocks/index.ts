/**
 * Every block kind's stream definition: compileGraph looks a node's up by its catalog kind.
 * A new kind registers here; a new type of an existing kind needs nothing here (its engine
 * factory table and the catalog decide).
 */
import type { BlockKind } from '../../graph/block';
import type { BlockStreamDefinition } from './block-stream';
import { datasetBlock } from './dataset-block';
import { metricBlock } from './metric-block';
import { modelBlock } from './model-block';
import { optimizerBlock } from './optimizer-block';
import { scheduleBlock } from './schedule-block';
import { trainBlock } from './train-block';
import { viewBlock } from './view-blocks';

export const BLOCK_STREAMS: Readonly<Record<BlockKind, BlockStreamDefinition>> = {
  dataset: datasetBlock,
  model: modelBlock,
  optimizer: optimizerBlock,
  schedule: scheduleBlock,
  train: trainBlock,
  metric: metricBlock,
  view: viewBlock,
};

export type { BlockContext, BlockStreamDefinition, RunHandle, WiredBlock } from './block-stream';
