/**
 * Loss values → heights in [0, 1]: linear or log10 (Li et al. plot log loss), clipped at a
 * `loss max` so one spike does not flatten the rest. Also the tick values of the colorbar.
 */
export type HeightMode = 'linear' | 'log';

export interface HeightScale {
  readonly mode: HeightMode;
  /** Loss at height 0 and 1 (after clipping). */
  readonly lo: number;
  readonly hi: number;
  /** Height in [0, 1]; NaN for non-finite loss. */
  normalize(loss: number): number;
  /** The loss at height h ∈ [0, 1]. */
  invert(h: number): number;
}

/** Smallest loss the log scale shows (losses are ≥ 0; exact minima are 0). */
const LOG_FLOOR = 1e-8;

/** Finite min and max of `values`, or null when there are none. */
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}

/**
 * The scale of a surface. `clipMax` (loss max) caps the top; in log mode the bottom is the
 * smallest positive value (or the floor) so exact zeros do not stretch it to −∞.
 */
export function heightScale(
  values: ArrayLike<number>,
  mode: HeightMode,
  clipMax?: number | null,
): HeightScale {
  const range = finiteRange(values) ?? { min: 0, max: 1 };
  let lo = range.min;
  let hi = clipMax != null && clipMax > lo ? Math.min(range.max, clipMax) : range.max;
  if (mode === 'log') {
    let minPositive = Number.POSITIVE_INFINITY;
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      if (v > 0 && v < minPositive) minPositive = v;
    }
    lo = Math.max(LOG_FLOOR, Number.isFinite(minPositive) ? minPositive : LOG_FLOOR);
    hi = Math.max(hi, lo * 10);
    const a = Math.log10(lo);
    const span = Math.log10(hi) - a;
    return {
      mode,
      lo,
      hi,
      normalize: (v) =>
        Number.isNaN(v) ? Number.NaN : clamp01((Math.log10(Math.max(v, lo)) - a) / span),
      invert: (h) => 10 ** (a + h * span),
    };
  }
  if (hi <= lo) hi = lo + 1;
  const span = hi - lo;
  return {
    mode,
    lo,
    hi,
    normalize: (v) => (Number.isNaN(v) ? Number.NaN : clamp01((v - lo) / span)),
    invert: (h) => lo + h * span,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Colorbar ticks: heights in [0, 1] with their loss labels. */
export function scaleTicks(scale: HeightScale, count = 6): { h: number; label: string }[] {
  return Array.from({ length: count }, (_, k) => {
    const h = k / (count - 1);
    return { h, label: formatLoss(scale.invert(h)) };
  });
}

/** Short loss label: 3 significant digits, exponent notation outside [1e-3, 1e4). */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e4) return v.toExponential(1).replace('e+', 'e');
  return Number(v.toPrecision(3)).toString();
}

/** Contour levels evenly spaced in height (so log mode gets log-spaced levels). */
export function contourLevels(scale: HeightScale, count: number): number[] {
  return Array.from({ length: count }, (_, k) => scale.invert((k + 0.5) / count));
}
