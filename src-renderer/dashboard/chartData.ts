/**
 * Turns runs' series of one metric into uPlot's aligned form: one shared, sorted x array and
 * one y array per run (null where that run has no point), smoothed on request. A log-y chart
 * whose visible values include some ≤ 0 (Newton reaching exactly 0, a saddle's negative loss)
 * stays log: those values sit at the smallest positive value seen, and the note says so. Only
 * with no positive value at all is it drawn linear. A chart limited to some decades below its
 * top draws smaller values at that floor (Newton's 1e-12 would squash five other curves into
 * the top of the Rosenbrock race), again saying so.
 */
import type { MetricName } from '../../src-shared/protocol/events';
import type { ParamMark, RunRecord } from '../engine/runStore';
import type { XAxis } from './metrics';
import { debiasedEma } from './smoothing';

export interface ChartLine {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly raw: boolean;
}

export interface ChartData {
  readonly x: number[];
  readonly ys: (number | null)[][];
  readonly lines: ChartLine[];
  /** Param changes to mark on the x axis. */
  readonly marks: { x: number; color: string; label: string }[];
  /** The y scale drawn: log when asked for and some visible value is positive. */
  readonly logY: boolean;
  /** What a log-y chart did with values ≤ 0 (a chart never hides data), or null. */
  readonly note: string | null;
  /** The floor values ≤ 0 are drawn at on a log chart, or null. */
  readonly clampedAt: number | null;
}

export const LINEAR_FALLBACK_NOTE = 'linear: no value > 0';

/** The chip's note for values drawn at `floor` on a log axis: ≤ 0, or below a decades limit. */
export function clampNote(floor: number, belowLimit = false): string {
  const at = Number(floor.toPrecision(3));
  return belowLimit ? `values below ${at} shown at ${at}` : `values ≤ 0 shown at ${at}`;
}

export interface ChartOptions {
  readonly xAxis: XAxis;
  readonly smoothing: number;
  readonly logY: boolean;
  /** Log y: decades shown below the highest value; 0 or absent: all. */
  readonly decades?: number;
}

/** Merges sorted x arrays into their sorted union, each y placed at its x. */
export function alignSeries(
  series: readonly { x: readonly number[]; y: readonly (number | null)[] }[],
): { x: number[]; ys: (number | null)[][] } {
  const all = new Set<number>();
  for (const s of series) for (const v of s.x) all.add(v);
  const x = [...all].sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array(x.length).fill(null);
    s.x.forEach((v, i) => {
      y[index.get(v)!] = s.y[i] ?? null;
    });
    return y;
  });
  return { x, ys };
}

function markLabel(mark: ParamMark): string {
  const value = typeof mark.value === 'number' ? Number(mark.value.toPrecision(4)) : mark.value;
  return `${mark.name}=${JSON.stringify(value)}`;
}

export function chartData(
  runs: readonly RunRecord[],
  metric: MetricName,
  options: ChartOptions,
): ChartData {
  const inputs: { x: readonly number[]; y: (number | null)[] }[] = [];
  const lines: ChartLine[] = [];
  const marks: ChartData['marks'] = [];
  let nonPositive = false;
  let minPositive = Number.POSITIVE_INFINITY;
  let maxPositive = 0;
  const finite = (v: number | null) => {
    if (v === null || !Number.isFinite(v)) return null;
    if (v <= 0) nonPositive = true;
    else {
      if (v < minPositive) minPositive = v;
      if (v > maxPositive) maxPositive = v;
    }
    return v;
  };
  for (const run of runs) {
    const s = run.series[metric];
    if (!run.visible || !s || s.step.length === 0) continue;
    const x = s[options.xAxis];
    const values = s.value.map(finite);
    if (options.smoothing > 0) {
      inputs.push({ x, y: values });
      lines.push({ key: run.key, name: run.name, color: run.color, raw: true });
      inputs.push({ x, y: debiasedEma(values, options.smoothing) });
    } else {
      inputs.push({ x, y: values });
    }
    lines.push({ key: run.key, name: run.name, color: run.color, raw: false });
    for (const mark of run.marks) {
      marks.push({ x: mark[options.xAxis], color: run.color, label: markLabel(mark) });
    }
  }
  const { x, ys } = alignSeries(inputs);
  const decades = options.decades ?? 0;
  const limit = decades > 0 && maxPositive > 0 ? maxPositive / 10 ** decades : 0;
  const belowLimit = options.logY && limit > minPositive;
  const floor = belowLimit ? limit : minPositive;
  const clamp = options.logY && (nonPositive || belowLimit) && Number.isFinite(minPositive);
  const fallback = options.logY && nonPositive && !clamp;
  return {
    x,
    ys: clamp ? ys.map((y) => y.map((v) => (v !== null && v < floor ? floor : v))) : ys,
    lines,
    marks,
    logY: options.logY && !fallback,
    note: clamp ? clampNote(floor, belowLimit) : fallback ? LINEAR_FALLBACK_NOTE : null,
    clampedAt: clamp ? floor : null,
  };
}
