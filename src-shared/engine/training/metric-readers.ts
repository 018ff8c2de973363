/**
 * How each metric reads a run: at θ_k before update k (`step`), once update k is timed
 * (`timed`), or at validation (`eval`). One reader per metric block; the metric block turns
 * its readings into events.
 */
import * as tf from '@tensorflow/tfjs';
import { finiteOrNull, type MetricEvent, type MetricName } from '../../protocol/events';
import type { RunSignal, RunView } from '../blocks/ports';
import { modelHvp, topEigenvalue } from '../curvature';
import {
  CurvatureProbe,
  type CurvatureReading,
  isCurvatureMetric,
} from '../curvature/curvature-metrics';
import { predictedClasses } from '../models/layers';
import { globalNorm } from './tensors';

type Reading = number | CurvatureReading | undefined;

export interface MetricReader {
  /** The reading a signal gives (undefined: none at this signal). */
  read(signal: RunSignal): Reading;
  dispose(): void;
}

interface SplitTensors {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor1D;
}

/** Accuracy on a split (a batch's rows of it when given); undefined unless classifying. */
export function accuracyOn(
  run: RunView,
  split: SplitTensors,
  indices: Int32Array | null,
): number | undefined {
  if (run.dataset?.task !== 'classification') return undefined;
  const accuracy = tf.tidy(() => {
    const idx = indices ? tf.tensor1d(indices, 'int32') : null;
    const x = (idx ? tf.gather(split.x, idx) : split.x) as tf.Tensor2D;
    const y = idx ? tf.gather(split.y, idx) : split.y;
    const predicted = predictedClasses(run.model.forward(run.params, x));
    return tf.mean(tf.cast(tf.equal(predicted, tf.cast(y, 'int32')), 'float32'));
  });
  const value = accuracy.dataSync()[0]!;
  accuracy.dispose();
  return value;
}

/** Largest-magnitude Hessian eigenvalue on the training set, by power iteration. */
function hessianTop(run: RunView): number {
  const result = topEigenvalue(
    modelHvp(run.model, run.params, run.train),
    run.params.map((p) => p.shape),
    { iters: 20, tol: 1e-4, seed: run.seed },
  );
  tf.dispose(result.vector);
  return result.value;
}

type StepSignal = Extract<RunSignal, { kind: 'step' }>;
const finiteStep = (s: StepSignal) => Number.isFinite(s.loss) && Number.isFinite(s.gradNorm);

/** Metrics read at θ_k from the update's own numbers or the live parameters. */
const atStep: Partial<Record<MetricName, (s: StepSignal) => Reading>> = {
  loss: (s) => s.loss,
  gradNorm: (s) => s.gradNorm,
  lr: (s) => s.lr,
  paramNorm: (s) => (finiteStep(s) ? globalNorm(s.run.params) : undefined),
  accuracy: (s) =>
    s.indices && s.run.train ? accuracyOn(s.run, s.run.train, s.indices) : undefined,
  hessianTop: (s) => (finiteStep(s) ? hessianTop(s.run) : undefined),
};

export function createMetricReader(
  metric: MetricName,
  params: Readonly<Record<string, unknown>>,
  run: RunView,
): MetricReader {
  if (isCurvatureMetric(metric)) {
    const probe = new CurvatureProbe(metric, params, run.model, run.train);
    return {
      read: (s) =>
        s.kind === 'step' && finiteStep(s) ? probe.measure(run.params, run.seed + s.k) : undefined,
      dispose: () => probe.dispose(),
    };
  }
  const read = (s: RunSignal): Reading => {
    if (s.kind === 'step') return atStep[metric]?.(s);
    if (s.kind === 'timed') return metric === 'stepTime' ? s.ms : undefined;
    if (s.kind === 'eval') {
      return metric === 'valLoss'
        ? s.valLoss
        : metric === 'valAccuracy'
          ? s.valAccuracy
          : undefined;
    }
    return undefined;
  };
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
