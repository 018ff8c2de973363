/**
 * One `train` block at run time: its parameters as tf.Variables, its optimizer (instantiated
 * against this run's clock), its minibatch cursor. A tick computes update k and emits, in
 * order: the step event; the `step` signal at θ_k (metric blocks read it); the update; the
 * `timed` signal; validation when due; `updated$` (schedules advance); done at the end.
 * θ_k is the point before update k: step event k carries the loss at θ_k on batch k and the lr
 * used for update k.
 * A tick is written once, as a computation that reads values back at its yields (readback.ts):
 * step() reads them synchronously, stepAsync() awaits them (WebGPU).
 */
import * as tf from '@tensorflow/tfjs';
import { BehaviorSubject, Subject } from 'rxjs';
import {
  type DoneEvent,
  finiteOrNull,
  type RunEvent,
  type RunStatus,
  type StartEvent,
} from '../../protocol/events';
import { EventBus } from '../blocks/event-bus';
import type { Applied, ParamValue } from '../blocks/live-params';
import type {
  Interval,
  OptimizerRun,
  OptimizerSource,
  RunClock,
  RunSignal,
  RunView,
} from '../blocks/ports';
import type { BackendInfo } from '../compile-options';
import { modelHvp } from '../curvature';
import { batchesPerEpoch } from '../datasets';
import type { Rng } from '../random';
import { prefetch, type Reads, readLater, readNow, scalarOf, valuesOf } from '../readback';
import type { Batch, DataSplit, Dataset, Model } from '../types';
import { type BatchCursor, createBatchCursor } from './batches';
import { GradientNoise } from './gradient-noise';
import { accuracyOf } from './metric-readers';
import { flattenValues, flatValuesOf, sumOfSquares } from './tensors';
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
  readonly model: Model;
  readonly initial: readonly Float32Array[];
  readonly optimizer: OptimizerSource;
  readonly settings: TrainSettings;
  readonly traceParams: boolean;
  /** Keep snapshots of θ for the landscape's paths (a view.landscape asks for it too). */
  readonly recordTrajectory?: boolean;
  readonly rng: Rng;
  readonly now: () => number;
  /** Collects the events of each update (its own and its metric blocks'). */
  readonly bus?: EventBus;
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
  /** The `run` port: what metric blocks and views read. */
  readonly signals$: BehaviorSubject<RunSignal>;
  /** This run's own events (step, eval, done). */
  readonly events$ = new Subject<RunEvent>();
  readonly clock: RunClock;
  readonly view: RunView;
  private readonly ticks = new Subject<number>();
  private readonly updated = new Subject<Interval>();
  private readonly bus: EventBus;
  private readonly optimizer: OptimizerRun;
  private readonly params: tf.Variable[];
  private readonly cursor: BatchCursor | null;
  private readonly train: { x: tf.Tensor2D; y: tf.Tensor1D } | null;
  private readonly val: { x: tf.Tensor2D; y: tf.Tensor1D } | null;
  private lastLoss: number | null = null;
  private startTime: number | null = null;
  private disposed = false;
  private recording: boolean;
  private readonly recorder = new TrajectoryRecorder();
  private readonly gradNoise: GradientNoise | null;
  /** Reads the signal subscribers asked for at the signal under way (RunView.readBack). */
  private readonly pendingReads: (() => Reads<void>)[] = [];

  constructor(private readonly spec: TrainRunSpec) {
    this.id = spec.id;
    this.bus = spec.bus ?? new EventBus();
    this.recording = spec.recordTrajectory ?? false;
    const { dataset, settings, model } = spec;
    const plan = planRun(dataset ? dataset.train.n : null, settings);
    this.totalSteps = plan.totalSteps;
    this.stepsPerEpoch = plan.stepsPerEpoch;
    this.clock = {
      run: spec.id,
      totalSteps: plan.totalSteps,
      stepsPerEpoch: plan.stepsPerEpoch,
      ticks$: this.ticks.asObservable(),
      updated$: this.updated.asObservable(),
      active: () => !this.done,
      step: () => this.stepIndex,
    };
    // First, so a refused optimizer or schedule leaves no tensors behind.
    this.optimizer = spec.optimizer.start(this.clock);
    this.params = tf.tidy(() =>
      spec.initial.map((values, i) =>
        tf.variable(tf.tensor(values, [...model.paramInfo[i]!.shape]), true),
      ),
    );
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
    this.view = {
      id: spec.id,
      model,
      dataset,
      params: this.params,
      train: this.train,
      seed: settings.seed,
      keepTrajectory: () => {
        this.recording = true;
      },
      readBack: (reads, then) => {
        this.pendingReads.push(function* () {
          then(yield* reads);
        });
      },
    };
    this.signals$ = new BehaviorSubject<RunSignal>({ kind: 'ready', run: this.view });
  }

  get done(): boolean {
    return this.status !== 'running';
  }

  get parameterCount(): number {
    return this.spec.model.size;
  }

  /** The run's start event, as the controller announces it. */
  startEvent(backend: BackendInfo): StartEvent {
    return {
      type: 'start',
      run: this.id,
      backend: backend.name,
      backendReason: backend.reason,
      optimizer: this.optimizer.type,
      model: this.spec.model.type,
      dataset: this.spec.dataset?.type ?? null,
      parameters: this.spec.model.size,
      totalSteps: this.totalSteps,
      stepsPerEpoch: this.stepsPerEpoch,
      seed: this.spec.settings.seed,
    };
  }

  /** The recorded path through parameter space, including the current point. */
  trajectory(): Trajectory {
    return this.recorder.trajectory(
      this.id,
      this.disposed ? undefined : { step: this.stepIndex, params: this.currentParams() },
    );
  }

  /** The current parameters, flattened (for traces, landscapes and final reports). */
  currentParams(): Float32Array {
    return flattenValues(this.params);
  }

  currentParamList(): Float32Array[] {
    return this.params.map((p) => p.dataSync() as Float32Array).map((a) => Float32Array.from(a));
  }

  /** One tick of this run's clock: update k = stepIndex; returns every event it produced. */
  step(): RunEvent[] {
    return this.bus.collect(() => readNow(this.tick()));
  }

  /** step(), awaiting each read back (WebGPU). */
  stepAsync(): Promise<RunEvent[]> {
    return this.bus.collectAsync(() => readLater(this.tick()));
  }

  /** Emits a signal, then completes the reads its subscribers asked for. */
  private *signal(signal: RunSignal): Reads<void> {
    this.signals$.next(signal);
    for (const read of this.pendingReads.splice(0)) {
      try {
        yield* read();
      } catch (error) {
        this.bus.fail(error);
      }
    }
  }

  private *tick(): Reads<void> {
    if (this.done) return;
    if (this.stepIndex >= this.totalSteps) {
      this.end(yield* this.finishing('completed'));
      return;
    }
    const k = this.stepIndex;
    const t0 = this.spec.now();
    this.startTime ??= t0; // wall time counts from the first update, not from compiling
    const picked = this.cursor?.next();
    const epoch = picked ? picked.epoch : k;
    const batch = picked ? this.gather(picked.indices) : null;
    const lr = this.optimizer.lr();
    const model = this.spec.model;
    const trace = this.spec.traceParams && model.size <= MAX_TRACED_PARAMS;
    const record = this.recording && this.recorder.due(k);

    let loss = Number.NaN;
    let diverged: string | null = null;
    let gradList: tf.Tensor[] = [];
    let held: tf.Tensor[] = []; // the loss and Σg² until they are read
    try {
      // θ_k on the host: for the trace, the path, and a loss computed on the host (a surface's
      // formula reads the point: once read here, its dataSync() is served from the host).
      const theta =
        trace || record || model.lossReadsParams ? yield* flatValuesOf(this.params) : null;
      if (record) this.recorder.record(k, theta!);
      this.ticks.next(k);
      const { value, grads } = tf.variableGrads(() => model.loss(this.params, batch), this.params);
      held = [value];
      gradList = this.params.map((p) => grads[p.name]!);
      if (this.gradNoise) gradList = this.gradNoise.perturb(gradList);
      const squares = sumOfSquares(gradList);
      held.push(squares);
      const [lossValues, squareValues] = yield* valuesOf(value, squares);
      tf.dispose(held.splice(0));
      loss = lossValues![0]!;
      const gradNorm = Math.sqrt(squareValues![0]!);
      if (!Number.isFinite(loss)) diverged = `loss is ${loss}`;
      else if (!Number.isFinite(gradNorm)) diverged = 'the gradient is not finite';
      this.events$.next({
        type: 'step',
        run: this.id,
        step: k,
        epoch,
        loss: finiteOrNull(loss),
        lr,
        gradNorm: finiteOrNull(gradNorm),
        ...(trace ? { params: Array.from(theta!, finiteOrNull) } : {}),
        time: t0 - this.startTime,
      });
      // Metric blocks read θ_k now, before the update.
      const indices = diverged ? null : (picked?.indices ?? null);
      yield* this.signal({ kind: 'step', run: this.view, k, loss, gradNorm, lr, indices });
      if (!diverged) {
        yield* this.optimizer.optimizer.stepOf({
          params: this.params,
          grads: gradList,
          lr,
          hvp: modelHvp(model, this.params, batch),
          // Closed-form float64 derivatives, unless noise was added to the gradient.
          ...(model.exactDerivatives && !this.gradNoise
            ? { exact: () => model.exactDerivatives!(this.params) }
            : {}),
        });
      }
    } finally {
      tf.dispose(gradList);
      tf.dispose(held);
      if (batch) tf.dispose([batch.x, batch.y]);
    }
    yield* this.signal({ kind: 'timed', k, ms: this.spec.now() - t0 });
    this.lastLoss = finiteOrNull(loss);
    if (diverged) {
      this.end(yield* this.finishing('diverged', `diverged at step ${k}: ${diverged}`));
      return;
    }
    this.stepIndex = k + 1;
    // Validation every `evalEvery` epochs (at an epoch's end), and after the last update.
    const evalEvery = this.spec.settings.evalEvery;
    const epochDue = picked?.epochEnded === true && evalEvery > 0 && (epoch + 1) % evalEvery === 0;
    if (this.val && (epochDue || this.stepIndex === this.totalSteps)) yield* this.evaluate(epoch);
    this.updated.next({ epochEnded: picked ? picked.epochEnded : true, loss: this.lastLoss });
    if (this.stepIndex >= this.totalSteps) this.end(yield* this.finishing('completed'));
  }

  /** Validation loss and accuracy after stepIndex updates: the eval event, then the signal. */
  private *evaluate(epoch: number): Reads<void> {
    const val = this.val!;
    const loss = this.spec.model.loss(this.params, val);
    let valLoss: number;
    try {
      valLoss = yield* scalarOf(loss);
    } finally {
      loss.dispose();
    }
    const valAccuracy = yield* accuracyOf(this.view, val, null);
    const step = this.stepIndex;
    this.events$.next({
      type: 'eval',
      run: this.id,
      step,
      epoch,
      valLoss: finiteOrNull(valLoss),
      ...(valAccuracy !== undefined ? { valAccuracy } : {}),
    });
    yield* this.signal({ kind: 'eval', step, valLoss, valAccuracy });
  }

  /** Emits the done event and closes the run's streams: its subscribers are torn down. */
  private end(done: DoneEvent): void {
    this.events$.next(done);
    this.closeStreams();
  }

  private closeStreams(): void {
    for (const subject of [this.signals$, this.ticks, this.updated, this.events$]) {
      subject.complete();
    }
  }

  /** Ends the run (stop, or after its last step); returns its done event. Idempotent. */
  finish(status: RunStatus, reason?: string): DoneEvent {
    return readNow(this.finishing(status, reason));
  }

  /** finish(), awaiting its reads (WebGPU). */
  finishAsync(status: RunStatus, reason?: string): Promise<DoneEvent> {
    return readLater(this.finishing(status, reason));
  }

  /**
   * Stops the run at once without reading anything back: for a host that unloads its graph
   * while a step awaits its reads. The done event has no final θ.
   */
  abandon(reason: string): DoneEvent {
    const event: DoneEvent = {
      type: 'done',
      run: this.id,
      status: 'stopped',
      steps: this.stepIndex,
      finalLoss: this.lastLoss,
      reason,
    };
    if (!this.disposed && this.status === 'running') {
      this.status = 'stopped';
      this.closeStreams();
    }
    return event;
  }

  /** Brings θ to the host: its dataSync() is then served from there until the next update. */
  async fetchParams(): Promise<void> {
    if (!this.disposed) await prefetch(this.params);
  }

  private *finishing(status: RunStatus, reason?: string): Reads<DoneEvent> {
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
    const finalLoss = status === 'completed' ? yield* this.fullLoss() : this.lastLoss;
    if (status === 'completed' && finalLoss === null) {
      // The last update itself blew up: no later step was left to notice it.
      return yield* this.finishing(
        'diverged',
        `diverged at step ${this.stepIndex}: the final loss is not finite`,
      );
    }
    const traced = this.spec.traceParams && this.spec.model.size <= MAX_TRACED_PARAMS;
    const event: DoneEvent = {
      type: 'done',
      run: this.id,
      status,
      steps: this.stepIndex,
      finalLoss,
      ...(reason ? { reason } : {}),
      ...(traced ? { params: Array.from(yield* flatValuesOf(this.params), finiteOrNull) } : {}),
    };
    this.status = status;
    if (status === 'stopped') this.closeStreams();
    return event;
  }

  /** A live batch-size change from the next batch on (the run's own block), or a refusal. */
  applyEdit(name: string, value: ParamValue): Applied | null {
    if (this.done) return null;
    if (name !== 'batchSize' || typeof value !== 'number' || !this.cursor) {
      throw new Error(
        `${this.id}.${name} cannot change while running; restart the run to apply it`,
      );
    }
    const cursor = this.cursor;
    const previous = { size: cursor.batchSize, total: this.totalSteps };
    this.setBatchSize(value);
    const undo = () => {
      cursor.setBatchSize(previous.size);
      this.totalSteps = previous.total;
    };
    return { run: this.id, step: this.stepIndex, undo };
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

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.status === 'running') this.status = 'stopped';
    this.closeStreams();
    tf.dispose(this.params);
    if (this.train) tf.dispose([this.train.x, this.train.y]);
    if (this.val) tf.dispose([this.val.x, this.val.y]);
    this.optimizer.dispose();
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

  /** Loss of the final parameters on the whole training set (exact for surfaces). */
  private *fullLoss(): Reads<number | null> {
    if (this.spec.model.lossReadsParams) yield* valuesOf(...this.params);
    const loss = tf.tidy(() => this.spec.model.loss(this.params, this.train));
    try {
      return finiteOrNull(yield* scalarOf(loss));
    } finally {
      loss.dispose();
    }
  }
}
