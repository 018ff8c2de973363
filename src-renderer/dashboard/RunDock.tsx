/**
 * The run dashboard, docked under the workspace: notices, chart settings (smoothing, x axis),
 * one chart per metric the launched graph records (its view.chart blocks set each chart's
 * initial smoothing and log y; the user's toggles win afterwards) with every visible run overlaid, the runs table, and the decision
 * boundary for 2D classifiers. Collapsible and resizable by its top edge.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import type { MetricName } from '../../src-shared/protocol/events';
import { engineRuntime, useRunState } from '../engine/runtime';
import { BoundaryView } from './BoundaryView';
import { drawnCharts } from './chartRegistry';
import { chartSpecs, DEFAULT_SMOOTHING } from './chartSpecs';
import { exportChartPng, exportRunsCsv } from './exports';
import { MetricChart } from './MetricChart';
import type { XAxis } from './metrics';
import { exportRunModel } from './modelExport';
import { RunsTable } from './RunsTable';
import { SpectrumView } from './SpectrumView';
import { installChartsTestHook } from './testHook';
import './dashboard.css';

const MIN_HEIGHT = 180;

function useDockHeight(initial: number) {
  const [height, setHeight] = useState(initial);
  const startDrag = (event: React.PointerEvent) => {
    const startY = event.clientY;
    const startHeight = height;
    const move = (e: PointerEvent) => {
      const max = window.innerHeight - 220;
      setHeight(Math.max(MIN_HEIGHT, Math.min(max, startHeight + startY - e.clientY)));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return { height, startDrag };
}

export function RunDock({ store }: { store: DocumentStore }) {
  const runtime = useMemo(() => engineRuntime(store), [store]);
  const state = useRunState(runtime.runs);
  const [open, setOpen] = useState(false);
  // The user's settings, over the graph's: null / absent means "as the graph says".
  const [smoothing, setSmoothing] = useState<number | null>(null);
  const [xAxis, setXAxis] = useState<XAxis>('step');
  const [logY, setLogY] = useState<Partial<Record<MetricName, boolean>>>({});
  const [notes, setNotes] = useState<Partial<Record<MetricName, string | null>>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [exported, setExported] = useState<string | null>(null);
  const { height, startDrag } = useDockHeight(340);

  useEffect(
    () => (__ATLAS_TEST_HOOKS__ ? installChartsTestHook(runtime.runs, runtime.client) : undefined),
    [runtime],
  );
  // The first run opens the dock.
  const hasRuns = state.runs.length > 0;
  useEffect(() => {
    if (hasRuns) setOpen(true);
  }, [hasRuns]);

  const specs = useMemo(() => chartSpecs(state.graph), [state.graph]);
  // Another graph's charts: its own settings apply again.
  const specsKey = JSON.stringify(specs);
  useEffect(() => {
    void specsKey;
    setLogY({});
    setSmoothing(null);
  }, [specsKey]);
  const charts = specs.filter(({ metric }) =>
    state.runs.some((r) => r.visible && (r.series[metric]?.step.length ?? 0) > 0),
  );
  const shownSmoothing = smoothing ?? specs[0]?.smoothing ?? DEFAULT_SMOOTHING;
  const selectedRuns = state.runs.filter((r) => selected.has(r.key));
  const boundaryRun = state.boundary
    ? state.runs.find((r) => r.key === `${state.boundary!.launch}/${state.boundary!.run}`)
    : undefined;

  const exportCsv = async () => {
    const runs = selectedRuns.length > 0 ? selectedRuns : state.runs.filter((r) => r.visible);
    if (runs.length === 0) return;
    const where = await exportRunsCsv(runs);
    if (where)
      setExported(`Exported ${runs.length} run${runs.length === 1 ? '' : 's'} to ${where}`);
  };

  return (
    <section
      className={`run-dock${open ? ' is-open' : ''}`}
      style={open ? { height } : undefined}
      aria-label="Run dashboard"
      data-testid="run-dock"
    >
      {open && <div className="dock-resize" onPointerDown={startDrag} aria-hidden="true" />}
      <header className="dock-header">
        <button
          type="button"
          className="dock-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span className="dock-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Dashboard
          <span className="dock-count">{state.runs.length}</span>
        </button>
        {state.notice && (
          <div
            className={`dock-notice notice-${state.notice.kind}`}
            role="alert"
            data-testid="run-notice"
          >
            <strong>{state.notice.title}</strong>
            <span className="dock-notice-lines">{state.notice.lines.join(' · ')}</span>
            {state.notice.kind === 'restart' && (
              <button
                type="button"
                className="dock-button is-primary"
                onClick={runtime.session.restart}
              >
                Restart run
              </button>
            )}
            <button
              type="button"
              className="dock-button"
              onClick={() => runtime.runs.setNotice(null)}
            >
              Dismiss
            </button>
          </div>
        )}
        {exported && !state.notice && (
          <div className="dock-notice notice-info" role="status">
            {exported}
            <button type="button" className="dock-button" onClick={() => setExported(null)}>
              OK
            </button>
          </div>
        )}
        <span className="dock-spacer" />
        {open && (
          <div className="dock-settings">
            <label
              className="dock-field"
              title="TensorBoard-style debiased exponential moving average"
            >
              Smoothing
              <input
                type="range"
                min={0}
                max={0.99}
                step={0.01}
                value={shownSmoothing}
                aria-label="Smoothing"
                data-testid="smoothing"
                onChange={(e) => setSmoothing(Number(e.currentTarget.value))}
              />
              <output>{shownSmoothing.toFixed(2)}</output>
            </label>
            <fieldset className="segmented" aria-label="x axis">
              {(['step', 'epoch', 'time'] as const).map((axis) => (
                <button
                  key={axis}
                  type="button"
                  aria-pressed={xAxis === axis}
                  className={xAxis === axis ? 'is-on' : ''}
                  onClick={() => setXAxis(axis)}
                >
                  {axis === 'time' ? 'wall time' : axis}
                </button>
              ))}
            </fieldset>
            <button
              type="button"
              className="dock-button"
              data-testid="export-csv"
              disabled={state.runs.length === 0}
              title="Export the selected runs' metrics (all visible runs when none is selected)"
              onClick={() => void exportCsv()}
            >
              Export CSV
            </button>
          </div>
        )}
      </header>
      {open && (
        <div className="dock-body">
          <div className="dock-runs">
            <RunsTable
              runs={state.runs}
              group={state.group}
              store={runtime.runs}
              selected={selected}
              canExportModel={(run) => run.launch === state.engine.launch}
              onExportModel={(run) =>
                void exportRunModel(runtime.client, run.runId, run.name).then(
                  (line) => line && setExported(line),
                )
              }
              onSelect={(key, on) =>
                setSelected((prior) => {
                  const next = new Set(prior);
                  if (on) next.add(key);
                  else next.delete(key);
                  return next;
                })
              }
            />
          </div>
          <div className="dock-charts" data-testid="charts">
            <SpectrumView runs={state.runs} version={state.version} />
            {charts.length === 0 && (
              <p className="dock-empty">Charts appear here as a run streams its metrics.</p>
            )}
            {charts.map((spec) => {
              const { metric, title } = spec;
              const log = logY[metric] ?? spec.logY;
              const note = log ? (notes[metric] ?? null) : null;
              return (
                <div key={metric} className="chart-cell">
                  <MetricChart
                    metric={metric}
                    title={title}
                    runs={state.runs}
                    version={state.version}
                    options={{
                      xAxis,
                      smoothing: smoothing ?? spec.smoothing,
                      logY: log,
                      decades: spec.decades,
                    }}
                    onNote={(next) =>
                      setNotes((prior) =>
                        prior[metric] === next ? prior : { ...prior, [metric]: next },
                      )
                    }
                  />
                  <div className="chart-actions">
                    <button
                      type="button"
                      className={`chip${log ? ' is-on' : ''}${note ? ' is-fallback' : ''}`}
                      aria-pressed={log}
                      data-testid="log-y"
                      title={
                        note
                          ? `Logarithmic y axis; ${note} (a log axis has no place for them)`
                          : 'Logarithmic y axis'
                      }
                      onClick={() => setLogY((prior) => ({ ...prior, [metric]: !log }))}
                    >
                      log y{note && <span className="chip-note">{note}</span>}
                    </button>
                    <button
                      type="button"
                      className="chip"
                      title="Save this chart as PNG"
                      onClick={() => {
                        const chart = drawnCharts.get(metric);
                        if (chart) void exportChartPng(chart);
                      }}
                    >
                      PNG
                    </button>
                  </div>
                </div>
              );
            })}
          </div>
          {state.boundary && (
            <div className="dock-boundary">
              <BoundaryView boundary={state.boundary} runName={boundaryRun?.name ?? null} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
