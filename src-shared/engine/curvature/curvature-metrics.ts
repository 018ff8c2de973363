/**
 * The curvature metric blocks at θ: top-k eigenvalues, Hutchinson's trace and the spectral
 * density, on a fixed subset of the training data and optionally one layer's Hessian block.
 * Built once per metric block; `measure` runs at each scheduled step.
 */
import * as tf from '@tensorflow/tfjs';
import type { Spectrum } from '../../protocol/events';
import { type Reads, readNow } from '../readback';
import type { Batch, Model } from '../types';
import { flatOperator, layerParams } from './flat-operator';
import { modelHvp } from './model-hvp';
import { hutchinsonTraceOf, spectralDensityOf, topEigenvaluesOf } from './spectrum';

export type CurvatureMetric = 'hessianEigs' | 'hessianTrace' | 'hessianDensity';

export const CURVATURE_METRICS: readonly CurvatureMetric[] = [
  'hessianEigs',
  'hessianTrace',
  'hessianDensity',
];

export function isCurvatureMetric(name: string): name is CurvatureMetric {
  return (CURVATURE_METRICS as readonly string[]).includes(name);
}

/** What one measurement reports; `value` is the metric's headline number. */
export interface CurvatureReading {
  readonly value: number;
  readonly values?: number[];
  readonly stderr?: number;
  readonly spectrum?: Spectrum;
}

const int = (params: Readonly<Record<string, unknown>>, key: string, fallback: number): number => {
  const v = params[key];
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fallback;
};

export class CurvatureProbe {
  private readonly selected: number[];
  private subset: Batch | null | undefined;

  /** Throws, naming the layers there are, when `layer` is not one of the model's. */
  constructor(
    private readonly metric: CurvatureMetric,
    private readonly params: Readonly<Record<string, unknown>>,
    private readonly model: Model,
    private readonly train: Batch | null,
  ) {
    const layer = typeof params.layer === 'string' ? params.layer : 'all';
    this.selected = layerParams(model.paramInfo, layer);
  }

  /** The metric at `theta` (kept alive by the caller); `seed` varies the random probes. */
  measure(theta: readonly tf.Tensor[], seed: number): CurvatureReading {
    return readNow(this.measureOf(theta, seed));
  }

  /** measure, read where the caller reads. */
  *measureOf(theta: readonly tf.Tensor[], seed: number): Reads<CurvatureReading> {
    const op = flatOperator(
      modelHvp(this.model, theta, this.data()),
      this.model.paramInfo.map((p) => p.shape),
      this.selected,
    );
    switch (this.metric) {
      case 'hessianEigs': {
        const top = yield* topEigenvaluesOf(op, int(this.params, 'k', 5), { seed });
        return { value: top.values[0]!, values: top.values };
      }
      case 'hessianTrace': {
        const trace = yield* hutchinsonTraceOf(op, int(this.params, 'probes', 20), seed);
        return { value: trace.mean, stderr: trace.stderr };
      }
      case 'hessianDensity': {
        const d = yield* spectralDensityOf(op, {
          steps: int(this.params, 'steps', 30),
          runs: int(this.params, 'runs', 1),
          seed,
        });
        const spectrum: Spectrum = {
          grid: d.grid,
          weights: d.weights,
          lambdaMin: d.lambdaMin,
          lambdaMax: d.lambdaMax,
          negativeFraction: d.negativeFraction,
        };
        return { value: d.lambdaMax, spectrum };
      }
    }
  }

  /** The first `samples` training rows (all when 0 or more than there are). */
  private data(): Batch | null {
    if (this.subset !== undefined) return this.subset;
    const n = int(this.params, 'samples', 512);
    const train = this.train;
    if (!train || n <= 0 || n >= train.x.shape[0]) this.subset = train;
    else {
      this.subset = tf.tidy(() => ({
        x: tf.slice(train.x, [0, 0], [n, -1]) as tf.Tensor2D,
        y: tf.slice(train.y, [0], [n]) as tf.Tensor1D,
      }));
    }
    return this.subset;
  }

  dispose(): void {
    if (this.subset && this.subset !== this.train) tf.dispose([this.subset.x, this.subset.y]);
    this.subset = undefined;
  }
}
