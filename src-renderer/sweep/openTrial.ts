/**
 * Opens a finished trial in the run dashboard: its graph (the trial's values applied) as a
 * launch of its own, fed the trial's recorded events, so its curves sit beside other runs.
 */
import type { GraphDocument } from '../../src-shared/graph';
import type { TrialOutcome } from '../../src-shared/protocol/sweep';
import { applyTrial } from '../../src-shared/sweep/expand';
import { sessionRuns } from '../engine/runtime';

/** Launch numbers far above the engine's own, so the two never meet. */
let nextLaunch = 1_000_000;

export function openTrialInDashboard(graph: GraphDocument, outcome: TrialOutcome): boolean {
  if (!outcome.start) return false;
  const settings = Object.entries(outcome.summary.params).map(([key, value]) => {
    const dot = key.indexOf('.');
    return { node: key.slice(0, dot), param: key.slice(dot + 1), value };
  });
  const launch = nextLaunch++;
  sessionRuns.beginLaunch(launch, applyTrial(graph, { index: outcome.summary.trial, settings }));
  sessionRuns.apply([
    {
      type: 'events',
      launch,
      events: [outcome.start, ...outcome.events, ...(outcome.done ? [outcome.done] : [])],
    },
  ]);
  sessionRuns.rename(`${launch}/${outcome.start.run}`, `trial ${outcome.summary.trial}`);
  return true;
}
