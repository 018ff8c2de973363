/**
 * Extreme Hessian eigenvalues from Hessian-vector products alone (power iteration), for the
 * `hessianTop` metric and the landscape's curvature maps. Vectors live as tensor lists with
 * the parameters' shapes; only scalars (dot products, norms) are read back, at the yields of
 * Reads computations (readback.ts), so a landscape on WebGPU can await them.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../random';
import { type Reads, readNow, scalarOf } from '../readback';
import type { Hvp } from './hvp';

export interface PowerOptions {
  /** Maximum Hessian-vector products (default 100). */
  readonly iters?: number;
  /** Converged when ‖Hv − λv‖ ≤ tol · |λ| for the unit iterate v (default 1e-3). */
  readonly tol?: number;
  /** Seed of the random start vector (default 0). */
  readonly seed?: number;
}

export interface EigenResult {
  /** The eigenvalue estimate (Rayleigh quotient vᵀHv of the last unit iterate). */
  readonly value: number;
  /** The unit eigenvector estimate, one tensor per param; owned (and disposed) by the caller. */
  readonly vector: tf.Tensor[];
  readonly iterations: number;
  readonly converged: boolean;
}

function* dot(a: readonly tf.Tensor[], b: readonly tf.Tensor[]): Reads<number> {
  const sum = tf.tidy(() => tf.addN(a.map((t, i) => tf.sum(tf.mul(t, b[i]!)))));
  try {
    return yield* scalarOf(sum);
  } finally {
    sum.dispose();
  }
}

function* randomUnit(shapes: readonly (readonly number[])[], seed: number): Reads<tf.Tensor[]> {
  const rng = createRng(seed).fork('power-iteration');
  const raw = shapes.map((shape) => {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++) values[i] = rng.gaussian();
    return tf.tensor(values, [...shape]);
  });
  try {
    const norm = Math.sqrt(yield* dot(raw, raw));
    return tf.tidy(() => raw.map((t) => tf.div(t, norm)));
  } finally {
    tf.dispose(raw);
  }
}

/**
 * Power iteration on (H + shift·I): converges to the eigenvalue of H whose shifted value has
 * the largest magnitude. With shift 0 that is H's largest-magnitude eigenvalue; when H has
 * two of equal magnitude and opposite sign (a symmetric saddle) it cannot settle and reports
 * converged: false — use extremeEigenvalues for the signs.
 */
function* powerIteration(
  hvp: Hvp,
  shapes: readonly (readonly number[])[],
  shift: number,
  options: PowerOptions,
): Reads<EigenResult> {
  const iters = options.iters ?? 100;
  const tol = options.tol ?? 1e-3;
  let v = yield* randomUnit(shapes, options.seed ?? 0);
  let value = 0;
  for (let k = 1; k <= iters; k++) {
    const hv = hvp(v);
    const w = tf.tidy(() => hv.map((t, i) => (shift === 0 ? t : tf.add(t, tf.mul(v[i]!, shift)))));
    if (shift !== 0) tf.dispose(hv);
    const rayleigh = yield* dot(v, w);
    const wNorm = Math.sqrt(yield* dot(w, w));
    // ‖w − λv‖² = ‖w‖² − λ² for a unit v with λ = vᵀw.
    const residual = Math.sqrt(Math.max(0, wNorm * wNorm - rayleigh * rayleigh));
    value = rayleigh - shift;
    if (wNorm === 0 || !Number.isFinite(wNorm)) {
      tf.dispose(w);
      return {
        value: wNorm === 0 ? -shift : Number.NaN,
        vector: v,
        iterations: k,
        converged: wNorm === 0,
      };
    }
    const next = tf.tidy(() => w.map((t) => tf.div(t, wNorm)));
    tf.dispose(w);
    if (residual <= tol * Math.abs(rayleigh)) {
      tf.dispose(next);
      return { value, vector: v, iterations: k, converged: true };
    }
    tf.dispose(v);
    v = next;
  }
  return { value, vector: v, iterations: iters, converged: false };
}

/** The largest-magnitude eigenvalue of H (what `hessianTop` reports) and its vector. */
export function topEigenvalueOf(
  hvp: Hvp,
  shapes: readonly (readonly number[])[],
  options: PowerOptions = {},
): Reads<EigenResult> {
  return powerIteration(hvp, shapes, 0, options);
}

/** topEigenvalueOf, read synchronously. */
export function topEigenvalue(
  hvp: Hvp,
  shapes: readonly (readonly number[])[],
  options: PowerOptions = {},
): EigenResult {
  return readNow(topEigenvalueOf(hvp, shapes, options));
}

/** ‖H‖₂ bound from ‖Hv‖ over a few unit iterates (valid even when ±λ tie). */
function* spectralRadius(
  hvp: Hvp,
  shapes: readonly (readonly number[])[],
  options: PowerOptions,
): Reads<number> {
  let v = yield* randomUnit(shapes, options.seed ?? 0);
  let radius = 0;
  const iters = Math.min(options.iters ?? 100, 30);
  for (let k = 0; k < iters; k++) {
    const hv = hvp(v);
    const norm = Math.sqrt(yield* dot(hv, hv));
    tf.dispose(v);
    if (norm === 0 || !Number.isFinite(norm)) {
      tf.dispose(hv);
      return norm;
    }
    const converged = Math.abs(norm - radius) <= (options.tol ?? 1e-3) * norm;
    radius = norm;
    v = tf.tidy(() => hv.map((t) => tf.div(t, norm)));
    tf.dispose(hv);
    if (converged) break;
  }
  tf.dispose(v);
  return radius;
}

export interface ExtremeEigenvalues {
  readonly min: number;
  readonly max: number;
  readonly minVector: tf.Tensor[];
  readonly maxVector: tf.Tensor[];
  /** Hessian-vector products used in all. */
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * λmax and λmin of H by two shifted power iterations: with ρ ≥ |λ| for every eigenvalue,
 * H + ρI has its dominant eigenvalue at λmax + ρ and ρI − H at ρ − λmin, both ≥ 0, so
 * neither can be confused by eigenvalues of opposite sign. 1.05ρ keeps the shift strictly
 * above the spectral radius estimate. Vectors are owned by the caller.
 */
export function* extremeEigenvaluesOf(
  hvp: Hvp,
  shapes: readonly (readonly number[])[],
  options: PowerOptions = {},
): Reads<ExtremeEigenvalues> {
  const radius = yield* spectralRadius(hvp, shapes, options);
  if (!Number.isFinite(radius)) throw new Error('extremeEigenvalues: the Hessian is not finite');
  const zero = () => tf.tidy(() => shapes.map((s) => tf.zeros([...s])));
  if (radius === 0) {
    return { min: 0, max: 0, minVector: zero(), maxVector: zero(), iterations: 0, converged: true };
  }
  const rho = 1.05 * radius;
  const top = yield* powerIteration(hvp, shapes, rho, options);
  const negated: Hvp = (v) => {
    const hv = hvp(v);
    const out = tf.tidy(() => hv.map((t) => tf.neg(t)));
    tf.dispose(hv);
    return out;
  };
  const bottom = yield* powerIteration(negated, shapes, rho, options);
  return {
    max: top.value,
    min: -bottom.value,
    maxVector: top.vector,
    minVector: bottom.vector,
    iterations: top.iterations + bottom.iterations,
    converged: top.converged && bottom.converged,
  };
}

/** extremeEigenvaluesOf, read synchronously. */
export function extremeEigenvalues(
  hvp: Hvp,
  shapes: readonly (readonly number[])[],
  options: PowerOptions = {},
): ExtremeEigenvalues {
  return readNow(extremeEigenvaluesOf(hvp, shapes, options));
}

export type CriticalPointKind = 'minimum' | 'maximum' | 'saddle' | 'flat';

/**
 * What a critical point is from the Hessian's extreme eigenvalues; eigenvalues within `tol`
 * of zero count as zero (a positive semi-definite Hessian still reads as a minimum).
 */
export function classifyCriticalPoint(
  eigen: { readonly min: number; readonly max: number },
  tol = 1e-4,
): CriticalPointKind {
  const negative = eigen.min < -tol;
  const positive = eigen.max > tol;
  if (negative && positive) return 'saddle';
  if (positive) return 'minimum';
  if (negative) return 'maximum';
  return 'flat';
}
