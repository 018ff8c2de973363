/**
 * Run / Pause / Step / Stop for the toolbar, with their keyboard shortcuts (listed in the
 * tooltips): F5 run or resume, F6 pause, F10 one step, Shift+F5 stop; and the pace (steps/s),
 * which applies live so a lecture can watch an optimizer move.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { engineRuntime, useRunState } from './runtime';
import './run.css';

type Action = 'run' | 'pause' | 'step' | 'stop';

/** Pace choices; 0 stands for "max" (no limit). */
export const SPEED_CHOICES = [0, 100, 30, 10, 3, 1] as const;

const SHORTCUTS: Record<Action, string> = { run: 'F5', pause: 'F6', step: 'F10', stop: 'Shift+F5' };

function actionFor(event: KeyboardEvent): Action | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'F5') return event.shiftKey ? 'stop' : 'run';
  if (event.key === 'F6' && !event.shiftKey) return 'pause';
  if (event.key === 'F10' && !event.shiftKey) return 'step';
  return null;
}

const ICONS: Record<Action, React.ReactNode> = {
  run: <path d="M5 3.5v9l7.5-4.5z" fill="currentColor" />,
  pause: (
    <g fill="currentColor">
      <rect x="4" y="3.5" width="3" height="9" rx="0.6" />
      <rect x="9" y="3.5" width="3" height="9" rx="0.6" />
    </g>
  ),
  step: (
    <g fill="currentColor">
      <path d="M3.5 3.5v9l6.5-4.5z" />
      <rect x="10.5" y="3.5" width="2.2" height="9" rx="0.6" />
    </g>
  ),
  stop: <rect x="4" y="4" width="8" height="8" rx="1" fill="currentColor" />,
};

export function RunControls({ store }: { store: DocumentStore }) {
  const runtime = useMemo(() => engineRuntime(store), [store]);
  const { engine } = useRunState(runtime.runs);
  const { session } = runtime;
  const running = engine.state === 'running';
  const paused = engine.state === 'paused';
  const [speed, setSpeed] = useState(0);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionFor(event);
      if (!action) return;
      event.preventDefault(); // F5 would reload the page
      session[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  const button = (action: Action, label: string, enabled: boolean) => (
    <button
      type="button"
      className={`tool-button run-button run-${action}`}
      title={`${label} (${SHORTCUTS[action]})`}
      aria-keyshortcuts={SHORTCUTS[action]}
      data-testid={`run-${action}`}
      disabled={!enabled}
      onClick={() => session[action]()}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        {ICONS[action]}
      </svg>
      <span>{label}</span>
    </button>
  );

  return (
    <fieldset className="run-controls" aria-label="Run controls">
      {button('run', paused ? 'Resume' : 'Run', !running)}
      {button('pause', 'Pause', running)}
      {button('step', 'Step', !running)}
      {button('stop', 'Stop', running || paused)}
      <label className="run-speed" title="Steps per second: slow a run down to watch it move">
        <select
          aria-label="Steps per second"
          data-testid="run-speed"
          value={speed}
          onChange={(e) => {
            const next = Number(e.currentTarget.value);
            setSpeed(next);
            session.setSpeed(next === 0 ? null : next);
          }}
        >
          {SPEED_CHOICES.map((v) => (
            <option key={v} value={v}>
              {v === 0 ? 'max' : v}
            </option>
          ))}
        </select>
        <span>steps/s</span>
      </label>
    </fieldset>
  );
}
