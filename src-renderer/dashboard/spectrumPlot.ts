/**
 * The spectrum view's arithmetic, apart from drawing: the symlog eigenvalue axis (linear
 * within ±c, logarithmic beyond, so both signs and many decades fit), which measurement a
 * step shows, and the numbers shown beside the plot.
 */
import type { Spectrum } from '../../src-shared/protocol/events';
import type { SpectrumPoint } from '../engine/runStore';

export interface SymlogAxis {
  /** Linear threshold c: |λ| ≤ c is drawn linearly. */
  readonly c: number;
  forward(value: number): number;
  inverse(t: number): number;
  /** Tick values: 0 and ±c·10^k within [lo, hi]. */
  ticks(lo: number, hi: number): number[];
}

/** c is three decades under the largest |λ| (a power of ten, so ticks fall on round numbers). */
export function symlogAxis(lo: number, hi: number): SymlogAxis {
  const top = Math.max(Math.abs(lo), Math.abs(hi), 1e-12);
  const c = 10 ** (Math.floor(Math.log10(top)) - 3);
  const forward = (v: number) => Math.sign(v) * Math.log10(1 + Math.abs(v) / c);
  const inverse = (t: number) => Math.sign(t) * c * (10 ** Math.abs(t) - 1);
  const ticks = (a: number, b: number) => {
    const out = [0];
    for (let k = 0; c * 10 ** k <= top * 1.0001; k++) {
      const v = c * 10 ** k;
      if (v <= b) out.push(v);
      if (-v >= a) out.push(-v);
    }
    return out.filter((v) => v >= a && v <= b).sort((x, y) => x - y);
  };
  return { c, forward, inverse, ticks };
}

/** The measurement at or before `step` (null: the latest one; the live view). */
export function spectrumAt(
  spectra: readonly SpectrumPoint[],
  step: number | null,
): SpectrumPoint | null {
  if (step === null) return spectra.at(-1) ?? null;
  let found: SpectrumPoint | null = null;
  for (const point of spectra) {
    if (point.step > step) break;
    found = point;
  }
  return found ?? spectra[0] ?? null;
}

export interface SpectrumStats {
  readonly lambdaMax: number;
  readonly lambdaMin: number;
  /** λmax/λmin when the spectrum is positive; null when indefinite (λmin ≤ 0). */
  readonly condition: number | null;
  readonly negativeFraction: number;
}

export function spectrumStats(s: Spectrum): SpectrumStats {
  return {
    lambdaMax: s.lambdaMax,
    lambdaMin: s.lambdaMin,
    condition: s.lambdaMin > 0 ? s.lambdaMax / s.lambdaMin : null,
    negativeFraction: s.negativeFraction,
  };
}

/** Densities are drawn on a log scale down to this fraction of the peak. */
export const DENSITY_FLOOR = 1e-6;

/** Tick labels: 1e-4 rather than 1.00e-4, so decades stay short. */
export function formatTick(v: number): string {
  const a = Math.abs(v);
  if (v === 0) return '0';
  if (a < 1e-2 || a >= 1e4) return `${v < 0 ? '-' : ''}1e${Math.round(Math.log10(a))}`;
  return String(v);
}

export function formatNumber(v: number): string {
  const a = Math.abs(v);
  if (v === 0) return '0';
  if (a < 1e-3 || a >= 1e5) return v.toExponential(2);
  return Number(v.toPrecision(4)).toString();
}
