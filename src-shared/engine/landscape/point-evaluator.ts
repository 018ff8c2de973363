/**
 * Loss (and accuracy) of many parameter points on the fixed evaluation batch. Batched: the
 * points of a chunk are stacked on a leading G dimension and go through
 * Model.forwardBatched (or lossBatched for surfaces) at once. Per point: one forward pass
 * per point, still one read-back per chunk. `auto` times both on real chunks and keeps the
 * faster (on wasm, tfjs's batched matmul is slow; on WebGL, per-op overhead dominates).
 * Each evaluation is a Reads computation (readback.ts): `evaluate` reads synchronously,
 * `metricsOf` lets the caller await the reads (the landscape job does, for WebGPU).
 */
import * as tf from '@tensorflow/tfjs';
import { planePoint } from '../linalg/vector-math';
import { type Reads, readNow, scalarOf, valuesOf } from '../readback';
import type { Batch, Model, Task } from '../types';
import { chooseChunkSize } from './chunk-size';
import { paramSize } from './flat-params';
import { metricsFromOutputs } from './output-loss';
import { createPlaneShortcut, type Plane, shortcutPays } from './plane-shortcut';

export type EvalMode = 'auto' | 'batched' | 'perPoint';

export interface PointMetrics {
  readonly loss: Float32Array;
  /** Null for regression and surface models. */
  readonly accuracy: Float32Array | null;
}

export interface PointEvaluatorOptions {
  readonly mode?: EvalMode;
  readonly memoryBudgetBytes?: number;
}

export interface PointEvaluator {
  /** Points per chunk that callers should pass to `evaluate` (from the memory budget). */
  readonly chunkSize: number;
  readonly hasAccuracy: boolean;
  /** The strategy in use now ('auto' until it has decided). */
  mode(): EvalMode;
  /** Warnings worth reporting (e.g. falling back to Model.loss). */
  notes(): readonly string[];
  /** Metrics of each point; `points` are flat parameter vectors. */
  metricsOf(points: readonly Float32Array[]): Reads<PointMetrics>;
  /** metricsOf, read synchronously. */
  evaluate(points: readonly Float32Array[]): PointMetrics;
  /**
   * Evaluation of points of one plane by their coordinates: the exact first-layer shortcut
   * where the model allows it and it pays, else `evaluate` of the points. Dispose it after.
   */
  planeOf(plane: Plane): Reads<PlaneEvaluation>;
  /** planeOf, read synchronously. */
  onPlane(plane: Plane): PlaneEvaluation;
}

export interface PlaneEvaluation {
  /** Whether the first-layer shortcut is in use. */
  readonly shortcut: boolean;
  /** Metrics of the points (α_g, β_g). */
  metricsOf(alphas: readonly number[], betas: readonly number[]): Reads<PointMetrics>;
  /** metricsOf, read synchronously. */
  evaluate(alphas: readonly number[], betas: readonly number[]): PointMetrics;
  dispose(): void;
}

type Strategy = (points: readonly Float32Array[]) => Reads<PointMetrics>;

export function createPointEvaluator(
  model: Model,
  batch: Batch | null,
  options: PointEvaluatorOptions = {},
): PointEvaluator {
  const isSurface = model.task === 'surface';
  const dataTask: Task = model.task === 'surface' ? 'regression' : model.task;
  if (!isSurface && !batch) throw new Error(`model ${model.type} needs evaluation data`);
  const info = model.paramInfo;
  const sizes = info.map((p) => paramSize(p.shape));
  const hasAccuracy = model.task === 'classification';
  const samples = batch ? batch.x.shape[0] : 0;
  const chunkSize = chooseChunkSize(model, samples, options.memoryBudgetBytes);
  const canBatch = isSurface ? !!model.lossBatched : !!model.forwardBatched;
  const requested = options.mode ?? 'auto';
  if (requested === 'batched' && !canBatch) {
    throw new Error(`model ${model.type} has no batched evaluation; use mode 'perPoint' or 'auto'`);
  }
  let mode: EvalMode = canBatch ? requested : 'perPoint';
  const notes: string[] = [];
  let useModelLoss = false;
  let checked = false;

  const tensorsOf = (point: Float32Array): tf.Tensor[] => {
    let offset = 0;
    return info.map((p, k) => {
      const t = tf.tensor(point.subarray(offset, offset + sizes[k]!), p.shape as number[]);
      offset += sizes[k]!;
      return t;
    });
  };

  const stackedTensors = (points: readonly Float32Array[]): tf.Tensor[] => {
    let offset = 0;
    return info.map((p, k) => {
      const buf = new Float32Array(points.length * sizes[k]!);
      for (let g = 0; g < points.length; g++) {
        buf.set(points[g]!.subarray(offset, offset + sizes[k]!), g * sizes[k]!);
      }
      offset += sizes[k]!;
      return tf.tensor(buf, [points.length, ...p.shape]);
    });
  };

  function* read(loss: tf.Tensor, accuracy: tf.Tensor | null): Reads<PointMetrics> {
    try {
      const [l, a] = yield* valuesOf(...(accuracy ? [loss, accuracy] : [loss]));
      return { loss: l as Float32Array, accuracy: a ? (a as Float32Array) : null };
    } finally {
      loss.dispose();
      accuracy?.dispose();
    }
  }

  const batched: Strategy = function* (points) {
    const out = tf.tidy((): tf.Tensor[] => {
      const params = stackedTensors(points);
      if (isSurface) return [model.lossBatched!(params, null)];
      const m = metricsFromOutputs(model.forwardBatched!(params, batch!.x), batch!.y, dataTask);
      return m.accuracy ? [m.loss, m.accuracy] : [m.loss];
    });
    return yield* read(out[0]!, out[1] ?? null);
  };

  // One forward pass per point, but the loss and accuracy ops run once on the stacked outputs.
  const perPoint: Strategy = function* (points) {
    const out = tf.tidy((): tf.Tensor[] => {
      const params = points.map(tensorsOf);
      if (isSurface) return [tf.stack(params.map((p) => model.loss(p, null)))];
      const outputs = tf.stack(params.map((p) => model.forward(p, batch!.x))) as tf.Tensor3D;
      const m = metricsFromOutputs(outputs, batch!.y, dataTask);
      const loss = useModelLoss ? tf.stack(params.map((p) => model.loss(p, batch))) : m.loss;
      return m.accuracy ? [loss, m.accuracy] : [loss];
    });
    return yield* read(out[0]!, out[1] ?? null);
  };

  /** Once: the batched formula must agree with Model.loss, else Model.loss is used. */
  function* checkAgainstModelLoss(point: Float32Array): Reads<void> {
    checked = true;
    const referenceLoss = tf.tidy(() => model.loss(tensorsOf(point), batch));
    let reference: number;
    try {
      reference = yield* scalarOf(referenceLoss);
    } finally {
      referenceLoss.dispose();
    }
    const strategy = canBatch && mode !== 'perPoint' ? batched : perPoint;
    const formula = (yield* strategy([point])).loss[0]!;
    const tolerance = 1e-3 * Math.max(1, Math.abs(reference));
    if (Number.isFinite(reference) && !(Math.abs(formula - reference) <= tolerance)) {
      useModelLoss = true;
      mode = 'perPoint';
      notes.push(
        `batched loss (${formula}) differs from ${model.type}'s loss (${reference}); ` +
          'evaluating point by point with the model’s own loss',
      );
    }
  }

  /**
   * `auto`: calls 1 and 2 warm each strategy up, calls 3 and 4 are timed, then `decide`
   * gets the faster one.
   */
  const autoOf = <A extends unknown[]>(
    first: (...args: A) => Reads<PointMetrics>,
    second: (...args: A) => Reads<PointMetrics>,
    decide: (firstIsFaster: boolean) => void,
  ) => {
    const rates: number[] = [];
    let calls = 0;
    return function* (...args: A): Reads<PointMetrics> {
      const start = performance.now();
      const result = yield* (calls % 2 === 0 ? first : second)(...args);
      const rate = result.loss.length / Math.max(performance.now() - start, 1e-3);
      calls += 1;
      if (calls > 2) rates.push(rate);
      if (rates.length === 2) decide(rates[0]! >= rates[1]!);
      return result;
    };
  };
  const auto: Strategy = autoOf(batched, perPoint, (b) => {
    mode = b ? 'batched' : 'perPoint';
  });

  const empty = (): PointMetrics => ({
    loss: new Float32Array(0),
    accuracy: hasAccuracy ? new Float32Array(0) : null,
  });

  function* metricsOf(points: readonly Float32Array[]): Reads<PointMetrics> {
    if (points.length === 0) return empty();
    if (!checked) yield* checkAgainstModelLoss(points[0]!);
    const strategy = mode === 'batched' ? batched : mode === 'perPoint' ? perPoint : auto;
    const parts: PointMetrics[] = [];
    for (let i = 0; i < points.length; i += chunkSize)
      parts.push(yield* strategy(points.slice(i, i + chunkSize)));
    return concatMetrics(parts, points.length);
  }

  function* planeOf(plane: Plane): Reads<PlaneEvaluation> {
    const at = (alphas: readonly number[], betas: readonly number[]) =>
      alphas.map((a, g) => planePoint(plane.center, plane.delta, plane.eta, a, betas[g]!));
    if (!checked) yield* checkAgainstModelLoss(plane.center);
    const split = model.firstLayer;
    if (!split || !batch || useModelLoss || !shortcutPays(model)) {
      return withSyncEvaluate({
        shortcut: false,
        metricsOf: (alphas, betas) => metricsOf(at(alphas, betas)),
        dispose: () => {},
      });
    }
    const shortcut = createPlaneShortcut(model, split, batch, plane, read);
    const { perPoint: one, batched: many } = shortcut;
    let planeMode: EvalMode = many ? mode : 'perPoint';
    const planeAuto = many
      ? autoOf(many, one, (b) => {
          planeMode = b ? 'batched' : 'perPoint';
        })
      : one;
    return withSyncEvaluate({
      shortcut: true,
      *metricsOf(alphas, betas) {
        const strategy =
          planeMode === 'batched' && many ? many : planeMode === 'perPoint' ? one : planeAuto;
        const parts: PointMetrics[] = [];
        for (let i = 0; i < alphas.length; i += chunkSize) {
          parts.push(
            yield* strategy(alphas.slice(i, i + chunkSize), betas.slice(i, i + chunkSize)),
          );
        }
        if (parts.length === 0) return empty();
        return concatMetrics(parts, alphas.length);
      },
      dispose: () => shortcut.dispose(),
    });
  }

  return {
    chunkSize,
    hasAccuracy,
    mode: () => mode,
    notes: () => notes,
    metricsOf,
    evaluate: (points) => readNow(metricsOf(points)),
    planeOf,
    onPlane: (plane) => readNow(planeOf(plane)),
  };
}

function withSyncEvaluate(plane: Omit<PlaneEvaluation, 'evaluate'>): PlaneEvaluation {
  return { ...plane, evaluate: (alphas, betas) => readNow(plane.metricsOf(alphas, betas)) };
}

function concatMetrics(parts: readonly PointMetrics[], total: number): PointMetrics {
  if (parts.length === 1) return parts[0]!;
  const loss = new Float32Array(total);
  const accuracy = parts[0]!.accuracy ? new Float32Array(total) : null;
  let offset = 0;
  for (const p of parts) {
    loss.set(p.loss, offset);
    if (accuracy && p.accuracy) accuracy.set(p.accuracy, offset);
    offset += p.loss.length;
  }
  return { loss, accuracy };
}
