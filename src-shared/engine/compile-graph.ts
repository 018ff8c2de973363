/**
 * compileGraph: a validated graph document → runs wired from its blocks, driven by a
 * RunController. Datasets and models are built once and shared, so the train blocks of an
 * optimizer race start from the same initial weights; each train block gets its own
 * optimizer and schedule instances (their state is per run).
 */
import type { GraphDocument, GraphEdge, GraphNode } from '../graph';
import type { MetricName, RunEvent } from '../protocol/events';
import { MetricNameSchema } from '../protocol/events';
import type { Clock } from './clock';
import { createDataset } from './datasets';
import { createModel } from './models';
import { createOptimizer, cyclableMomentum, NEWTON_MAX_PARAMS } from './optimizers';
import { createRng } from './random';
import { createSchedule } from './schedules';
import { estimateRunBytes, formatBytes, MEMORY_BUDGET_BYTES } from './training/memory';
import { RunController } from './training/run-controller';
import type { MetricRequest } from './training/run-metrics';
import { planRun, TrainRun, type TrainSettings } from './training/train-run';
import type { Dataset, Model } from './types';

export interface BackendInfo {
  readonly name: string;
  readonly reason: string;
}

export interface CompileOptions {
  readonly backend: BackendInfo;
  /** Put θ_k into step events (models with ≤ 64 parameters). */
  readonly traceParams?: boolean;
  /** Overrides every block's `seed` param. */
  readonly seed?: number;
  /** Caps every run at this many updates. */
  readonly maxSteps?: number;
  /** Record θ snapshots of runs that a view.landscape block shows (or of every run: 'all'). */
  readonly recordTrajectories?: boolean | 'all';
  /** Reads a user's file (dataset.csv) for hosts that have files. */
  readonly readText?: (path: string) => string;
  /** Reads a user's binary file (model.import's weight files) for hosts that have files. */
  readonly readBytes?: (path: string) => Uint8Array;
  readonly now?: () => number;
  /** Paces and slices the run loop (default: the host's own). */
  readonly clock?: Clock;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** A graph that validates but cannot be run (bad data, too large, …), with where and why. */
export class CompileError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'CompileError';
  }
}

export interface CompiledGraph {
  readonly controller: RunController;
  readonly runs: readonly TrainRun[];
  /** The model and dataset each run trains (the landscape needs them). */
  readonly runInputs: ReadonlyMap<
    string,
    { model: Model; dataset: Dataset | null; modelNode: string }
  >;
  dispose(): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function compileGraph(graph: GraphDocument, options: CompileOptions): CompiledGraph {
  const nodeIndex = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const at = (node: GraphNode) => `nodes[${nodeIndex.get(node.id)}]`;
  const paramsOf = (node: GraphNode): Record<string, unknown> =>
    options.seed !== undefined && 'seed' in node.params
      ? { ...node.params, seed: options.seed }
      : node.params;
  const incoming = (node: GraphNode): GraphEdge[] =>
    graph.edges.filter((e) => e.to.node === node.id);
  const sourceOfKind = (node: GraphNode, kind: string): GraphNode | undefined =>
    incoming(node)
      .map((e) => byId.get(e.from.node)!)
      .find((n) => n.type.startsWith(`${kind}.`) || n.type === kind);
  const attempt = <T>(node: GraphNode, build: () => T): T => {
    try {
      return build();
    } catch (error) {
      throw new CompileError([
        { path: at(node), message: `${node.type} '${node.id}': ${message(error)}` },
      ]);
    }
  };

  const trainNodes = graph.nodes.filter((n) => n.type === 'train');
  if (trainNodes.length === 0) {
    throw new CompileError([
      { path: 'nodes', message: 'the graph has no train block, so there is nothing to run' },
    ]);
  }

  const datasets = new Map<string, Dataset>();
  const datasetFor = (node: GraphNode): Dataset =>
    datasets.get(node.id) ??
    datasets
      .set(
        node.id,
        attempt(node, () =>
          createDataset(node.type, paramsOf(node), { readText: options.readText }),
        ),
      )
      .get(node.id)!;

  // One set of initial weights per model block (made once, when first needed): every run
  // that trains the block starts there.
  const models = new Map<string, { model: Model; initial: () => Float32Array[] }>();
  const modelFor = (node: GraphNode, dataset: Dataset | null) => {
    const cached = models.get(node.id);
    if (cached) return cached;
    const model = attempt(node, () =>
      createModel(
        node.type,
        paramsOf(node),
        dataset
          ? {
              task: dataset.task,
              numFeatures: dataset.numFeatures,
              numClasses: dataset.numClasses,
              imageShape: dataset.imageShape,
            }
          : null,
        { readText: options.readText, readBytes: options.readBytes },
      ),
    );
    let initial: Float32Array[] | null = null;
    const entry = { model, initial: () => (initial ??= model.initialValues()) };
    models.set(node.id, entry);
    return entry;
  };

  const metricNodesOf = (train: GraphNode): MetricRequest[] =>
    graph.edges
      .filter((e) => e.from.node === train.id)
      .map((e) => byId.get(e.to.node)!)
      .filter((n) => n.type.startsWith('metric.'))
      .map((n) => ({
        node: n.id,
        metric: MetricNameSchema.parse(n.type.slice('metric.'.length)) as MetricName,
        every: Math.max(1, Number(n.params.every ?? 1)),
        params: n.params,
      }));

  // Runs shown by a landscape view keep their trajectories for its paths.
  const landscapeRuns = new Set(
    graph.edges
      .filter((e) => byId.get(e.to.node)?.type === 'view.landscape')
      .map((e) => e.from.node),
  );
  const runs: TrainRun[] = [];
  const runInputs = new Map<string, { model: Model; dataset: Dataset | null; modelNode: string }>();
  const latestMetric = new Map<string, number>();
  try {
    for (const train of trainNodes) {
      const modelNode = sourceOfKind(train, 'model')!;
      const optimizerNode = sourceOfKind(train, 'optimizer')!;
      const datasetNode = sourceOfKind(train, 'dataset') ?? sourceOfKind(modelNode, 'dataset');
      if (modelNode.type !== 'model.surface' && !datasetNode) {
        throw new CompileError([
          { path: at(train), message: `train '${train.id}' needs a dataset for ${modelNode.type}` },
        ]);
      }
      const dataset =
        modelNode.type === 'model.surface' || !datasetNode ? null : datasetFor(datasetNode);
      const { model, initial } = modelFor(modelNode, dataset);
      const p = paramsOf(train);
      const settings: TrainSettings = {
        epochs: Number(p.epochs),
        batchSize: Number(p.batchSize),
        maxSteps:
          options.maxSteps !== undefined
            ? Math.min(
                options.maxSteps,
                p.maxSteps == null ? Number.POSITIVE_INFINITY : Number(p.maxSteps),
              )
            : p.maxSteps == null
              ? null
              : Number(p.maxSteps),
        shuffle: Boolean(p.shuffle),
        evalEvery: Number(p.evalEvery),
        gradNoise: Number(p.gradNoise ?? 0),
        seed: Number(p.seed),
      };
      const estimate = estimateRunBytes(model, dataset, settings.batchSize);
      if (estimate > MEMORY_BUDGET_BYTES) {
        throw new CompileError([
          {
            path: at(train),
            message: `train '${train.id}' would need about ${formatBytes(estimate)} (model '${modelNode.id}' has ${model.size} parameters); the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}`,
          },
        ]);
      }
      if (optimizerNode.type === 'optimizer.newton' && model.size > NEWTON_MAX_PARAMS) {
        throw new CompileError([
          {
            path: at(optimizerNode),
            message: `Newton's method builds the full Hessian, so it is limited to ${NEWTON_MAX_PARAMS} parameters; model '${modelNode.id}' has ${model.size} (use a smaller model or a first-order optimizer)`,
          },
        ]);
      }
      const optimizer = attempt(optimizerNode, () =>
        createOptimizer(optimizerNode.type, paramsOf(optimizerNode)),
      );
      const scheduleNode = sourceOfKind(optimizerNode, 'schedule') ?? null;
      const baseLr = Number(optimizerNode.params.lr);
      const baseMomentum = cyclableMomentum(optimizer);
      const { totalSteps, stepsPerEpoch } = planRun(dataset ? dataset.train.n : null, settings);
      const totalIntervals = Math.max(
        1,
        scheduleNode?.params.interval === 'epoch'
          ? Math.ceil(totalSteps / stepsPerEpoch)
          : totalSteps,
      );
      const buildSchedule = scheduleNode
        ? (params: Record<string, unknown>, lr = baseLr) =>
            attempt(scheduleNode, () =>
              createSchedule(scheduleNode.type, params, {
                baseLr: lr,
                baseMomentum,
                totalIntervals,
              }),
            )
        : undefined;
      const feedbackEdge = scheduleNode
        ? incoming(scheduleNode).find((e) => byId.get(e.from.node)?.type.startsWith('metric.'))
        : undefined;
      const feedbackNode = feedbackEdge?.from.node ?? null;
      const rng = createRng(settings.seed);
      const run = new TrainRun({
        id: train.id,
        dataset,
        datasetType: datasetNode?.type ?? null,
        datasetNode: datasetNode?.id ?? null,
        model,
        modelNode: modelNode.id,
        initial: initial(),
        optimizer,
        optimizerNode: optimizerNode.id,
        schedule: buildSchedule ? buildSchedule(scheduleNode!.params) : null,
        scheduleNode: scheduleNode?.id ?? null,
        scheduleParams: scheduleNode?.params ?? null,
        rebuildSchedule: buildSchedule,
        settings,
        metrics: metricNodesOf(train),
        feedbackNode,
        feedback: feedbackNode ? () => latestMetric.get(feedbackNode) : undefined,
        traceParams: options.traceParams ?? false,
        recordTrajectory:
          options.recordTrajectories === 'all' ||
          (options.recordTrajectories !== false && landscapeRuns.has(train.id)),
        rng,
        now: options.now ?? (() => performance.now()),
      });
      runs.push(run);
      runInputs.set(train.id, { model, dataset, modelNode: modelNode.id });
    }
  } catch (error) {
    for (const r of runs) r.dispose();
    throw error instanceof CompileError
      ? error
      : new CompileError([{ path: 'graph', message: message(error) }]);
  }

  const startEvents = (): RunEvent[] =>
    runs.map((run) => {
      const inputs = runInputs.get(run.id)!;
      const node = byId.get(run.id)!;
      const optimizerNode = sourceOfKind(node, 'optimizer')!;
      return {
        type: 'start',
        run: run.id,
        backend: options.backend.name,
        backendReason: options.backend.reason,
        optimizer: optimizerNode.type,
        model: inputs.model.type,
        dataset: inputs.dataset?.type ?? null,
        parameters: inputs.model.size,
        totalSteps: run.totalSteps,
        stepsPerEpoch: run.stepsPerEpoch,
        seed: Number(paramsOf(node).seed),
      };
    });

  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    for (const r of runs) r.dispose();
  };
  const controller = new RunController(runs, startEvents, { clock: options.clock });
  controller.events$.subscribe({
    next: (e) => {
      if (e.type === 'metric' && e.value !== null) latestMetric.set(e.node, e.value);
    },
    error: () => {},
  });
  return { controller, runs, runInputs, dispose };
}
