/**
 * PyHessian's spectral tools on a FlatOperator, in float64: top-k eigenvalues by Lanczos with
 * full reorthogonalisation, Hutchinson's trace with Rademacher probes, and the eigenvalue
 * spectral density by stochastic Lanczos quadrature (Ghorbani et al. 2019; Yao et al. 2020).
 */
import { symmetricEigen } from '../linalg/symmetric-eigen';
import { createRng, type Rng } from '../random';
import { type Reads, readNow } from '../readback';
import type { FlatOperator } from './flat-operator';

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function gaussianUnit(n: number, rng: Rng): Float64Array {
  const v = Float64Array.from({ length: n }, () => rng.gaussian());
  const norm = Math.sqrt(dot(v, v));
  for (let i = 0; i < n; i++) v[i]! /= norm;
  return v;
}

export interface Lanczos {
  /** Diagonal α and off-diagonal β of the tridiagonal T (β[j] joins j and j+1). */
  readonly alpha: number[];
  readonly beta: number[];
  /** The residual norm after the last step (0 when an invariant subspace was found). */
  readonly last: number;
}

/**
 * Lanczos from the unit vector `start`, extendable step by step, every new vector
 * orthogonalised against all earlier ones twice (full reorthogonalisation: float64 Lanczos
 * otherwise loses orthogonality and repeats eigenvalues).
 */
export class LanczosRun {
  private readonly basis: Float64Array[];
  readonly alpha: number[] = [];
  readonly beta: number[] = [];
  /** The residual norm after the last step (0 when an invariant subspace was found). */
  last = 0;
  /** The Krylov space is invariant (or the whole space): more steps add nothing. */
  exhausted = false;
  private next: Float64Array;

  constructor(
    private readonly op: FlatOperator,
    start: Float64Array,
  ) {
    this.basis = [];
    this.next = start;
  }

  /** Runs until T has `m` rows (or the space is exhausted). */
  extend(m: number): this {
    return readNow(this.extending(m));
  }

  /** extend, read where the caller reads. */
  *extending(m: number): Reads<this> {
    while (!this.exhausted && this.alpha.length < Math.min(m, this.op.n)) {
      if (this.alpha.length > 0) {
        this.beta.push(this.last);
      }
      const q = this.next;
      this.basis.push(q);
      const w = yield* this.op.applyOf(q);
      const a = dot(w, q);
      this.alpha.push(a);
      for (let pass = 0; pass < 2; pass++) {
        for (const b of this.basis) {
          const c = dot(w, b);
          for (let i = 0; i < w.length; i++) w[i]! -= c * b[i]!;
        }
      }
      this.last = Math.sqrt(dot(w, w));
      if (this.alpha.length >= this.op.n || this.last < 1e-10 * Math.max(1, Math.abs(a))) {
        this.exhausted = true;
        break;
      }
      for (let i = 0; i < w.length; i++) w[i]! /= this.last;
      this.next = w;
    }
    return this;
  }
}

/** m Lanczos steps from the unit vector `start` (see LanczosRun). */
export function lanczos(op: FlatOperator, start: Float64Array, m: number): Lanczos {
  return readNow(lanczosOf(op, start, m));
}

function* lanczosOf(op: FlatOperator, start: Float64Array, m: number): Reads<Lanczos> {
  const run = yield* new LanczosRun(op, start).extending(m);
  return { alpha: run.alpha, beta: run.beta, last: run.exhausted ? 0 : run.last };
}

/** Eigenvalues (largest first) and first components of the eigenvectors of T. */
function tridiagonalEigen(t: Lanczos): { values: number[]; first: number[]; lastRow: number[] } {
  const m = t.alpha.length;
  const dense = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    dense[j * m + j] = t.alpha[j]!;
    if (j + 1 < m) {
      dense[j * m + j + 1] = t.beta[j]!;
      dense[(j + 1) * m + j] = t.beta[j]!;
    }
  }
  const eig = symmetricEigen(dense, m);
  return {
    values: [...eig.values],
    first: eig.vectors.map((v) => v[0]!),
    lastRow: eig.vectors.map((v) => v[m - 1]!),
  };
}

export interface TopEigenvalues {
  /** The k largest eigenvalues, largest first. */
  readonly values: number[];
  /** Hessian-vector products used. */
  readonly products: number;
  /** Every reported Ritz value's residual β·|s_m| ≤ tol·max|λ|. */
  readonly converged: boolean;
}

/**
 * The k largest eigenvalues: Lanczos grown until the top-k Ritz values' residual bounds
 * (β_m·|last component of the Ritz vector|) fall under tol relative to the spectral scale.
 */
export function topEigenvalues(
  op: FlatOperator,
  k: number,
  options: TopOptions = {},
): TopEigenvalues {
  return readNow(topEigenvaluesOf(op, k, options));
}

type TopOptions = { readonly maxSteps?: number; readonly tol?: number; readonly seed?: number };

/** topEigenvalues, read where the caller reads. */
export function* topEigenvaluesOf(
  op: FlatOperator,
  k: number,
  options: TopOptions = {},
): Reads<TopEigenvalues> {
  const count = Math.min(k, op.n);
  const tol = options.tol ?? 1e-4;
  const maxSteps = Math.min(op.n, options.maxSteps ?? Math.max(8 * count + 40, 80));
  const start = gaussianUnit(op.n, createRng(options.seed ?? 0).fork('lanczos'));
  const run = new LanczosRun(op, start);
  // Check convergence every few steps: each check is an m×m eigenproblem, cheap next to Hv.
  for (let m = Math.min(op.n, count + 8); ; m = Math.min(maxSteps, m + Math.max(4, count))) {
    yield* run.extending(m);
    const t = { alpha: run.alpha, beta: run.beta, last: run.exhausted ? 0 : run.last };
    const eig = tridiagonalEigen(t);
    const scale = Math.max(...eig.values.map(Math.abs), 1e-30);
    const residuals = eig.lastRow.slice(0, count).map((s) => Math.abs(t.last * s));
    const converged = run.exhausted || residuals.every((r) => r <= tol * scale);
    if (converged || m >= maxSteps) {
      return { values: eig.values.slice(0, count), products: run.alpha.length, converged };
    }
  }
}

export interface TraceEstimate {
  readonly mean: number;
  /** Standard error of the mean over probes (sample std / √probes). */
  readonly stderr: number;
  readonly probes: number;
}

/** Hutchinson: tr H = E[zᵀHz] for Rademacher z (entries ±1). */
export function hutchinsonTrace(op: FlatOperator, probes: number, seed = 0): TraceEstimate {
  return readNow(hutchinsonTraceOf(op, probes, seed));
}

/** hutchinsonTrace, read where the caller reads. */
export function* hutchinsonTraceOf(
  op: FlatOperator,
  probes: number,
  seed = 0,
): Reads<TraceEstimate> {
  const rng = createRng(seed).fork('hutchinson');
  const samples: number[] = [];
  for (let p = 0; p < probes; p++) {
    const z = Float64Array.from({ length: op.n }, () => (rng.uniform(0, 1) < 0.5 ? -1 : 1));
    samples.push(dot(z, yield* op.applyOf(z)));
  }
  const mean = samples.reduce((a, b) => a + b, 0) / probes;
  const variance =
    probes > 1 ? samples.reduce((a, s) => a + (s - mean) ** 2, 0) / (probes - 1) : Number.NaN;
  return { mean, stderr: Math.sqrt(variance / probes), probes };
}

export interface SpectralDensity {
  /** Eigenvalue grid, ascending, covering [lambdaMin, lambdaMax] with margins. */
  readonly grid: number[];
  /** Probability mass at each grid point (Gaussian-broadened); sums to 1. */
  readonly weights: number[];
  /** Ritz values (quadrature nodes) and their weights over all runs; weights sum to 1. */
  readonly nodes: number[];
  readonly nodeWeights: number[];
  readonly lambdaMin: number;
  readonly lambdaMax: number;
  /** Quadrature mass on negative eigenvalues: the fraction of negative curvature. */
  readonly negativeFraction: number;
}

export interface DensityOptions {
  /** Independent Lanczos runs (random starts) averaged (PyHessian's n_v; default 1). */
  readonly runs?: number;
  /** Lanczos steps per run (default 30). */
  readonly steps?: number;
  /** Grid points (default 400). */
  readonly points?: number;
  /** Gaussian width relative to the spectrum's span (default 0.003, about PyHessian's σ² = 1e-5). */
  readonly sigma?: number;
  readonly seed?: number;
}

/**
 * Stochastic Lanczos quadrature: for a unit random v, vᵀδ(λ − H)v ≈ Σ τ_j² δ(λ − θ_j) with
 * θ_j, τ_j the eigenvalues and first eigenvector components of the Lanczos T; averaged over
 * runs and broadened by a Gaussian of width σ·span onto a grid, then normalised to mass 1.
 */
export function spectralDensity(op: FlatOperator, options: DensityOptions = {}): SpectralDensity {
  return readNow(spectralDensityOf(op, options));
}

/** spectralDensity, read where the caller reads. */
export function* spectralDensityOf(
  op: FlatOperator,
  options: DensityOptions = {},
): Reads<SpectralDensity> {
  const runs = options.runs ?? 1;
  const steps = options.steps ?? 30;
  const points = options.points ?? 400;
  const rng = createRng(options.seed ?? 0).fork('slq');
  const nodes: number[] = [];
  const nodeWeights: number[] = [];
  for (let r = 0; r < runs; r++) {
    const eig = tridiagonalEigen(yield* lanczosOf(op, gaussianUnit(op.n, rng), steps));
    eig.values.forEach((value, j) => {
      nodes.push(value);
      nodeWeights.push(eig.first[j]! ** 2 / runs);
    });
  }
  const total = nodeWeights.reduce((a, b) => a + b, 0);
  for (let j = 0; j < nodeWeights.length; j++) nodeWeights[j]! /= total;
  const lambdaMin = Math.min(...nodes);
  const lambdaMax = Math.max(...nodes);
  const span = Math.max(lambdaMax - lambdaMin, 1e-12 * Math.max(1, Math.abs(lambdaMax)));
  const width = (options.sigma ?? 0.003) * span;
  const lo = lambdaMin - 4 * width - 0.02 * span;
  const hi = lambdaMax + 4 * width + 0.02 * span;
  const grid = Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
  const weights = grid.map((x) =>
    nodes.reduce(
      (s, node, j) => s + nodeWeights[j]! * Math.exp(-0.5 * ((x - node) / width) ** 2),
      0,
    ),
  );
  const mass = weights.reduce((a, b) => a + b, 0);
  const negativeFraction = nodes.reduce((s, node, j) => s + (node < 0 ? nodeWeights[j]! : 0), 0);
  return {
    grid,
    weights: weights.map((w) => w / mass),
    nodes,
    nodeWeights,
    lambdaMin,
    lambdaMax,
    negativeFraction,
  };
}
