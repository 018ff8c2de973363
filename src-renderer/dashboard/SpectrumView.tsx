/**
 * The Hessian's eigenvalue spectral density (metric.hessianDensity) of each visible run:
 * density on a log scale against eigenvalues on a symlog axis, one curve per run in its
 * colour. It follows the shared cursor step (chart hover, landscape scrubbing); its own
 * scrubber sets that step too. λmax, λmin, the condition number and the fraction of negative
 * eigenvalues are shown beside it.
 */
import { useEffect, useRef, useState } from 'react';
import { cursorStep, useCursorStep } from '../engine/cursorStep';
import type { RunRecord } from '../engine/runStore';
import {
  DENSITY_FLOOR,
  formatNumber,
  formatTick,
  spectrumAt,
  spectrumStats,
  symlogAxis,
} from './spectrumPlot';

const HEIGHT = 136;
/** Ticks closer than this (px) are skipped, keeping 0 and the outer decades. */
const MIN_TICK_GAP = 44;
const PAD = { left: 44, right: 10, top: 10, bottom: 26 };

interface Shown {
  readonly run: RunRecord;
  readonly step: number;
  readonly spectrum: NonNullable<ReturnType<typeof spectrumAt>>['spectrum'];
}

function draw(canvas: HTMLCanvasElement, shown: readonly Shown[], hoverX: number | null): string {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(HEIGHT * ratio);
  const g = canvas.getContext('2d');
  if (!g) return '';
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, HEIGHT);
  // The protocol gives every spectrum 2+ grid points and one weight per point.
  const lo = Math.min(...shown.map((s) => s.spectrum.grid[0]!));
  const hi = Math.max(...shown.map((s) => s.spectrum.grid[s.spectrum.grid.length - 1]!));
  const axis = symlogAxis(lo, hi);
  const [t0, t1] = [axis.forward(lo), axis.forward(hi)];
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const px = (v: number) => PAD.left + ((axis.forward(v) - t0) / (t1 - t0 || 1)) * plotW;
  const peak = Math.max(...shown.flatMap((s) => s.spectrum.weights), 1e-300);
  const floor = Math.log10(DENSITY_FLOOR);
  const py = (w: number) => {
    const t = Math.max(Math.log10(Math.max(w / peak, 1e-300)), floor);
    return PAD.top + (t / floor) * plotH;
  };
  g.font = '10px system-ui, sans-serif';
  g.strokeStyle = 'rgba(139,148,165,0.18)';
  g.fillStyle = '#8b94a5';
  g.textAlign = 'center';
  const ticks = axis.ticks(lo, hi);
  // Keep 0; drop decades crowding it from both sides, inner first.
  const ordered = [...ticks].sort((a, b) => Math.abs(b) - Math.abs(a));
  const kept = new Set<number>(ticks.includes(0) ? [0] : []);
  for (const tick of ordered) {
    if ([...kept].every((k) => Math.abs(px(k) - px(tick)) >= MIN_TICK_GAP)) kept.add(tick);
  }
  for (const tick of ticks) {
    if (!kept.has(tick)) continue;
    const x = px(tick);
    g.beginPath();
    g.moveTo(x, PAD.top);
    g.lineTo(x, PAD.top + plotH);
    g.stroke();
    g.fillText(formatTick(tick), x, HEIGHT - 10);
  }
  g.textAlign = 'right';
  for (let d = 0; d >= floor; d -= 2) {
    const y = PAD.top + (d / floor) * plotH;
    g.fillText(d === 0 ? 'peak' : `1e${d}`, PAD.left - 4, y + 3);
  }
  if (lo < 0 && hi > 0) {
    g.strokeStyle = 'rgba(240,240,240,0.5)';
    g.setLineDash([3, 3]);
    g.beginPath();
    g.moveTo(px(0), PAD.top);
    g.lineTo(px(0), PAD.top + plotH);
    g.stroke();
    g.setLineDash([]);
  }
  for (const s of shown) {
    const { grid, weights } = s.spectrum;
    g.beginPath();
    g.moveTo(px(grid[0]!), PAD.top + plotH);
    for (let i = 0; i < grid.length; i++) g.lineTo(px(grid[i]!), py(weights[i]!));
    g.lineTo(px(grid[grid.length - 1]!), PAD.top + plotH);
    g.closePath();
    g.globalAlpha = 0.18;
    g.fillStyle = s.run.color;
    g.fill();
    g.globalAlpha = 1;
    g.strokeStyle = s.run.color;
    g.lineWidth = 1.5;
    g.beginPath();
    for (let i = 0; i < grid.length; i++) {
      if (i === 0) g.moveTo(px(grid[i]!), py(weights[i]!));
      else g.lineTo(px(grid[i]!), py(weights[i]!));
    }
    g.stroke();
  }
  if (hoverX === null || hoverX < PAD.left || hoverX > PAD.left + plotW) return '';
  const lambda = axis.inverse(t0 + ((hoverX - PAD.left) / plotW) * (t1 - t0));
  g.strokeStyle = 'rgba(240,240,240,0.6)';
  g.beginPath();
  g.moveTo(hoverX, PAD.top);
  g.lineTo(hoverX, PAD.top + plotH);
  g.stroke();
  const parts = shown.map((s) => {
    const { grid, weights } = s.spectrum;
    let i = 0;
    while (i + 1 < grid.length && grid[i + 1]! <= lambda) i++;
    return `${s.run.name}: ${formatNumber(weights[i]!)}`;
  });
  return `λ = ${formatNumber(lambda)} · mass ${parts.join(' · ')}`;
}

export function SpectrumView({ runs, version }: { runs: readonly RunRecord[]; version: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const cursor = useCursorStep();
  const [hoverX, setHoverX] = useState<number | null>(null);
  const [readout, setReadout] = useState('');
  const withSpectra = runs.filter((r) => r.visible && (r.spectra?.length ?? 0) > 0);
  const shown: Shown[] = withSpectra.flatMap((run) => {
    const at = spectrumAt(run.spectra!, cursor.step);
    return at ? [{ run, step: at.step, spectrum: at.spectrum }] : [];
  });
  const steps = [...new Set(withSpectra.flatMap((r) => r.spectra!.map((p) => p.step)))].sort(
    (a, b) => a - b,
  );
  const stepShown = shown[0]?.step ?? 0;

  useEffect(() => {
    void version;
    if (canvas.current && shown.length > 0) setReadout(draw(canvas.current, shown, hoverX));
  });

  if (shown.length === 0) return null;
  const index = Math.max(0, steps.indexOf(stepShown));
  return (
    <section className="spectrum-view" data-testid="spectrum-view" aria-label="Hessian spectrum">
      <header className="spectrum-header">
        <strong>Hessian spectrum</strong>
        <span className="spectrum-step" data-testid="spectrum-step">
          step {stepShown}
          {cursor.step === null ? ' · live' : ''}
        </span>
        <input
          type="range"
          min={0}
          max={Math.max(0, steps.length - 1)}
          value={index}
          aria-label="Spectrum step"
          data-testid="spectrum-scrubber"
          onChange={(e) => cursorStep.set(steps[Number(e.currentTarget.value)] ?? null, 'chart')}
          onDoubleClick={() => cursorStep.release('chart')}
          title="Scrub the measured steps (the charts and the landscape follow); double-click for live"
        />
      </header>
      <div className="spectrum-body">
        <div className="spectrum-plot">
          <canvas
            ref={canvas}
            style={{ width: '100%', height: HEIGHT }}
            onPointerMove={(e) => setHoverX(e.nativeEvent.offsetX)}
            onPointerLeave={() => setHoverX(null)}
            aria-label="Eigenvalue density, symlog eigenvalue axis, log density axis"
            role="img"
          />
          <div className="spectrum-readout">{readout || 'eigenvalue λ (symlog)'}</div>
        </div>
        <dl className="spectrum-stats" data-testid="spectrum-stats">
          {shown.map(({ run, spectrum }) => {
            const s = spectrumStats(spectrum);
            return (
              <div key={run.key} className="spectrum-run">
                <dt style={{ color: run.color }}>{run.name}</dt>
                <dd>
                  λmax <b>{formatNumber(s.lambdaMax)}</b>
                </dd>
                <dd>
                  λmin <b>{formatNumber(s.lambdaMin)}</b>
                </dd>
                <dd data-testid="spectrum-condition">
                  κ = λmax/λmin{' '}
                  <b>{s.condition === null ? 'indefinite' : formatNumber(s.condition)}</b>
                </dd>
                <dd data-testid="spectrum-negative">
                  negative <b>{(100 * s.negativeFraction).toFixed(1)} %</b>
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
    </section>
  );
}
