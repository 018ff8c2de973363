/**
 * Log-y axis helpers for uPlot that never leave an axis blank: the range is clamped to finite
 * positive decades whatever the data (a diverged run, 40 decades, one point), and ticks always
 * include at least two labelled values.
 */

/** Decades a log axis may span at most (float64 powers of ten stay exact enough here). */
const MIN_EXP = -300;
const MAX_EXP = 300;

const clampExp = (e: number) => Math.min(MAX_EXP, Math.max(MIN_EXP, e));

/** [min, max] for a log scale: whole decades around the finite positive data, never empty. */
export function logRange(dataMin: number | null, dataMax: number | null): [number, number] {
  const lo = dataMin !== null && Number.isFinite(dataMin) && dataMin > 0 ? dataMin : null;
  const hi = dataMax !== null && Number.isFinite(dataMax) && dataMax > 0 ? dataMax : null;
  if (lo === null && hi === null) return [0.1, 10];
  let a = clampExp(Math.floor(Math.log10(lo ?? hi!)));
  let b = clampExp(Math.ceil(Math.log10(hi ?? lo!)));
  if (b <= a) {
    a -= 1;
    b = a + 2;
  }
  return [10 ** a, 10 ** b];
}

/** Log-axis ticks: powers of ten (every k-th decade, at most ~6), or 1-2-5 steps in a short range. */
export function logSplits(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const every = Math.max(1, Math.ceil((hi - lo) / 6));
  const out: number[] = [];
  for (let e = Math.ceil(lo / every) * every; e <= hi; e += every) {
    const v = 10 ** e;
    if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
  }
  if (out.length >= 2) return out;
  for (const mantissas of [
    [1, 2, 5],
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  ]) {
    const fine: number[] = [];
    for (let e = lo; e <= hi; e++) {
      for (const m of mantissas) {
        const v = m * 10 ** e;
        if (v >= min && v <= max) fine.push(v);
      }
    }
    if (fine.length >= 3) return fine;
  }
  return [min, max];
}

/**
 * Linear-axis ticks at 1-2-5 steps for any finite range: uPlot's own increments stop near
 * 1e16, which leaves a diverged run's axis (up to ~1e38) without a single label.
 */
export function linearSplits(min: number, max: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) return [];
  const rough = (max - min) / 5;
  const decade = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * decade).find((s) => s >= rough) ?? 10 * decade;
  const out: number[] = [];
  const first = Math.ceil(min / step);
  // Indexed, not v += step: past 2^53·step an addition no longer moves v.
  for (let i = 0; i <= 12; i++) {
    const v = (first + i) * step;
    if (v > max + step * 1e-9) break;
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out.length >= 2 ? out : [min, max];
}

/** [min, max] for a linear scale: the finite data, padded 5%, never empty or infinite. */
export function linearRange(dataMin: number | null, dataMax: number | null): [number, number] {
  const big = Number.MAX_VALUE / 4;
  const clamp = (v: number) => Math.min(big, Math.max(-big, v));
  const lo = dataMin !== null && Number.isFinite(dataMin) ? clamp(dataMin) : null;
  const hi = dataMax !== null && Number.isFinite(dataMax) ? clamp(dataMax) : null;
  if (lo === null || hi === null) {
    const only = lo ?? hi;
    return only === null ? [0, 1] : [only - 1, only + 1];
  }
  if (hi === lo) return [lo - Math.abs(lo) * 0.1 - 1e-12, hi + Math.abs(hi) * 0.1 + 1e-12];
  const pad = (hi - lo) * 0.05;
  return [lo >= 0 && lo - pad < 0 ? 0 : lo - pad, hi + pad];
}
