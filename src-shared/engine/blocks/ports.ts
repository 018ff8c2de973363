/**
 * What flows along each port type at run time (graph/ports.ts names the types). Every port
 * carries an Observable. Dataset and model values are built once and shared by every run (an
 * optimizer race starts from one θ₀); `lr` and `optimizer` carry sources that each train block
 * instantiates against its own clock, because a schedule's and an optimizer's state are per run.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Observable } from 'rxjs';
import type { Reads } from '../readback';
import type { Dataset, Model, Optimizer } from '../types';

/** `dataset` ports: the data, read on first use (a CSV is read once, even for a race). */
export interface DatasetSource {
  readonly node: string;
  readonly type: string;
  get(): Dataset;
  /** A run reads the data: the block's params are fixed while it runs. */
  attach(clock: RunClock): void;
}

/** `model` ports: the model and θ₀, built once with the first data it meets. */
export interface ModelSource {
  readonly node: string;
  readonly type: string;
  /** The dataset wired to the model block itself, if any (else the train block's). */
  readonly dataset: DatasetSource | null;
  /** Whether the model reads data (its catalog entry has a dataset input). */
  readonly needsData: boolean;
  resolve(dataset: Dataset | null): { readonly model: Model; readonly initial: Float32Array[] };
  /** A run trains the model: the block's params are fixed while it runs. */
  attach(clock: RunClock): void;
}

/** After an update that did not diverge: what a schedule advances on. */
export interface Interval {
  readonly epochEnded: boolean;
  /** The update's loss (plateau watches it when no metric is wired). */
  readonly loss: number | null;
}

/** A run's clock as the blocks upstream of its train block see it. */
export interface RunClock {
  readonly run: string;
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  /** Tick k: update k is about to be computed. */
  readonly ticks$: Observable<number>;
  /** Update k is done (after its metrics and validation). */
  readonly updated$: Observable<Interval>;
  /** Whether the run still takes updates (a live edit passes ended runs by). */
  active(): boolean;
  /** The next update's index (live edits say when they apply). */
  step(): number;
}

export interface Scheduled {
  readonly lr: number;
  /** OneCycle cycles the optimizer's momentum (or β₁) too. */
  readonly momentum?: number;
}

/** One run's schedule: lr$ holds the lr of the coming update. */
export interface ScheduleRun {
  readonly lr$: Observable<Scheduled>;
  /** The optimizer's lr changed (torch's base_lr): rebuild at the same progress; returns undo. */
  rebase(lr: number): () => void;
}

/** `lr` ports: a schedule, instantiated per run against its clock and optimizer. */
export type LrSource = (
  clock: RunClock,
  base: { readonly lr: number; readonly momentum: number | undefined },
) => ScheduleRun;

/** One run's optimizer, combining its hyper-parameters with the scheduled lr. */
export interface OptimizerRun {
  readonly node: string;
  readonly type: string;
  readonly optimizer: Optimizer;
  /** The lr for the coming update (sets a cycled momentum on the optimizer first). */
  lr(): number;
  dispose(): void;
}

/** `optimizer` ports: an optimizer, instantiated per run. */
export type OptimizerSource = {
  readonly node: string;
  readonly type: string;
  /** The most parameters it can train, and why (Newton's full Hessian). */
  readonly limit?: { readonly maxParams: number; readonly why: string };
  start(clock: RunClock): OptimizerRun;
};

/** What metric blocks read of a run. The tensors are live: read them only inside a signal. */
export interface RunView {
  readonly id: string;
  readonly model: Model;
  readonly dataset: Dataset | null;
  readonly params: readonly tf.Variable[];
  readonly train: { readonly x: tf.Tensor2D; readonly y: tf.Tensor1D } | null;
  readonly seed: number;
  /** Keep θ snapshots for the landscape's paths (a view.landscape consuming the run asks). */
  keepTrajectory(): void;
  /**
   * Reads values for a subscriber of a signal: the run completes the reads (its way:
   * synchronously or awaiting them) and hands over the value before it moves on, so θ_k is
   * still live. A read that fails fails the update.
   */
  readBack<T>(reads: Reads<T>, then: (value: T) => void): void;
}

/** `run` ports: what a train block emits, in order, for each update. */
export type RunSignal =
  /** On subscribing: the run itself. */
  | { readonly kind: 'ready'; readonly run: RunView }
  /** At θ_k, before update k (indices null on a surface or when the step diverged). */
  | {
      readonly kind: 'step';
      readonly run: RunView;
      readonly k: number;
      readonly loss: number;
      readonly gradNorm: number;
      readonly lr: number;
      readonly indices: Int32Array | null;
    }
  /** Update k has been timed. */
  | { readonly kind: 'timed'; readonly k: number; readonly ms: number }
  /** Validation after `step` updates. */
  | {
      readonly kind: 'eval';
      readonly step: number;
      readonly valLoss: number;
      readonly valAccuracy: number | undefined;
    };
