/**
 * The sweep's picture: one axis, final loss against the param (log x on log axes); two
 * axes, a heatmap of final loss; more, parallel coordinates. Plain SVG; clicking a mark
 * selects its trial.
 */
import type { SweepAxis } from '../../src-shared/graph';
import type { TrialSummary } from '../../src-shared/protocol/sweep';
import { axisKey } from '../../src-shared/sweep/expand';

const W = 320;
const H = 180;
const PAD = 28;

interface ChartProps {
  readonly axes: readonly SweepAxis[];
  readonly trials: readonly TrialSummary[];
  readonly selected: number | null;
  onSelect(trial: number): void;
}

/** A mark that selects its trial by click or by Enter/Space. */
const selectable = (trial: number, onSelect: (trial: number) => void) => ({
  role: 'button',
  tabIndex: 0,
  onClick: () => onSelect(trial),
  onKeyDown: (event: { key: string }) => {
    if (event.key === 'Enter' || event.key === ' ') onSelect(trial);
  },
});

const finiteLosses = (trials: readonly TrialSummary[]) =>
  trials.map((t) => t.finalLoss).filter((v): v is number => v !== null && Number.isFinite(v));

/** Position in [0, 1] along a param's observed values (log when the axis is). */
function scaler(values: readonly number[], log: boolean): (v: number) => number {
  const f = (v: number) => (log ? Math.log10(v) : v);
  const lo = Math.min(...values.map(f));
  const hi = Math.max(...values.map(f));
  return (v) => (hi > lo ? (f(v) - lo) / (hi - lo) : 0.5);
}

/** Low loss dark blue, high loss yellow; diverged grey. */
function color(t: number | null): string {
  if (t === null) return '#8a8f98';
  const hue = 240 - 180 * t;
  return `hsl(${hue}, 70%, ${35 + 25 * t}%)`;
}

export function SweepChart({ axes, trials, selected, onSelect }: ChartProps) {
  const losses = finiteLosses(trials);
  if (trials.length === 0 || axes.length === 0) {
    return <p className="sweep-empty">Results appear here as trials finish.</p>;
  }
  const logLoss = losses.length > 0 && Math.min(...losses) > 0;
  const lossPos = scaler(losses.length ? losses : [0, 1], logLoss);
  const keys = axes.map(axisKey);
  if (axes.length === 1) {
    const key = keys[0]!;
    const x = scaler(
      trials.map((t) => t.params[key]!),
      axes[0]!.scale === 'log',
    );
    const sorted = [...trials].sort((a, b) => a.params[key]! - b.params[key]!);
    const points = sorted
      .filter((t) => t.finalLoss !== null)
      .map((t) => [
        PAD + x(t.params[key]!) * (W - 2 * PAD),
        H - PAD - lossPos(t.finalLoss!) * (H - 2 * PAD),
      ]);
    return (
      <svg
        className="sweep-chart"
        viewBox={`0 0 ${W} ${H}`}
        aria-label={`final loss against ${key}`}
      >
        <text x={W / 2} y={H - 6} textAnchor="middle">
          {key}
          {axes[0]!.scale === 'log' ? ' (log)' : ''}
        </text>
        <text x={10} y={H / 2} transform={`rotate(-90 10 ${H / 2})`} textAnchor="middle">
          final loss{logLoss ? ' (log)' : ''}
        </text>
        <polyline
          points={points.map((p) => p.join(',')).join(' ')}
          fill="none"
          stroke="currentColor"
        />
        {sorted.map((t) => {
          const cx = PAD + x(t.params[key]!) * (W - 2 * PAD);
          const cy =
            t.finalLoss === null ? PAD / 2 : H - PAD - lossPos(t.finalLoss) * (H - 2 * PAD);
          return (
            <circle
              key={t.trial}
              data-trial={t.trial}
              cx={cx}
              cy={cy}
              r={selected === t.trial ? 6 : 4}
              fill={t.status === 'completed' ? 'currentColor' : '#c0392b'}
              {...selectable(t.trial, onSelect)}
            >
              <title>{`trial ${t.trial}: ${key}=${t.params[key]} · ${t.status} · ${t.finalLoss ?? 'no loss'}`}</title>
            </circle>
          );
        })}
      </svg>
    );
  }
  if (axes.length === 2) {
    const [kx, ky] = keys as [string, string];
    const xs = [...new Set(trials.map((t) => t.params[kx]!))].sort((a, b) => a - b);
    const ys = [...new Set(trials.map((t) => t.params[ky]!))].sort((a, b) => a - b);
    const cw = (W - 2 * PAD) / xs.length;
    const ch = (H - 2 * PAD) / ys.length;
    return (
      <svg
        className="sweep-chart"
        viewBox={`0 0 ${W} ${H}`}
        aria-label={`final loss over ${kx} × ${ky}`}
      >
        <text x={W / 2} y={H - 6} textAnchor="middle">
          {kx}
        </text>
        <text x={10} y={H / 2} transform={`rotate(-90 10 ${H / 2})`} textAnchor="middle">
          {ky}
        </text>
        {trials.map((t) => {
          const i = xs.indexOf(t.params[kx]!);
          const j = ys.indexOf(t.params[ky]!);
          return (
            <rect
              key={t.trial}
              data-trial={t.trial}
              x={PAD + i * cw}
              y={H - PAD - (j + 1) * ch}
              width={cw - 1}
              height={ch - 1}
              fill={color(
                t.finalLoss === null || t.status === 'diverged' ? null : lossPos(t.finalLoss),
              )}
              stroke={selected === t.trial ? 'currentColor' : 'none'}
              strokeWidth={2}
              {...selectable(t.trial, onSelect)}
            >
              <title>{`trial ${t.trial}: ${kx}=${t.params[kx]}, ${ky}=${t.params[ky]} · ${t.status} · ${t.finalLoss ?? 'diverged'}`}</title>
            </rect>
          );
        })}
      </svg>
    );
  }
  // Parallel coordinates: one vertical axis per param, then the final loss.
  const columns = [...keys, 'finalLoss'];
  const colX = (c: number) => PAD + (c * (W - 2 * PAD)) / (columns.length - 1);
  const pos = keys.map((k, i) =>
    scaler(
      trials.map((t) => t.params[k]!),
      axes[i]!.scale === 'log',
    ),
  );
  return (
    <svg
      className="sweep-chart"
      viewBox={`0 0 ${W} ${H}`}
      aria-label="parallel coordinates of the trials"
    >
      {columns.map((c, i) => (
        <g key={c}>
          <line x1={colX(i)} x2={colX(i)} y1={PAD} y2={H - PAD} stroke="#8a8f98" />
          <text x={colX(i)} y={H - 8} textAnchor="middle">
            {c}
          </text>
        </g>
      ))}
      {trials.map((t) => {
        const ys = [
          ...keys.map((k, i) => pos[i]!(t.params[k]!)),
          t.finalLoss === null ? 1 : lossPos(t.finalLoss),
        ].map((p) => H - PAD - p * (H - 2 * PAD));
        return (
          <polyline
            key={t.trial}
            data-trial={t.trial}
            points={ys.map((y, i) => `${colX(i)},${y}`).join(' ')}
            fill="none"
            stroke={color(t.finalLoss === null ? null : lossPos(t.finalLoss))}
            strokeWidth={selected === t.trial ? 3 : 1.5}
            {...selectable(t.trial, onSelect)}
          />
        );
      })}
    </svg>
  );
}
