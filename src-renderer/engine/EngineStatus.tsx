/** The status bar's engine item: state, progress (step, epoch, steps/s, ETA) and backend. */

import type { RunRecord } from './runStore';
import { sessionRuns, useRunState } from './runtime';

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function progress(runs: readonly RunRecord[]): string | null {
  const active = runs.filter((r) => r.phase === 'running' || r.phase === 'paused');
  if (active.length === 0) return null;
  const lead = active.reduce((a, b) => (b.totalSteps - b.step > a.totalSteps - a.step ? b : a));
  const rate = active.reduce((sum, r) => sum + r.stepsPerSecond, 0) / active.length;
  const eta = rate > 0 ? (lead.totalSteps - lead.step) / rate : Number.NaN;
  const parts = [
    `step ${lead.step.toLocaleString('en')} / ${lead.totalSteps.toLocaleString('en')}`,
    `epoch ${lead.epoch}`,
  ];
  if (lead.phase === 'running')
    parts.push(
      `${rate >= 100 ? Math.round(rate) : rate.toFixed(1)} steps/s`,
      `ETA ${duration(eta)}`,
    );
  if (active.length > 1) parts.push(`${active.length} runs`);
  return parts.join(' · ');
}

export function EngineStatus() {
  const { engine, runs } = useRunState(sessionRuns);
  const line = progress(runs);
  const label = engine.state === 'finished' ? 'done' : engine.state;
  return (
    <>
      {line && (
        <span className="status-item engine-progress" data-testid="run-progress">
          {line}
        </span>
      )}
      <span
        className={`status-item engine-state state-${engine.state}`}
        data-testid="engine-status"
      >
        <span className="engine-dot" aria-hidden="true" />
        Engine: {label}
      </span>
      <span
        className="status-item engine-backend"
        data-testid="engine-backend"
        title={engine.reason}
      >
        {engine.backend
          ? `${engine.backend}${engine.host ? ` · ${engine.host}` : ''}`
          : 'starting…'}
      </span>
    </>
  );
}
