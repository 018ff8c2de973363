/**
 * The k largest eigenpairs of a symmetric matrix by block subspace iteration with
 * Rayleigh–Ritz. PCA of trajectories needs only the top two of a Gram matrix of up to
 * 400 × 400, whose full Jacobi decomposition costs seconds; this costs a few matrix–block
 * products. Small matrices still go through the exact Jacobi solver.
 */
import { createRng } from '../random';
import { type SymmetricEigen, symmetricEigen } from './symmetric-eigen';

const SMALL = 32;

export interface TopEigenOptions {
  /** Stop when every wanted pair has ‖Ax − θx‖ ≤ tolerance · |θ₁| (default 1e-11). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

/** `a` is n×n row-major and symmetric; returns its k largest eigenpairs, largest first. */
export function topEigen(
  a: Float64Array,
  n: number,
  k: number,
  options: TopEigenOptions = {},
): SymmetricEigen {
  if (a.length !== n * n) throw new Error(`topEigen: expected ${n * n} entries, got ${a.length}`);
  if (!(k >= 1 && k <= n)) throw new Error(`topEigen: k must be in 1..${n}, got ${k}`);
  const block = Math.min(n, k + 6);
  if (n <= SMALL || block === n) {
    const all = symmetricEigen(a, n);
    return { values: all.values.slice(0, k), vectors: all.vectors.slice(0, k) };
  }
  const tolerance = options.tolerance ?? 1e-11;
  const maxIterations = options.maxIterations ?? 500;
  const rng = createRng(0);
  let q: Float64Array[] = Array.from({ length: block }, () =>
    Float64Array.from({ length: n }, () => rng.gaussian()),
  );
  orthonormalize(q, rng);
  let best: SymmetricEigen = { values: new Float64Array(k), vectors: q.slice(0, k) };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const z = q.map((column) => multiply(a, n, column));
    // Rayleigh–Ritz on the block: H = Qᵀ A Q (block × block).
    const h = new Float64Array(block * block);
    for (let i = 0; i < block; i++)
      for (let j = 0; j < block; j++) h[i * block + j] = dotOf(q[i]!, z[j]!);
    for (let i = 0; i < block; i++)
      for (let j = i + 1; j < block; j++) {
        const mean = (h[i * block + j]! + h[j * block + i]!) / 2;
        h[i * block + j] = mean;
        h[j * block + i] = mean;
      }
    const small = symmetricEigen(h, block);
    const ritz = small.vectors.map((w) => combine(q, w, n));
    const images = small.vectors.map((w) => combine(z, w, n));
    const scale = Math.max(Math.abs(small.values[0]!), Number.MIN_VALUE);
    let worst = 0;
    for (let i = 0; i < k; i++) {
      const x = ritz[i]!;
      const ax = images[i]!;
      const theta = small.values[i]!;
      let r = 0;
      for (let j = 0; j < n; j++) r += (ax[j]! - theta * x[j]!) ** 2;
      worst = Math.max(worst, Math.sqrt(r));
    }
    best = { values: small.values.slice(0, k), vectors: ritz.slice(0, k) };
    if (worst <= tolerance * scale) break;
    q = images;
    orthonormalize(q, rng);
  }
  return best;
}

function multiply(a: Float64Array, n: number, x: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += a[row + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

function dotOf(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

/** Σ w[i] · columns[i]. */
function combine(columns: readonly Float64Array[], w: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const wi = w[i]!;
    for (let j = 0; j < n; j++) out[j]! += wi * c[j]!;
  }
  return out;
}

/** Modified Gram–Schmidt, twice; a column that vanishes (rank-deficient A) is re-drawn. */
function orthonormalize(columns: Float64Array[], rng: ReturnType<typeof createRng>): void {
  for (let i = 0; i < columns.length; i++) {
    let c = columns[i]!;
    for (let attempt = 0; ; attempt++) {
      const before = Math.sqrt(dotOf(c, c));
      for (let pass = 0; pass < 2; pass++)
        for (let j = 0; j < i; j++) {
          const other = columns[j]!;
          const p = dotOf(c, other);
          for (let t = 0; t < c.length; t++) c[t]! -= p * other[t]!;
        }
      const length = Math.sqrt(dotOf(c, c));
      if (length > 1e-10 * before && length > 0) {
        for (let t = 0; t < c.length; t++) c[t]! /= length;
        break;
      }
      if (attempt > 3) throw new Error('topEigen: could not complete an orthonormal block');
      c = Float64Array.from({ length: c.length }, () => rng.gaussian());
      columns[i] = c;
    }
  }
}
