/**
 * Hessian curvature of the landscape: extreme eigenvalues at a point from Hessian-vector
 * products (exact where the model allows, see curvature/model-hvp.ts), the point's kind, and an optional coarse
 * map of |λmin/λmax| over the plane (Li et al. 2018, Fig. 7).
 */
import * as tf from '@tensorflow/tfjs';
import {
  type CriticalPointKind,
  classifyCriticalPoint,
  extremeEigenvaluesOf,
  modelHvp,
  type PowerOptions,
} from '../curvature';
import { symmetricEigen } from '../linalg/symmetric-eigen';
import { planePoint } from '../linalg/vector-math';
import { type Reads, readLater, readNow } from '../readback';
import type { Batch, Model } from '../types';
import { paramSize } from './flat-params';

export interface PointCurvature {
  readonly lambdaMax: number;
  readonly lambdaMin: number;
  readonly kind: CriticalPointKind;
  /** Hessian-vector products used. */
  readonly iterations: number;
  readonly converged: boolean;
}

export interface CurvatureMap {
  readonly grid: number;
  readonly alphas: readonly number[];
  readonly betas: readonly number[];
  /** Row-major like the surface (k = j·grid + i). */
  readonly lambdaMax: readonly number[];
  readonly lambdaMin: readonly number[];
  /** |λmin / λmax|: near 0 convex-looking, large where negative curvature dominates. */
  readonly ratio: readonly number[];
}

/** Extremes of a closed-form dense Hessian (surfaces): exact, no iteration. */
function exactCurvature(hessian: Float64Array): PointCurvature {
  const n = Math.round(Math.sqrt(hessian.length));
  const values = symmetricEigen(hessian, n).values;
  // A dense n×n Hessian (n ≥ 1) has n eigenvalues, largest first.
  const eig = { max: values[0]!, min: values[n - 1]! };
  const tol = 1e-9 * Math.max(Math.abs(eig.max), Math.abs(eig.min), 1e-12);
  return {
    lambdaMax: eig.max,
    lambdaMin: eig.min,
    kind: classifyCriticalPoint(eig, tol),
    iterations: 0,
    converged: true,
  };
}

/** Extreme Hessian eigenvalues of the model's loss on `batch` at flat parameters `theta`. */
export function* curvatureOf(
  model: Model,
  batch: Batch | null,
  theta: Float32Array,
  options: PowerOptions = {},
): Reads<PointCurvature> {
  const shapes = model.paramInfo.map((p) => p.shape);
  const params = tf.tidy(() => {
    let offset = 0;
    return shapes.map((shape) => {
      const n = paramSize(shape);
      const t = tf.tensor(theta.subarray(offset, offset + n), [...shape]);
      offset += n;
      return t;
    });
  });
  try {
    if (model.exactDerivatives) return exactCurvature(model.exactDerivatives(params).hessian);
    const hvp = modelHvp(model, params, batch);
    const eig = yield* extremeEigenvaluesOf(hvp, shapes, options);
    tf.dispose([...eig.minVector, ...eig.maxVector]);
    // Zero within the power iteration's tolerance, relative to the largest curvature.
    const tol = 1e-3 * Math.max(Math.abs(eig.max), Math.abs(eig.min), 1e-8);
    return {
      lambdaMax: eig.max,
      lambdaMin: eig.min,
      kind: classifyCriticalPoint(eig, tol),
      iterations: eig.iterations,
      converged: eig.converged,
    };
  } finally {
    tf.dispose(params);
  }
}

/** curvatureOf, read synchronously. */
export function curvatureAt(
  model: Model,
  batch: Batch | null,
  theta: Float32Array,
  options: PowerOptions = {},
): PointCurvature {
  return readNow(curvatureOf(model, batch, theta, options));
}

/**
 * Curvature at every point of an alphas × betas lattice of the plane; `afterPoint` runs
 * between points (progress, yielding, cancellation by throwing).
 */
export async function curvatureMap(
  model: Model,
  batch: Batch | null,
  plane: { center: Float32Array; delta: Float32Array; eta: Float32Array },
  alphas: readonly number[],
  betas: readonly number[],
  options: PowerOptions,
  afterPoint: (done: number) => Promise<void>,
): Promise<CurvatureMap> {
  const lambdaMax: number[] = [];
  const lambdaMin: number[] = [];
  const ratio: number[] = [];
  for (const b of betas) {
    for (const a of alphas) {
      const theta = planePoint(plane.center, plane.delta, plane.eta, a, b);
      const c = await readLater(curvatureOf(model, batch, theta, options));
      lambdaMax.push(c.lambdaMax);
      lambdaMin.push(c.lambdaMin);
      ratio.push(c.lambdaMax !== 0 ? Math.abs(c.lambdaMin / c.lambdaMax) : 0);
      await afterPoint(ratio.length);
    }
  }
  return { grid: alphas.length, alphas, betas, lambdaMax, lambdaMin, ratio };
}
