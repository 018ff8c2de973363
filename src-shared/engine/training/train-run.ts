/**
 * One `train` block at run time: its parameters as tf.Variables, its optimizer and schedule,
 * its minibatch cursor. `step()` performs one update and returns the events it produced.
 * θ_k is the point before update k: the step event k carries the loss at θ_k on batch k and
 * the lr used for update k.
 */
import * as tf from '@tensorflow/tfjs';
import {
  type DoneEvent,
  finiteOrNull,
  type MetricEvent,
  type ParamEvent,
  type RunEvent,
  type RunStatus,
} from '../../protocol/events';
import { modelHvp } from '../curvature';
import { batchesPerEpoch } from '../datasets';
import type { Rng } from '../random';
import type { Batch, DataSplit, Dataset, Model, Optimizer, Schedule } from '../types';
import { type BatchCursor, createBatchCursor } from './batches';
import { GradientNoise } from './gradient-noise';
import { type MetricRequest, RunMetrics } from './run-metrics';
import { flattenValues, globalNorm } from './tensors';
import { type Trajectory, TrajectoryRecorder } from './trajectory';

export interface TrainSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly maxSteps: number | null;
  readonly shuffle: boolean;
  /** Validate every N epochs. */
  readonly evalEvery: number;
  /** Standard deviation of Gaussian noise added to each gradient component (0: none). */
  readonly gradNoise?: number;
  readonly seed: number;
}

/** Parameters traced into step events only for small models (DESIGN: ≤ 64). */
export const MAX_TRACED_PARAMS = 64;

export interface TrainRunSpec {
  readonly id: string;
  readonly dataset: Dataset | null;
  readonly datasetType: string | null;
  readonly datasetNode: string | null;
  readonly model: Model;
  readonly modelNode: string;
  readonly initial: readonly Float32Array[];
  readonly optimizer: Optimizer;
  readonly optimizerNode: string;
  readonly schedule: Schedule | null;
  readonly scheduleNode: string | null;
  readonly scheduleParams: Readonly<Record<string, unknown>> | null;
  /** Builds the schedule from (edited) params: a live schedule edit replays its progress. */
  readonly rebuildSchedule?: (params: Record<string, unknown>, baseLr?: number) => Schedule;
  readonly settings: TrainSettings;
  readonly metrics: readonly MetricRequest[];
  /** The metric block feeding `schedule.plateau`, if one is wired. */
  readonly feedbackNode?: string | null;
  /** Its latest value from earlier steps (it may report less often than every step). */
  readonly feedback?: () => number | undefined;
  readonly traceParams: boolean;
  /** Keep snapshots of θ for the landscape's paths (when a view.landscape shows this run). */
  readonly recordTrajectory?: boolean;
  readonly rng: Rng;
  readonly now: () => number;
}

/** Updates per epoch and in all, for a training set of n examples (null: a surface). */
export function planRun(
  n: number | null,
  settings: TrainSettings,
): { totalSteps: number; stepsPerEpoch: number } {
  // An analytic surface has no data: every step is a full, exact gradient step.
  const perEpoch = n === null ? 1 : batchesPerEpoch(n, Math.min(settings.batchSize, n));
  const byEpochs = settings.epochs * perEpoch;
  const totalSteps = settings.maxSteps != null ? Math.min(settings.maxSteps, byEpochs) : byEpochs;
  return { totalSteps, stepsPerEpoch: perEpoch };
}

function splitTensors(split: DataSplit, numFeatures: number, classification: boolean) {
  return {
    x: tf.tensor2d(split.x, [split.n, numFeatures]),
    y: classification ? tf.tensor1d(split.y, 'int32') : tf.tensor1d(split.y, 'float32'),
  };
}

export class TrainRun {
  readonly id: string;
  /** Updates in all (a live batch-size change recomputes it). */
  totalSteps: number;
  readonly stepsPerEpoch: number;
  status: RunStatus | 'running' = 'running';
  stepIndex = 0;
  private readonly params: tf.Variable[];
  private readonly cursor: BatchCursor | null;
  private readonly train: { x: tf.Tensor2D; y: tf.Tensor1D } | null;
  private readonly val: { x: tf.Tensor2D; y: tf.Tensor1D } | null;
  private schedule: Schedule | null;
  private scheduleParams: Record<string, unknown>;
  /** The optimizer's own lr, which a schedule scales. */
  private baseLr: number;
  private intervalsAdvanced = 0;
  private lastLoss: number | null = null;
  private startTime: number | null = null;
  private disposed = false;
  private readonly recorder = new TrajectoryRecorder();
  private readonly gradNoise: GradientNoise | null;
  private readonly metrics: RunMetrics;

  constructor(private readonly spec: TrainRunSpec) {
    this.id = spec.id;
    const { dataset, settings, model } = spec;
    this.params = tf.tidy(() =>
      spec.initial.map((values, i) =>
        tf.variable(tf.tensor(values, [...model.paramInfo[i]!.shape]), true),
      ),
    );
    this.schedule = spec.schedule;
    this.scheduleParams = { ...(spec.scheduleParams ?? {}) };
    this.baseLr = Number(spec.optimizer.getHyper('lr'));
    if (dataset) {
      const classification = dataset.task === 'classification';
      this.train = splitTensors(dataset.train, dataset.numFeatures, classification);
      this.val =
        dataset.val.n > 0 ? splitTensors(dataset.val, dataset.numFeatures, classification) : null;
      this.cursor = createBatchCursor(
        dataset.train.n,
        settings.batchSize,
        settings.shuffle,
        spec.rng,
      );
    } else {
      this.train = null;
      this.val = null;
      this.cursor = null;
    }
    this.gradNoise = settings.gradNoise
      ? new GradientNoise(settings.gradNoise, spec.rng.fork('gradNoise'))
      : null;
    this.metrics = new RunMetrics(
      spec.id,
      model,
      dataset,
      this.params,
      this.train,
      spec.metrics,
      settings.seed,
    );
    const plan = planRun(dataset ? dataset.train.n : null, settings);
    this.totalSteps = plan.totalSteps;
    this.stepsPerEpoch = plan.stepsPerEpoch;
  }

  get done(): boolean {
    return this.status !== 'running';
  }

  get parameterCount(): number {
    return this.spec.model.size;
  }

  /** The recorded path through parameter space, including the current point. */
  trajectory(): Trajectory {
    return this.recorder.trajectory(
      this.id,
      this.disposed ? undefined : { step: this.stepIndex, params: this.currentParams() },
    );
  }

  /** Whether a live edit of `node` affects this run. */
  concerns(node: string): boolean {
    const { optimizerNode, scheduleNode, modelNode, datasetNode } = this.spec;
    return [this.id, optimizerNode, scheduleNode, modelNode, datasetNode].includes(node);
  }

  /** The current parameters, flattened (for traces, landscapes and final reports). */
  currentParams(): Float32Array {
    return flattenValues(this.params);
  }

  currentParamList(): Float32Array[] {
    return this.params.map((p) => p.dataSync() as Float32Array).map((a) => Float32Array.from(a));
  }

  /** Performs update k = stepIndex and returns the events it produced. */
  step(): RunEvent[] {
    if (this.done) return [];
    if (this.stepIndex >= this.totalSteps) return [this.finish('completed')];
    const k = this.stepIndex;
    const t0 = this.spec.now();
    this.startTime ??= t0; // wall time counts from the first update, not from compiling
    const events: RunEvent[] = [];
    const picked = this.cursor?.next();
    const epoch = picked ? picked.epoch : k;
    const batch = picked ? this.gather(picked.indices) : null;
    const scheduled = this.schedule?.current();
    if (scheduled?.momentum !== undefined)
      this.spec.optimizer.setHyper('momentum', scheduled.momentum);
    const lr = scheduled ? scheduled.lr : Number(this.spec.optimizer.getHyper('lr'));
    const trace = this.spec.traceParams && this.spec.model.size <= MAX_TRACED_PARAMS;
    const traced = trace ? Array.from(flattenValues(this.params), finiteOrNull) : undefined;
    if (this.spec.recordTrajectory) this.recorder.maybeRecord(k, () => this.currentParams());

    let loss = Number.NaN;
    let gradNorm = Number.NaN;
    let diverged: string | null = null;
    let metrics: MetricEvent[] = [];
    let gradList: tf.Tensor[] = [];
    try {
      const { value, grads } = tf.variableGrads(
        () => this.spec.model.loss(this.params, batch),
        this.params,
      );
      gradList = this.params.map((p) => grads[p.name]!);
      if (this.gradNoise) gradList = this.gradNoise.perturb(gradList);
      loss = value.dataSync()[0]!;
      value.dispose();
      gradNorm = globalNorm(gradList);
      if (!Number.isFinite(loss)) diverged = `loss is ${loss}`;
      else if (!Number.isFinite(gradNorm)) diverged = 'the gradient is not finite';
      // Metrics of step k describe θ_k: read them before the update.
      metrics = this.metrics.atStep(k, {
        loss,
        gradNorm,
        lr,
        indices: diverged ? null : (picked?.indices ?? null),
      });
      if (!diverged) {
        this.spec.optimizer.step({
          params: this.params,
          grads: gradList,
          lr,
          hvp: modelHvp(this.spec.model, this.params, batch),
          // Closed-form float64 derivatives, unless noise was added to the gradient.
          ...(this.spec.model.exactDerivatives && !this.gradNoise
            ? { exact: () => this.spec.model.exactDerivatives!(this.params) }
            : {}),
        });
      }
    } finally {
      tf.dispose(gradList);
      if (batch) tf.dispose([batch.x, batch.y]);
    }
    metrics.push(...this.metrics.stepTime(k, this.spec.now() - t0));
    events.push({
      type: 'step',
      run: this.id,
      step: k,
      epoch,
      loss: finiteOrNull(loss),
      lr,
      gradNorm: finiteOrNull(gradNorm),
      ...(traced ? { params: traced } : {}),
      time: t0 - this.startTime!,
    });
    events.push(...metrics);
    this.lastLoss = finiteOrNull(loss);
    if (diverged) {
      events.push(this.finish('diverged', `diverged at step ${k}: ${diverged}`));
      return events;
    }
    this.stepIndex = k + 1;
    // Validation every `evalEvery` epochs (at an epoch's end), and after the last update.
    const evalEvery = this.spec.settings.evalEvery;
    const epochDue = picked?.epochEnded === true && evalEvery > 0 && (epoch + 1) % evalEvery === 0;
    if (this.val && (epochDue || this.stepIndex === this.totalSteps)) {
      events.push(...this.metrics.evaluate(this.val, this.stepIndex, epoch));
    }
    this.advanceSchedule(picked ? picked.epochEnded : true, events);
    if (this.stepIndex >= this.totalSteps) events.push(this.finish('completed'));
    return events;
  }

  /** Ends the run (stop, or after its last step); disposes tensors. Idempotent. */
  finish(status: RunStatus, reason?: string): DoneEvent {
    if (this.disposed) {
      return {
        type: 'done',
        run: this.id,
        status,
        steps: this.stepIndex,
        finalLoss: this.lastLoss,
        ...(reason ? { reason } : {}),
      };
    }
    const finalLoss = status === 'completed' ? this.fullLoss() : this.lastLoss;
    if (status === 'completed' && finalLoss === null) {
      // The last update itself blew up: no later step was left to notice it.
      return this.finish(
        'diverged',
        `diverged at step ${this.stepIndex}: the final loss is not finite`,
      );
    }
    const event: DoneEvent = {
      type: 'done',
      run: this.id,
      status,
      steps: this.stepIndex,
      finalLoss,
      ...(reason ? { reason } : {}),
      ...(this.spec.traceParams && this.spec.model.size <= MAX_TRACED_PARAMS
        ? { params: Array.from(flattenValues(this.params), finiteOrNull) }
        : {}),
    };
    this.status = status;
    return event;
  }

  /**
   * A live parameter change, applied before the next update. Throws, changing nothing, when
   * the value is refused or the param needs a restart; otherwise returns the change's event
   * and an `undo` (a controller applying one edit to several runs rolls back on a refusal).
   */
  setParam(
    node: string,
    name: string,
    value: number | boolean | number[] | string,
  ): { event: ParamEvent; undo: () => void } {
    const restore = {
      schedule: this.schedule,
      scheduleParams: this.scheduleParams,
      baseLr: this.baseLr,
    };
    const restoreSchedule = () => {
      this.schedule = restore.schedule;
      this.scheduleParams = restore.scheduleParams;
      this.baseLr = restore.baseLr;
    };
    let undo: () => void;
    if (node === this.spec.optimizerNode) {
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new Error(`${node}.${name}: expected a number or boolean`);
      }
      const optimizer = this.spec.optimizer;
      const previous = optimizer.getHyper(name);
      optimizer.setHyper(name, value); // throws before anything changes
      undo = () => {
        optimizer.setHyper(name, previous);
        restoreSchedule();
      };
      // A schedule scales the optimizer's lr (torch's base_lr): an lr edit rescales it.
      if (name === 'lr' && this.schedule && typeof value === 'number') {
        try {
          this.setScheduleParams(this.scheduleParams, value);
        } catch (error) {
          undo();
          throw error;
        }
      }
    } else if (node === this.spec.scheduleNode) {
      if (name === 'interval') {
        throw new Error(
          `${node}.interval cannot change while running; restart the run to apply it`,
        );
      }
      const merged = { ...this.scheduleParams, [name]: value };
      this.setScheduleParams(merged, this.baseLr); // throws before anything changes
      this.scheduleParams = merged;
      undo = restoreSchedule;
    } else if (
      node === this.id &&
      name === 'batchSize' &&
      typeof value === 'number' &&
      this.cursor
    ) {
      const previous = { size: this.cursor.batchSize, total: this.totalSteps };
      this.setBatchSize(value);
      undo = () => {
        this.cursor!.setBatchSize(previous.size);
        this.totalSteps = previous.total;
      };
    } else {
      throw new Error(`${node}.${name} cannot change while running; restart the run to apply it`);
    }
    return {
      event: { type: 'param', run: this.id, node, name, value, step: this.stepIndex },
      undo,
    };
  }

  /** A new batch size from the next batch on; the run still ends after its epochs. */
  private setBatchSize(size: number): void {
    const cursor = this.cursor!;
    const n = this.spec.dataset!.train.n;
    cursor.setBatchSize(size);
    const { epoch, offset } = cursor.position();
    const b = cursor.batchSize;
    const left =
      Math.ceil((n - offset) / b) +
      Math.max(0, this.spec.settings.epochs - epoch - 1) * Math.ceil(n / b);
    const { maxSteps } = this.spec.settings;
    this.totalSteps = Math.min(this.stepIndex + left, maxSteps ?? Number.POSITIVE_INFINITY);
  }

  /** Replaces the schedule with one built from new params / base lr, at the same progress. */
  private setScheduleParams(params: Record<string, unknown>, baseLr: number): void {
    if (!this.spec.rebuildSchedule) throw new Error(`${this.id}: this run has no schedule`);
    const next = this.spec.rebuildSchedule(params, baseLr);
    for (let i = 0; i < this.intervalsAdvanced; i++) {
      if (next.type === 'schedule.plateau') break; // plateau state depends on history: restart it
      next.advance();
    }
    this.schedule = next;
    this.baseLr = baseLr;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.status === 'running') this.status = 'stopped';
    tf.dispose(this.params);
    this.metrics.dispose();
    if (this.train) tf.dispose([this.train.x, this.train.y]);
    if (this.val) tf.dispose([this.val.x, this.val.y]);
    this.spec.optimizer.dispose();
  }

  private gather(indices: Int32Array): Batch {
    return tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      return {
        x: tf.gather(this.train!.x, idx) as tf.Tensor2D,
        y: tf.gather(this.train!.y, idx) as tf.Tensor1D,
      };
    });
  }

  private advanceSchedule(epochEnded: boolean, stepEvents: readonly RunEvent[]): void {
    const schedule = this.schedule;
    if (!schedule) return;
    if (schedule.interval === 'epoch' && !epochEnded) return;
    if (schedule.type === 'schedule.plateau') {
      const metric = this.plateauMetric(stepEvents);
      if (metric === undefined || !Number.isFinite(metric)) return; // nothing measured yet
      schedule.advance(metric);
    } else {
      // OneCycle refuses to step past its total: hold its last value instead.
      try {
        schedule.advance();
      } catch {
        return;
      }
    }
    this.intervalsAdvanced += 1;
  }

  /**
   * The value ReduceLROnPlateau watches: the wired metric's newest value (measured in this
   * very step when it was), else, with no metric wired, the training loss.
   */
  private plateauMetric(stepEvents: readonly RunEvent[]): number | undefined {
    const node = this.spec.feedbackNode;
    if (!node) return this.lastLoss ?? undefined;
    for (let i = stepEvents.length - 1; i >= 0; i--) {
      const e = stepEvents[i]!;
      if (e.type === 'metric' && e.node === node) return e.value ?? undefined;
    }
    return this.spec.feedback?.();
  }

  /** Loss of the final parameters on the whole training set (exact for surfaces). */
  private fullLoss(): number | null {
    const loss = tf.tidy(() => this.spec.model.loss(this.params, this.train));
    const value = loss.dataSync()[0]!;
    loss.dispose();
    return finiteOrNull(value);
  }
}
