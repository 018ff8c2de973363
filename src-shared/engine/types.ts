/**
 * Contracts between the engine's parts: datasets, models, optimizers, schedules and the
 * trainer that joins them. Each block module implements one of these; compileGraph wires them.
 */

import type * as tf from '@tensorflow/tfjs';
import type { SequentialSpec } from './models/io/sequential-spec';
import type { Reads } from './readback';

export type Task = 'classification' | 'regression';

/** One split of a dataset, row-major, plain arrays so it can cross threads and be seeded. */
export interface DataSplit {
  /** n × numFeatures features. */
  readonly x: Float32Array;
  /** n targets: class index (classification) or value (regression). */
  readonly y: Float32Array;
  readonly n: number;
}

export interface Dataset {
  readonly type: string;
  readonly task: Task;
  readonly numFeatures: number;
  /** Classes for classification; 1 for regression. */
  readonly numClasses: number;
  /** Image shape for image data ([h, w, c]); absent for tabular data. */
  readonly imageShape?: readonly [number, number, number];
  readonly train: DataSplit;
  readonly val: DataSplit;
  /** Feature names (CSV columns) where known. */
  readonly featureNames?: readonly string[];
}

/** A minibatch as tensors; y is int32 class indices or float32 values of shape [n]. */
export interface Batch {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor1D;
}

export type ParamRole = 'weight' | 'bias' | 'norm';

/** One named parameter tensor of a model (the landscape needs names, roles and filters). */
export interface ParamInfo {
  /** e.g. `dense1/kernel`. */
  readonly name: string;
  readonly layer: string;
  readonly role: ParamRole;
  readonly shape: readonly number[];
  /** Axis that indexes filters (output units / channels) for filter normalization; -1 if none. */
  readonly filterAxis: number;
}

export interface Model {
  readonly type: string;
  /** 'surface' models have no data: their parameters are the point (x, y). */
  readonly task: Task | 'surface';
  readonly paramInfo: readonly ParamInfo[];
  /** Total number of scalar parameters. */
  readonly size: number;
  /** Deterministic initial values (by the block's seed), one array per paramInfo entry. */
  initialValues(): Float32Array[];
  /**
   * Mean loss at `params` on `batch` (null for surface models). Pure function of its
   * inputs so that tf.grads, Hessian-vector products and the landscape can call it.
   */
  loss(params: readonly tf.Tensor[], batch: Batch | null): tf.Scalar;
  /** Outputs (logits or values) for x: [n, numClasses]; surface models throw. */
  forward(params: readonly tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D;
  /**
   * The same forward pass for G parameter points at once: every param has a leading
   * dimension G; returns [G, n, out]. Used by the landscape's batched grid.
   */
  forwardBatched?(params: readonly tf.Tensor[], x: tf.Tensor2D): tf.Tensor3D;
  /**
   * The architecture as a tfjs Layers Sequential stack, with the output activation a
   * predicting user expects (softmax, sigmoid or linear), when it has one: what export writes.
   */
  readonly sequential?: SequentialSpec;
  /**
   * The forward pass split after the first layer's linear map, which is linear in one kernel
   * W: forward(θ, x) = rest(θ, linear(x, W)). Along a plane W = W₀ + αD + βE, so the
   * landscape computes linear(x, ·) of W₀, D and E once and each point costs an axpy.
   */
  readonly firstLayer?: FirstLayerSplit;
  /** Loss of G points at once for surface models: params [G, ...shape]; returns [G]. */
  lossBatched?(params: readonly tf.Tensor[], batch: Batch | null): tf.Tensor1D;
  /**
   * Curvature, most exact first (curvature/model-hvp.ts picks): `hvp` is H·v in closed form
   * (surfaces, float64); `directionalLoss` is ∇L(θ)·v written with first-order ops only (a
   * forward-mode R pass), so tf.grads of it is H·v exactly — nested tf.grad is wrong in tfjs.
   */
  hvp?(params: readonly tf.Tensor[], batch: Batch | null, v: readonly tf.Tensor[]): tf.Tensor[];
  /**
   * Its loss reads the parameters' values on the host (a surface's float64 formula): a run
   * that reads asynchronously fetches them first.
   */
  readonly lossReadsParams?: boolean;
  /** Float64 gradient and dense row-major Hessian over the flattened params (surfaces). */
  exactDerivatives?(params: readonly tf.Tensor[]): ExactDerivatives;
  directionalLoss?(
    params: readonly tf.Tensor[],
    batch: Batch | null,
    v: readonly tf.Tensor[],
  ): tf.Scalar;
}

export interface ExactDerivatives {
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
}

export interface FirstLayerSplit {
  /** Indices (in paramInfo) of the first layer's kernel and bias: its map is affine in them. */
  readonly kernel: number;
  readonly bias: number;
  /** x ↦ the first layer's pre-activation: x·W + b, or the convolution plus its bias. */
  affine(x: tf.Tensor2D, kernel: tf.Tensor, bias: tf.Tensor): tf.Tensor;
  /** The rest of the forward pass from `affine`'s output (activation onwards): [n, out]. */
  rest(params: readonly tf.Tensor[], first: tf.Tensor): tf.Tensor2D;
  /** The same for G points: params and `first` with a leading G → [G, n, out]. */
  restBatched?(params: readonly tf.Tensor[], first: tf.Tensor): tf.Tensor3D;
}

/** Everything an optimizer may need for one update. */
export interface StepContext {
  readonly params: readonly tf.Variable[];
  readonly grads: readonly tf.Tensor[];
  /** Learning rate for this update (from the schedule, or the optimizer's own lr). */
  readonly lr: number;
  /** Hessian-vector product at the current params (curvature/model-hvp.ts: exact where it can be). */
  readonly hvp?: (v: readonly tf.Tensor[]) => tf.Tensor[];
  /** ∇L and H in float64 at the current params, where the model has them in closed form. */
  readonly exact?: () => ExactDerivatives;
}

export interface Optimizer {
  readonly type: string;
  /** Applies one update in place (params are assigned). Disposes its temporaries. */
  step(ctx: StepContext): void;
  /** step, reading values back where the caller reads (readback.ts; Newton's Hessian). */
  stepOf(ctx: StepContext): Reads<void>;
  /** Live change of a hyper-parameter (lr, momentum, beta1, …); throws on an unknown name. */
  setHyper(name: string, value: number | boolean): void;
  getHyper(name: string): number | boolean;
  /** Named state tensors (velocity, moment estimates) for views; owned by the optimizer. */
  state(): Record<string, readonly tf.Tensor[]>;
  dispose(): void;
}

/** Learning-rate schedule: stateful like torch.optim.lr_scheduler, advanced once per interval. */
export interface Schedule {
  readonly type: string;
  readonly interval: 'step' | 'epoch';
  /** lr (and momentum for OneCycle's cycling) for the current interval. */
  current(): { lr: number; momentum?: number };
  /** Move to the next interval; `metric` is the feedback value (plateau), if any. */
  advance(metric?: number): void;
}

export interface ScheduleContext {
  /** The optimizer's own lr: torch's base_lr / initial_lr. */
  readonly baseLr: number;
  /** Base momentum (or beta1) of the optimizer, if it has one (OneCycle cycles it). */
  readonly baseMomentum?: number;
  /** Total number of intervals of the run (OneCycle's total_steps, defaults). */
  readonly totalIntervals: number;
}
