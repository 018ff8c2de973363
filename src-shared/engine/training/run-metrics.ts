/**
 * The metric blocks of one run: their values at θ_k (read before update k), validation after
 * an epoch, and the events that carry them. Kept apart from TrainRun's update loop.
 */
import * as tf from '@tensorflow/tfjs';
import {
  finiteOrNull,
  type MetricEvent,
  type MetricName,
  type RunEvent,
} from '../../protocol/events';
import { modelHvp, topEigenvalue } from '../curvature';
import {
  CurvatureProbe,
  type CurvatureReading,
  isCurvatureMetric,
} from '../curvature/curvature-metrics';
import { predictedClasses } from '../models/layers';
import type { Dataset, Model } from '../types';
import { globalNorm } from './tensors';

export interface MetricRequest {
  readonly node: string;
  readonly metric: MetricName;
  readonly every: number;
  /** The metric block's params (curvature metrics read k, probes, layer, samples, …). */
  readonly params?: Readonly<Record<string, unknown>>;
}

type Reading = number | CurvatureReading | undefined;

interface SplitTensors {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor1D;
}

/** What one step measured, for the metrics derived from it. */
export interface StepReadings {
  readonly loss: number;
  readonly gradNorm: number;
  readonly lr: number;
  /** The batch's rows (null on a surface, or when the step diverged). */
  readonly indices: Int32Array | null;
}

export class RunMetrics {
  /** One probe per curvature metric block, by node id. */
  private readonly probes = new Map<string, CurvatureProbe>();

  constructor(
    private readonly run: string,
    private readonly model: Model,
    private readonly dataset: Dataset | null,
    private readonly params: readonly tf.Variable[],
    private readonly train: SplitTensors | null,
    private readonly requests: readonly MetricRequest[],
    private readonly seed: number,
  ) {
    for (const r of requests) {
      if (!isCurvatureMetric(r.metric)) continue;
      try {
        this.probes.set(r.node, new CurvatureProbe(r.metric, r.params ?? {}, model, train));
      } catch (e) {
        throw new Error(`${r.node} (metric.${r.metric}): ${(e as Error).message}`);
      }
    }
  }

  dispose(): void {
    for (const probe of this.probes.values()) probe.dispose();
  }

  /** Metric events of step k at θ_k (all but stepTime, known only after the update). */
  atStep(k: number, r: StepReadings): MetricEvent[] {
    const finite = Number.isFinite(r.loss) && Number.isFinite(r.gradNorm);
    return this.events(k, (metric, node) => {
      switch (metric) {
        case 'loss':
          return r.loss;
        case 'gradNorm':
          return r.gradNorm;
        case 'lr':
          return r.lr;
        case 'paramNorm':
          return finite ? globalNorm(this.params) : undefined;
        case 'accuracy':
          return r.indices && this.train ? this.accuracyOn(this.train, r.indices) : undefined;
        case 'hessianTop':
          return finite ? this.hessianTop() : undefined;
        case 'hessianEigs':
        case 'hessianTrace':
        case 'hessianDensity':
          return finite ? this.probes.get(node)?.measure(this.params, this.seed + k) : undefined;
        default:
          return undefined; // stepTime after the update; val metrics with evaluate()
      }
    });
  }

  /** stepTime events of step k, once update k has been timed. */
  stepTime(k: number, ms: number): MetricEvent[] {
    return this.events(k, (metric) => (metric === 'stepTime' ? ms : undefined));
  }

  /** Validation loss/accuracy after `step` updates, plus the val metric blocks' values. */
  evaluate(val: SplitTensors, step: number, epoch: number): RunEvent[] {
    const loss = this.model.loss(this.params, val);
    const valLoss = loss.dataSync()[0]!;
    loss.dispose();
    const valAccuracy = this.accuracyOn(val, null);
    const readValue = (metric: MetricName) =>
      metric === 'valLoss' ? valLoss : metric === 'valAccuracy' ? valAccuracy : undefined;
    return [
      {
        type: 'eval',
        run: this.run,
        step,
        epoch,
        valLoss: finiteOrNull(valLoss),
        ...(valAccuracy !== undefined ? { valAccuracy } : {}),
      },
      ...this.events(step, readValue, true),
    ];
  }

  private events(
    step: number,
    readValue: (metric: MetricName, node: string) => Reading,
    always = false,
  ): MetricEvent[] {
    const out: MetricEvent[] = [];
    for (const request of this.requests) {
      if (!always && step % request.every !== 0) continue;
      const reading = readValue(request.metric, request.node);
      if (reading === undefined) continue;
      const base = {
        type: 'metric',
        run: this.run,
        node: request.node,
        metric: request.metric,
        step,
      } as const;
      if (typeof reading === 'number') {
        out.push({ ...base, value: finiteOrNull(reading) });
        continue;
      }
      out.push({
        ...base,
        value: finiteOrNull(reading.value),
        ...(reading.values ? { values: reading.values.map(finiteOrNull) } : {}),
        ...(reading.stderr !== undefined ? { stderr: finiteOrNull(reading.stderr) } : {}),
        ...(reading.spectrum &&
        [...reading.spectrum.grid, ...reading.spectrum.weights].every(Number.isFinite)
          ? { spectrum: reading.spectrum }
          : {}),
      });
    }
    return out;
  }

  private accuracyOn(split: SplitTensors, indices: Int32Array | null): number | undefined {
    if (this.dataset?.task !== 'classification') return undefined;
    const accuracy = tf.tidy(() => {
      const idx = indices ? tf.tensor1d(indices, 'int32') : null;
      const x = (idx ? tf.gather(split.x, idx) : split.x) as tf.Tensor2D;
      const y = idx ? tf.gather(split.y, idx) : split.y;
      const predicted = predictedClasses(this.model.forward(this.params, x));
      return tf.mean(tf.cast(tf.equal(predicted, tf.cast(y, 'int32')), 'float32'));
    });
    const value = accuracy.dataSync()[0]!;
    accuracy.dispose();
    return value;
  }

  /** Largest-magnitude Hessian eigenvalue on the training set, by power iteration. */
  private hessianTop(): number {
    const result = topEigenvalue(
      modelHvp(this.model, this.params, this.train),
      this.params.map((p) => p.shape),
      { iters: 20, tol: 1e-4, seed: this.seed },
    );
    tf.dispose(result.vector);
    return result.value;
  }
}
