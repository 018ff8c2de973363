/**
 * How each metric reads a run: at θ_k before update k (`step`), once update k is timed
 * (`timed`), or at validation (`eval`). One reader per metric block; the metric block turns
 * its readings into events.
 */
import * as tf from '@tensorflow/tfjs';
import { finiteOrNull, type MetricEvent, type MetricName } from '../../protocol/events';
import type { RunSignal, RunView } from '../blocks/ports';
import { modelHvp, topEigenvalueOf } from '../curvature';
import {
  CurvatureProbe,
  type CurvatureReading,
  isCurvatureMetric,
} from '../curvature/curvature-metrics';
import { predictedClasses } from '../models/layers';
import { type Reads, readsNothing, scalarOf } from '../readback';
import { globalNormOf } from './tensors';

type Reading = number | CurvatureReading | undefined;

export interface MetricReader {
  /** The reading a signal gives (undefined: none at this signal), read where the run reads. */
  read(signal: RunSignal): Reads<Reading>;
  dispose(): void;
}

interface SplitTensors {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor1D;
}

/** Accuracy on a split (a batch's rows of it when given); undefined unless classifying. */
export function* accuracyOf(
  run: RunView,
  split: SplitTensors,
  indices: Int32Array | null,
): Reads<number | undefined> {
  if (run.dataset?.task !== 'classification') return undefined;
  const accuracy = tf.tidy(() => {
    const idx = indices ? tf.tensor1d(indices, 'int32') : null;
    const x = (idx ? tf.gather(split.x, idx) : split.x) as tf.Tensor2D;
    const y = idx ? tf.gather(split.y, idx) : split.y;
    const predicted = predictedClasses(run.model.forward(run.params, x));
    return tf.mean(tf.cast(tf.equal(predicted, tf.cast(y, 'int32')), 'float32'));
  });
  try {
    return yield* scalarOf(accuracy);
  } finally {
    accuracy.dispose();
  }
}

/** Largest-magnitude Hessian eigenvalue on the training set, by power iteration. */
function* hessianTop(run: RunView): Reads<number> {
  const result = yield* topEigenvalueOf(
    modelHvp(run.model, run.params, run.train),
    run.params.map((p) => p.shape),
    { iters: 20, tol: 1e-4, seed: run.seed },
  );
  tf.dispose(result.vector);
  return result.value;
}

type Signal<K extends RunSignal['kind']> = Extract<RunSignal, { kind: K }>;
type Read = (signal: RunSignal) => Reads<Reading>;

/** A reading taken at one kind of signal only. */
const at =
  <K extends RunSignal['kind']>(kind: K, read: (s: Signal<K>) => Reads<Reading>): Read =>
  (s) =>
    s.kind === kind ? read(s as Signal<K>) : readsNothing(undefined);

/** A reading the signal carries: nothing to read back. */
const carried =
  <K extends RunSignal['kind']>(kind: K, value: (s: Signal<K>) => Reading): Read =>
  (s) =>
    readsNothing(s.kind === kind ? value(s as Signal<K>) : undefined);

const finiteStep = (s: Signal<'step'>) => Number.isFinite(s.loss) && Number.isFinite(s.gradNorm);

/** Each scalar metric: when it is known and how it is read (θ_k is live at `step`). */
const READERS: Partial<Record<MetricName, Read>> = {
  loss: carried('step', (s) => s.loss),
  gradNorm: carried('step', (s) => s.gradNorm),
  lr: carried('step', (s) => s.lr),
  paramNorm: at('step', (s) =>
    finiteStep(s) ? globalNormOf(s.run.params) : readsNothing(undefined),
  ),
  accuracy: at('step', (s) =>
    s.indices && s.run.train ? accuracyOf(s.run, s.run.train, s.indices) : readsNothing(undefined),
  ),
  hessianTop: at('step', (s) => (finiteStep(s) ? hessianTop(s.run) : readsNothing(undefined))),
  stepTime: carried('timed', (s) => s.ms),
  valLoss: carried('eval', (s) => s.valLoss),
  valAccuracy: carried('eval', (s) => s.valAccuracy),
};

export function createMetricReader(
  metric: MetricName,
  params: Readonly<Record<string, unknown>>,
  run: RunView,
): MetricReader {
  if (isCurvatureMetric(metric)) {
    // A probe per block: its random vectors and layer choice are fixed when it is built.
    const probe = new CurvatureProbe(metric, params, run.model, run.train);
    return {
      read: at('step', (s) =>
        finiteStep(s) ? probe.measureOf(run.params, run.seed + s.k) : readsNothing(undefined),
      ),
      dispose: () => probe.dispose(),
    };
  }
  const read = READERS[metric];
  if (!read) throw new Error(`metric.${metric} has no reader in the engine`);
  return { read, dispose: () => {} };
}

/** A metric event from a reading. */
export function metricEvent(
  base: { run: string; node: string; metric: MetricName; step: number },
  reading: number | CurvatureReading,
): MetricEvent {
  const head = { type: 'metric', ...base } as const;
  if (typeof reading === 'number') return { ...head, value: finiteOrNull(reading) };
  return {
    ...head,
    value: finiteOrNull(reading.value),
    ...(reading.values ? { values: reading.values.map(finiteOrNull) } : {}),
    ...(reading.stderr !== undefined ? { stderr: finiteOrNull(reading.stderr) } : {}),
    ...(reading.spectrum &&
    [...reading.spectrum.grid, ...reading.spectrum.weights].every(Number.isFinite)
      ? { spectrum: reading.spectrum }
      : {}),
  };
}
