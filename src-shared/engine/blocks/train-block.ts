/**
 * train: turns its run's ticks into updates of the wired model by the wired optimizer on the
 * wired data, and emits the run's signals on its `run` port. The data is the block's own
 * dataset input, else the model's; surfaces (models without a dataset input) take none.
 */
import { createRng } from '../random';
import { estimateRunBytes, formatBytes, MEMORY_BUDGET_BYTES } from '../training/memory';
import { TrainRun, type TrainSettings } from '../training/train-run';
import type { BlockStreamDefinition } from './block-stream';
import type { DatasetSource, ModelSource, OptimizerSource } from './ports';
import { syncValue } from './sync-value';

function settingsOf(p: Readonly<Record<string, unknown>>, cap: number | undefined): TrainSettings {
  const own = p.maxSteps == null ? null : Number(p.maxSteps);
  return {
    epochs: Number(p.epochs),
    batchSize: Number(p.batchSize),
    maxSteps: cap !== undefined ? Math.min(cap, own ?? Number.POSITIVE_INFINITY) : own,
    shuffle: Boolean(p.shuffle),
    evalEvery: Number(p.evalEvery),
    gradNoise: Number(p.gradNoise ?? 0),
    seed: Number(p.seed),
  };
}

export const trainBlock: BlockStreamDefinition = {
  wire(inputs, ctx) {
    const { node, options } = ctx;
    const models = syncValue(inputs.model![0]!, `${node.id}.model`) as ModelSource;
    const optimizers = syncValue(inputs.optimizer![0]!, `${node.id}.optimizer`) as OptimizerSource;
    const wiredData = inputs.dataset?.[0];
    const data = wiredData
      ? (syncValue(wiredData, `${node.id}.dataset`) as DatasetSource)
      : models.dataset;
    if (models.needsData && !data) {
      throw ctx.refuse(`train '${node.id}' needs a dataset for ${models.type}`);
    }
    const dataset = models.needsData && data ? data.get() : null;
    const { model, initial } = models.resolve(dataset);
    const settings = settingsOf(ctx.params.value, options.maxSteps);
    const estimate = estimateRunBytes(model, dataset, settings.batchSize);
    if (estimate > MEMORY_BUDGET_BYTES) {
      throw ctx.refuse(
        `train '${node.id}' would need about ${formatBytes(estimate)} (model '${models.node}' has ${model.size} parameters); the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}`,
      );
    }
    const limit = optimizers.limit;
    if (limit && model.size > limit.maxParams) {
      throw ctx.refuse(
        `${limit.why}, so it is limited to ${limit.maxParams} parameters; model '${models.node}' has ${model.size} (use a smaller model or a first-order optimizer)`,
        optimizers.node,
      );
    }
    const run = new TrainRun({
      id: node.id,
      dataset,
      model,
      initial,
      optimizer: optimizers,
      settings,
      traceParams: options.traceParams ?? false,
      recordTrajectory: options.recordTrajectories === 'all',
      rng: createRng(settings.seed),
      now: options.now ?? (() => performance.now()),
      bus: ctx.bus,
    });
    ctx.onDispose(() => run.dispose());
    models.attach(run.clock);
    if (dataset) data?.attach(run.clock);
    ctx.params.accept((name, value) => run.applyEdit(name, value));
    return {
      outputs: { run: run.signals$ },
      events$: run.events$,
      run: { run, model, dataset, modelNode: models.node },
    };
  },
};
