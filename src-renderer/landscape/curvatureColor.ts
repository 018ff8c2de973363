/**
 * Colouring the surface by curvature instead of loss (Li et al. 2018, Fig. 7): the extreme
 * Hessian eigenvalues on a lattice of the plane, interpolated at each vertex. λmax uses the
 * loss's sequential map over its range; λmin a diverging map symmetric about zero (white),
 * so convex regions (λmin > 0) and saddle regions (λmin < 0) read apart at once.
 */
import type { SurfaceName } from '../../src-shared/engine/models/surfaces';
import { surfaceHessian } from './analytic';
import type { ColormapName } from './colormap';
import { formatLoss } from './heightScale';

export type ColorBy = 'loss' | 'lambdaMax' | 'lambdaMin';

export const COLOR_BY_LABELS: Record<ColorBy, string> = {
  loss: 'loss',
  lambdaMax: 'λmax',
  lambdaMin: 'λmin',
};

/** Extreme eigenvalues on an alphas × betas lattice, row-major (k = j · grid + i). */
export interface CurvatureLattice {
  readonly grid: number;
  readonly alphas: readonly number[];
  readonly betas: readonly number[];
  readonly lambdaMax: readonly number[];
  readonly lambdaMin: readonly number[];
}

/** The two eigenvalues of the symmetric 2×2 [[a, b], [b, d]], smallest first. */
export function eigen2(a: number, b: number, d: number): [number, number] {
  const mean = (a + d) / 2;
  const r = Math.hypot((a - d) / 2, b);
  return [mean - r, mean + r];
}

/** An exact surface's lattice from its Hessian at `side` × `side` points of the view. */
export function analyticLattice(
  fn: SurfaceName,
  xs: readonly number[],
  ys: readonly number[],
  side = 41,
): CurvatureLattice {
  const axis = (v: readonly number[]) =>
    Array.from({ length: side }, (_, i) => v[0]! + ((v.at(-1)! - v[0]!) * i) / (side - 1));
  const alphas = axis(xs);
  const betas = axis(ys);
  const lambdaMax: number[] = [];
  const lambdaMin: number[] = [];
  for (const y of betas) {
    for (const x of alphas) {
      const [lo, hi] = eigen2(...surfaceHessian(fn, x, y));
      lambdaMin.push(lo);
      lambdaMax.push(hi);
    }
  }
  return { grid: side, alphas, betas, lambdaMax, lambdaMin };
}

/** Index of the lattice cell holding v and the fraction across it (clamped to the ends). */
function cell(axis: readonly number[], v: number): [number, number] {
  const n = axis.length;
  if (n < 2 || v <= axis[0]!) return [0, 0];
  if (v >= axis[n - 1]!) return [n - 2, 1];
  let i = 0;
  while (i < n - 2 && axis[i + 1]! <= v) i++;
  return [i, (v - axis[i]!) / (axis[i + 1]! - axis[i]!)];
}

/** The lattice's λmax or λmin at (α, β), bilinearly interpolated. */
export function latticeAt(
  lattice: CurvatureLattice,
  which: 'lambdaMax' | 'lambdaMin',
  alpha: number,
  beta: number,
): number {
  const v = lattice[which];
  const n = lattice.grid;
  const [i, fx] = cell(lattice.alphas, alpha);
  const [j, fy] = cell(lattice.betas, beta);
  const at = (ii: number, jj: number) => v[jj * n + ii]!;
  const top = at(i, j) * (1 - fx) + at(i + 1, j) * fx;
  const bottom = at(i, j + 1) * (1 - fx) + at(i + 1, j + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** How curvature values map to colours: t ∈ [0, 1] and the colorbar's ticks. */
export interface CurvatureScale {
  readonly which: 'lambdaMax' | 'lambdaMin';
  readonly diverging: boolean;
  readonly lo: number;
  readonly hi: number;
  t(v: number): number;
  /** Ticks at t with their labels; a diverging scale has one at zero. */
  readonly ticks: readonly { t: number; label: string; zero: boolean }[];
  readonly title: string;
}

export function curvatureScale(
  lattice: CurvatureLattice,
  which: 'lambdaMax' | 'lambdaMin',
): CurvatureScale {
  const values = lattice[which].filter(Number.isFinite);
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  const diverging = which === 'lambdaMin';
  if (diverging) {
    // Symmetric about zero: white means flat, and equal shades mean equal |λ|; up to the
    // 95th percentile of |λ| (a few extreme points would wash everything else out).
    const abs = values.map(Math.abs).sort((a, b) => a - b);
    const m = abs[Math.min(abs.length - 1, Math.floor(0.95 * abs.length))] || 1;
    lo = -m;
    hi = m;
  } else if (hi <= lo) {
    hi = lo + 1;
  }
  const t = (v: number) =>
    Number.isFinite(v) ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
  const ticks = Array.from({ length: 5 }, (_, k) => {
    const u = k / 4;
    const v = lo + (hi - lo) * u;
    const zero = diverging && k === 2;
    return { t: u, label: zero ? '0' : formatLoss(v), zero };
  });
  return { which, diverging, lo, hi, t, ticks, title: which === 'lambdaMax' ? 'λmax' : 'λmin' };
}

/** The colour map of a curvature scale: diverging for λmin, the chosen sequential one else. */
export function curvatureMapName(
  scale: Pick<CurvatureScale, 'diverging'>,
  style: { readonly colormap: ColormapName },
): ColormapName {
  return scale.diverging ? 'rdbu' : style.colormap;
}
