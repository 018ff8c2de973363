/**
 * The sweep on the canvas: its settings, its axes (each removable), Run/Stop, results as a
 * sortable table and a chart, export as CSV or JSON, and "Apply best" (one undoable step).
 * Trials run on a pool of Web Workers in web mode. The panel can be hidden to one line (it lies
 * over the graph) or made larger.
 */
import { useMemo, useState } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { formatShort } from '../../src-shared/graph';
import { axisKey, expandSweep } from '../../src-shared/sweep/expand';
import { sweepResultsToCsv, sweepResultsToJson } from '../../src-shared/sweep/results';
import { bestTrial } from '../../src-shared/sweep/run-sweep';
import { useDocument } from '../document/useDocument';
import { engineRuntime } from '../engine/runtime';
import { openTrial, trialRunName } from './openTrial';
import { SweepChart } from './SweepChart';
import { SweepResultsTable } from './SweepResultsTable';
import { SweepSettings } from './SweepSettings';
import { resultsKey, sweepStore, useSweepState } from './sweepStore';
import './sweep.css';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SweepPanel({ store }: { store: DocumentStore }) {
  const { graph } = useDocument(store);
  const run = useSweepState();
  const [selected, setSelectedTrial] = useState<number | null>(null);
  // The panel lies over the canvas: hidden, it uncovers the graph; larger, it shows the
  // chart and table with less scrolling.
  const [hidden, setHidden] = useState(false);
  const [large, setLarge] = useState(false);
  const runtime = useMemo(() => engineRuntime(store), [store]);
  /** Selecting a trial (row or mark) runs it in the engine: dashboard curves, landscape path. */
  const setSelected = (trial: number) => {
    if (trial === selected) return;
    const summary = run.trials.find((t) => t.trial === trial);
    if (!summary) return;
    setSelectedTrial(trial);
    openTrial(runtime, graph, summary);
  };
  const sweep = graph.sweep;
  if (!sweep) return null;
  const keys = sweep.axes.map(axisKey);
  const total = expandSweep(graph).length;
  const best = bestTrial(run.trials);
  // Results of other settings stay on show (they are still worth reading), marked as such.
  const stale = run.source !== null && run.phase !== 'running' && run.source !== resultsKey(graph);
  const applyBest = () => {
    if (!best) return;
    store.execute(
      Object.entries(best.params).map(([key, value]) => {
        const dot = key.indexOf('.');
        return {
          type: 'setParam' as const,
          node: key.slice(0, dot),
          param: key.slice(dot + 1),
          value,
        };
      }),
    );
  };
  const removeAxis = (index: number) => {
    const axes = sweep.axes.filter((_, i) => i !== index);
    store.execute({ type: 'setSweep', sweep: axes.length > 0 ? { ...sweep, axes } : null });
  };
  const status =
    run.phase === 'idle'
      ? null
      : run.phase === 'failed'
        ? `failed: ${run.error}`
        : `${run.trials.length}/${run.total} trials · ${run.workers} web worker(s)${run.phase === 'running' ? '' : ` · ${run.phase}`}`;
  return (
    <section
      className={`sweep-panel${large && !hidden ? ' is-large' : ''}${hidden ? ' is-hidden' : ''}`}
      aria-label="Sweep"
      data-testid="sweep-panel"
    >
      <header>
        <h2>
          Sweep <span className="sweep-badge">{total} trials</span>
        </h2>
        {hidden && status && <span className="sweep-status">{status}</span>}
        <span className="sweep-view">
          {!hidden && (
            <button
              type="button"
              className="link-button"
              aria-pressed={large}
              onClick={() => setLarge((l) => !l)}
            >
              Larger
            </button>
          )}
          <button
            type="button"
            className="link-button"
            aria-expanded={!hidden}
            aria-controls="sweep-panel-body"
            onClick={() => setHidden((h) => !h)}
          >
            {hidden ? 'Show' : 'Hide'}
          </button>
        </span>
      </header>
      {/* Hidden, not removed: the table's sort order and the chart stay as they were. */}
      <div id="sweep-panel-body" hidden={hidden}>
        <SweepSettings store={store} sweep={sweep} />
        <ul className="sweep-axes">
          {sweep.axes.map((axis, i) => (
            <li key={axisKey(axis)}>
              <code>{axisKey(axis)}</code>{' '}
              {axis.values
                ? `[${axis.values.map(formatShort).join(', ')}]`
                : `${formatShort(axis.range![0])} … ${formatShort(axis.range![1])} · ${axis.scale}${axis.count ? ` · ${axis.count}` : ''}`}
              <button
                type="button"
                className="link-button"
                aria-label={`Remove axis ${axisKey(axis)}`}
                onClick={() => removeAxis(i)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="sweep-actions">
          {run.phase === 'running' ? (
            <button type="button" onClick={() => sweepStore.stop()}>
              Stop ({run.trials.length}/{run.total})
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void sweepStore.start(graph)}>
              Run sweep
            </button>
          )}
          <button
            type="button"
            disabled={!best || stale}
            title={stale ? 'The results are from earlier settings: run the sweep again' : undefined}
            onClick={applyBest}
          >
            Apply best
          </button>
          <button
            type="button"
            disabled={run.trials.length === 0}
            onClick={() =>
              download('sweep-results.csv', 'text/csv', sweepResultsToCsv(keys, run.trials))
            }
          >
            CSV
          </button>
          <button
            type="button"
            disabled={run.trials.length === 0}
            onClick={() =>
              download(
                'sweep-results.json',
                'application/json',
                sweepResultsToJson(graph.name, keys, run.trials),
              )
            }
          >
            JSON
          </button>
          {status && (
            <span className={`sweep-status${stale ? ' is-stale' : ''}`} data-testid="sweep-status">
              {status}
              {stale && ' · from earlier settings: run the sweep again'}
            </span>
          )}
        </div>
        {selected !== null && (
          <p className="sweep-opened" data-testid="sweep-opened">
            {`${trialRunName(selected)} runs again in the engine: its curves are in the dashboard, its path on the Landscape.`}
          </p>
        )}
        <SweepChart
          axes={sweep.axes}
          trials={run.trials}
          selected={selected}
          onSelect={setSelected}
        />
        <SweepResultsTable
          keys={keys}
          trials={run.trials}
          best={best?.trial ?? null}
          selected={selected}
          onSelect={setSelected}
        />
      </div>
    </section>
  );
}
