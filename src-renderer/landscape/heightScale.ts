/**
 * Loss values → heights in [0, 1]: linear, log10 (Li et al. plot log loss) or symlog (log-like
 * above a small linear threshold, so exact zeros such as Rosenbrock's minimum stay finite),
 * capped at a `loss max` (the user's, or a robust one: a high percentile) so one spike or a
 * divergent corner does not flatten the rest. Also the tick values of the colorbar.
 */
export type HeightMode = 'linear' | 'log' | 'symlog';

export const HEIGHT_MODES: readonly HeightMode[] = ['linear', 'log', 'symlog'];

export interface HeightScale {
  readonly mode: HeightMode;
  /** Loss at height 0 and 1 (after clipping). */
  readonly lo: number;
  readonly hi: number;
  /** The cap when it cut finite values above it (the colorbar says "capped at …"), else null. */
  readonly capped: number | null;
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
  const capped = hi < range.max ? hi : null;
  if (mode === 'symlog') {
    if (hi <= lo) hi = lo + 1;
    // Linear below c (the 2nd percentile of the rise above the minimum), log10 above it.
    const rises = finiteSorted(values)
      .map((v) => v - lo)
      .filter((v) => v > 0);
    const c = Math.max(percentileOf(rises, 0.02) || (hi - lo) * 1e-3, (hi - lo) * 1e-9);
    const f = (v: number) => Math.log10(1 + Math.max(0, v - lo) / c);
    const span = f(hi);
    return {
      mode,
      lo,
      hi,
      capped,
      normalize: (v) => (Number.isNaN(v) ? Number.NaN : clamp01(f(v) / span)),
      invert: (h) => lo + c * (10 ** (h * span) - 1),
    };
  }
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
      capped,
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
    capped,
    normalize: (v) => (Number.isNaN(v) ? Number.NaN : clamp01((v - lo) / span)),
    invert: (h) => lo + h * span,
  };
}

/** Finite values, ascending. */
function finiteSorted(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k]!)) out.push(values[k]!);
  return out.sort((a, b) => a - b);
}

/** The q-quantile (0…1) of ascending values, linearly interpolated; NaN when empty. */
function percentileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const x = q * (sorted.length - 1);
  const i = Math.floor(x);
  const j = Math.min(sorted.length - 1, i + 1);
  return sorted[i]! + (sorted[j]! - sorted[i]!) * (x - i);
}

/** The quantile of the cap, and how far past it the max must be for a cap to be worth it. */
export const CAP_QUANTILE = 0.99;
const CAP_EXCESS = 0.5;

/**
 * A robust height cap: the 99th percentile, when the max lies far above it (more than half the
 * range below it again) — an isolated spike, or the huge values around a divergent region.
 * Null when the values are well spread (a smooth bowl is never capped).
 */
export function robustCap(values: ArrayLike<number>): number | null {
  const sorted = finiteSorted(values);
  if (sorted.length < 16) return null;
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  const cap = percentileOf(sorted, CAP_QUANTILE);
  return max - cap > CAP_EXCESS * (cap - min) && cap > min ? cap : null;
}

/**
 * The height mode a surface opens with: symlog when its rise above the minimum spans more than
 * two decades from the 10th to the 99th percentile (Rosenbrock, Beale, a divergent corner),
 * else linear (a bowl spans about one).
 */
export function defaultHeightMode(values: ArrayLike<number>): HeightMode {
  const sorted = finiteSorted(values);
  if (sorted.length < 4) return 'linear';
  const min = sorted[0]!;
  const low = percentileOf(sorted, 0.1) - min;
  const high = percentileOf(sorted, 0.99) - min;
  return low > 0 ? (high / low > 100 ? 'symlog' : 'linear') : high > 0 ? 'symlog' : 'linear';
}

/** The scale a view draws: the user's loss max, else the robust cap when it is on. */
export function surfaceScale(
  values: ArrayLike<number>,
  style: { heightMode: HeightMode; clipMax: number | null; robustCap: boolean },
): HeightScale {
  const cap = style.clipMax ?? (style.robustCap ? robustCap(values) : null);
  return heightScale(values, style.heightMode, cap);
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
