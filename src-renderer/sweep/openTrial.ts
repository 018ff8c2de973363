/**
 * Opens a trial where every other run is seen: its graph (the trial's values applied) runs in
 * the app's engine as a launch of its own, so its curves land in the dashboard and its path on
 * the landscape through the one run mechanism the app has. Same graph, same seed, same backend:
 * the numbers are the trial's. A trial the median rule stopped runs to the step it reached.
 */
import type { GraphDocument } from '../../src-shared/graph';
import type { TrialSummary } from '../../src-shared/protocol/sweep';
import { applyTrial } from '../../src-shared/sweep/expand';
import type { EngineRuntime } from '../engine/runtime';

/** The settings of a trial, from its `node.param` keys. */
export function trialSettings(summary: TrialSummary) {
  return Object.entries(summary.params).map(([key, value]) => {
    const dot = key.indexOf('.');
    return { node: key.slice(0, dot), param: key.slice(dot + 1), value };
  });
}

/** The name the trial's run carries in the dashboard and the landscape's legend. */
export const trialRunName = (trial: number) => `trial ${trial}`;

/** Starts the trial in the engine; returns the launch it runs as. */
export function openTrial(
  runtime: EngineRuntime,
  graph: GraphDocument,
  summary: TrialSummary,
): number {
  const variant = applyTrial(graph, { index: summary.trial, settings: trialSettings(summary) });
  const launch = runtime.session.runVariant(
    variant,
    summary.status === 'stopped' ? Math.max(1, summary.steps) : undefined,
  );
  const key = `${launch}/${summary.run}`;
  // The run's record appears with its start event: name it after the trial then.
  const unsubscribe = runtime.runs.subscribe(() => {
    const snapshot = runtime.runs.getSnapshot();
    const record = snapshot.runs.find((r) => r.key === key);
    // Replaced by a later launch before it started: nothing to name.
    if (!record && snapshot.engine.launch <= launch) return;
    unsubscribe();
    if (record) runtime.runs.rename(key, trialRunName(summary.trial));
  });
  return launch;
}
