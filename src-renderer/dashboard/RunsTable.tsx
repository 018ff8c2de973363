/**
 * The session's runs: colour and visibility, name (double-click to rename), optimizer and key
 * hyper-params, status (`diverged at step k`), final metrics, backend; select rows to export.
 */
import { useState } from 'react';
import type { RunRecord, RunStore } from '../engine/runStore';

function short(value: unknown): string {
  if (typeof value === 'number') {
    const a = Math.abs(value);
    return a !== 0 && (a < 1e-3 || a >= 1e5)
      ? value.toExponential(1)
      : String(Number(value.toPrecision(3)));
  }
  return String(value);
}

const HYPER_LABELS: Record<string, string> = {
  beta1: 'β₁',
  beta2: 'β₂',
  beta: 'β',
  weightDecay: 'wd',
  momentum: 'μ',
};

function hyperText(run: RunRecord): string {
  return Object.entries(run.hyper)
    .filter(([name, value]) => name === 'lr' || (value !== 0 && value !== false))
    .map(([name, value]) =>
      value === true ? name : `${HYPER_LABELS[name] ?? name} ${short(value)}`,
    )
    .join(' · ');
}

function statusText(run: RunRecord): string {
  if (run.phase === 'diverged') return `diverged at step ${run.divergedAt ?? run.step}`;
  if (run.phase === 'running' || run.phase === 'paused') {
    return `${run.phase} · ${run.step}/${run.totalSteps}`;
  }
  return run.phase;
}

function finalText(run: RunRecord): React.ReactNode {
  const parts: string[] = [];
  const loss = run.finalLoss ?? run.last.loss;
  if (loss != null) parts.push(`loss ${short(loss)}`);
  if (run.last.valLoss != null) parts.push(`val ${short(run.last.valLoss)}`);
  if (run.last.valAccuracy != null) parts.push(`acc ${(run.last.valAccuracy * 100).toFixed(1)}%`);
  if (parts.length === 0) return '—';
  return parts.map((part) => <span key={part}>{part}</span>);
}

function NameCell({ run, store }: { run: RunRecord; store: RunStore }) {
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <button
        type="button"
        className="run-name"
        title="Double-click to rename"
        onDoubleClick={() => setEditing(true)}
      >
        {run.name}
      </button>
    );
  }
  return (
    <input
      className="run-name-input"
      aria-label="Run name"
      defaultValue={run.name}
      // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
      autoFocus
      onBlur={(e) => {
        store.rename(run.key, e.currentTarget.value);
        setEditing(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}

export function RunsTable(props: {
  runs: readonly RunRecord[];
  /** The latest launch's group: hidden runs of other graphs fold away behind one row. */
  group: number;
  store: RunStore;
  selected: ReadonlySet<string>;
  onSelect(key: string, selected: boolean): void;
  /** The engine still holds this run (the latest launch): its model can be exported. */
  canExportModel?(run: RunRecord): boolean;
  onExportModel?(run: RunRecord): void;
}) {
  const { store } = props;
  const [showEarlier, setShowEarlier] = useState(false);
  const folded = props.runs.filter((r) => r.group !== props.group && !r.visible);
  const runs = showEarlier ? props.runs : props.runs.filter((r) => !folded.includes(r));
  if (props.runs.length === 0)
    return <p className="dock-empty">No runs yet. Press Run (F5) to train the graph.</p>;
  return (
    <table className="runs-table" data-testid="runs-table">
      <thead>
        <tr>
          <th>
            <span className="visually-hidden">Select for export</span>
          </th>
          <th>
            <span className="visually-hidden">Visible</span>
          </th>
          <th>Run</th>
          <th>Optimizer</th>
          <th>Status</th>
          <th title="Final metrics (latest while running)">Last</th>
          <th>
            <span className="visually-hidden">Export model</span>
          </th>
          <th>
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr
            key={run.key}
            className={`run-row phase-${run.phase}${run.visible ? '' : ' is-hidden'}`}
            data-testid="run-row"
            data-run={run.key}
          >
            <td>
              <input
                type="checkbox"
                aria-label={`Select ${run.name} for export`}
                checked={props.selected.has(run.key)}
                onChange={(e) => props.onSelect(run.key, e.currentTarget.checked)}
              />
            </td>
            <td>
              <button
                type="button"
                className="run-swatch"
                style={{ '--run-color': run.color } as React.CSSProperties}
                aria-pressed={run.visible}
                title={run.visible ? 'Hide from the charts' : 'Show on the charts'}
                onClick={() => store.setVisible(run.key, !run.visible)}
              />
            </td>
            <td className="run-name-cell">
              <NameCell run={run} store={store} />
              <span className="run-backend" title="tfjs backend">
                {run.backend}
              </span>
            </td>
            <td
              className="run-optimizer"
              title={`${run.model}${run.dataset ? ` on ${run.dataset}` : ''}`}
            >
              <span>{run.optimizer.replace(/^optimizer\./, '')}</span>
              <span className="run-hyper">{hyperText(run)}</span>
            </td>
            <td className="run-status" data-testid="run-status" title={run.reason ?? undefined}>
              {statusText(run)}
            </td>
            <td className="run-final">{finalText(run)}</td>
            <td>
              {props.onExportModel && (
                <button
                  type="button"
                  className="run-export-model"
                  data-testid="export-model"
                  title={
                    props.canExportModel?.(run)
                      ? 'Export this model (TensorFlow.js Layers: model.json + weights.bin)'
                      : 'Only runs of the latest launch can be exported'
                  }
                  aria-label={`Export the model of ${run.name}`}
                  disabled={!props.canExportModel?.(run)}
                  onClick={() => props.onExportModel?.(run)}
                >
                  ⤓
                </button>
              )}
            </td>
            <td>
              <button
                type="button"
                className="run-remove"
                title={
                  run.phase === 'running' || run.phase === 'paused'
                    ? 'Stop the run to remove it'
                    : 'Remove this run'
                }
                aria-label={`Remove ${run.name}`}
                disabled={run.phase === 'running' || run.phase === 'paused'}
                onClick={() => store.remove(run.key)}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
        {folded.length > 0 && (
          <tr className="runs-earlier">
            <td colSpan={8}>
              <button
                type="button"
                className="dock-button"
                data-testid="show-earlier-runs"
                onClick={() => setShowEarlier(!showEarlier)}
              >
                {showEarlier
                  ? 'Fold earlier runs of other graphs'
                  : `${folded.length} earlier run${folded.length === 1 ? '' : 's'} of other graphs hidden · show`}
              </button>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
