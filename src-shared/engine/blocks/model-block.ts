/**
 * model.*: the model and its initial weights, made once, with the first data they meet: every
 * run that trains the block starts from the same θ₀.
 */
import { of } from 'rxjs';
import { getBlock } from '../../graph/catalog';
import { createModel } from '../models';
import type { Dataset, Model } from '../types';
import type { BlockStreamDefinition } from './block-stream';
import { refuseEditsWhileRunning } from './fixed-params';
import type { DatasetSource, ModelSource } from './ports';
import { syncValue } from './sync-value';

export const modelBlock: BlockStreamDefinition = {
  wire(inputs, ctx) {
    const { node, options } = ctx;
    const wired = inputs.dataset?.[0];
    let built: { model: Model; initial: Float32Array[] } | null = null;
    const source: ModelSource = {
      node: node.id,
      type: node.type,
      dataset: wired ? (syncValue(wired, `${node.id}.dataset`) as DatasetSource) : null,
      needsData: getBlock(node.type)?.inputs.some((p) => p.type === 'dataset') ?? false,
      resolve(dataset: Dataset | null) {
        if (built) return built;
        const model = ctx.attempt(() =>
          createModel(
            node.type,
            ctx.params.value,
            dataset && {
              task: dataset.task,
              numFeatures: dataset.numFeatures,
              numClasses: dataset.numClasses,
              imageShape: dataset.imageShape,
            },
            { readText: options.readText, readBytes: options.readBytes },
          ),
        );
        built = { model, initial: model.initialValues() };
        return built;
      },
      attach: (clock) => refuseEditsWhileRunning(ctx.params, clock),
    };
    return { outputs: { model: of(source) } };
  },
};
