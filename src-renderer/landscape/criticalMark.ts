/**
 * What a mark on the surface may claim. "minimum", "saddle" or "maximum" only where the
 * gradient is near zero and the curvature's signs say so; anywhere else (a run stopped on a
 * slope, a flat direction) the mark says what is true: "end · ‖g‖ = …".
 */
import { gridGradient } from './analytic';
import { finiteRange, formatLoss } from './heightScale';

export type MarkKind = 'minimum' | 'saddle' | 'maximum' | 'end';

export interface MarkEvidence {
  /** ‖∇L‖ at the point, in loss per unit of the plane's coordinates. */
  readonly gradNorm: number;
  /** Extreme Hessian eigenvalues at the point (their signs classify it). */
  readonly lambdaMin: number;
  readonly lambdaMax: number;
  /** The surface's loss range (max − min) and the plane's half width, for scale. */
  readonly lossRange: number;
  readonly halfWidth: number;
}

/**
 * Near zero: crossing half the plane at this slope would change the loss by under 0.5 % of the
 * surface's range (a slope invisible on the drawn surface).
 */
export const FLAT_GRADIENT = 0.005;
/** Eigenvalues smaller than this fraction of the largest |λ| count as zero (flat direction). */
export const ZERO_CURVATURE = 1e-3;

export function markKind(e: MarkEvidence): MarkKind {
  const scale = Math.max(1e-300, e.lossRange);
  const flat = Number.isFinite(e.gradNorm) && e.gradNorm * e.halfWidth <= FLAT_GRADIENT * scale;
  if (!flat || !Number.isFinite(e.lambdaMin) || !Number.isFinite(e.lambdaMax)) return 'end';
  const zero = ZERO_CURVATURE * Math.max(Math.abs(e.lambdaMin), Math.abs(e.lambdaMax));
  if (!(zero > 0)) return 'end';
  const lo = e.lambdaMin;
  const hi = e.lambdaMax;
  if (lo > zero) return 'minimum';
  if (hi < -zero) return 'maximum';
  if (lo < -zero && hi > zero) return 'saddle';
  return 'end';
}

/** The mark's text: the kind with its curvature, or the end with its gradient norm. */
export function markLabel(e: MarkEvidence): { kind: MarkKind; label: string } {
  const kind = markKind(e);
  if (kind === 'end') return { kind, label: `end · ‖g‖ = ${formatLoss(e.gradNorm)}` };
  const l = (v: number) => v.toPrecision(2);
  return { kind, label: `${kind} (λ ${l(e.lambdaMin)} … ${l(e.lambdaMax)})` };
}

/** The evidence at a plane's center (α = β = 0): the grid's gradient there and its λ. */
export function centerEvidence(
  values: ArrayLike<number>,
  xs: readonly number[],
  ys: readonly number[],
  curvature: { readonly lambdaMin: number; readonly lambdaMax: number },
): MarkEvidence {
  const g = gridGradient(values, xs, ys, 0, 0);
  const range = finiteRange(values);
  return {
    gradNorm: Math.hypot(g[0], g[1]),
    lambdaMin: curvature.lambdaMin,
    lambdaMax: curvature.lambdaMax,
    lossRange: range ? range.max - range.min : 0,
    halfWidth: Math.max(xs.at(-1)! - xs[0]!, ys.at(-1)! - ys[0]!) / 2,
  };
}
