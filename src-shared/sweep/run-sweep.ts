/**
 * Runs a sweep's trials on an executor (a local pool, a BullMQ queue, one Web Worker) and
 * hands each finished trial over as it lands. With the median-stopping rule, trials run in
 * two phases so the decision does not depend on which trial finished first: every trial
 * runs to the rule's step, those worse than the median there stay stopped, the rest run to
 * the end (from the start again, with the same seed, so the same numbers).
 */

import { formatShort } from '../graph/format';
import type { GraphDocument } from '../graph/schema';
import type { TrialOutcome, TrialSummary, TrialTask } from '../protocol/sweep';
import { expandSweep, type Trial } from './expand';

export type TrialExecutor = (task: TrialTask) => Promise<TrialOutcome>;

export interface SweepRunOptions {
  readonly backend?: TrialTask['backend'];
  /** Each trial's outcome, as it finishes (stopped trials at the end of the first phase). */
  readonly onOutcome?: (outcome: TrialOutcome) => void;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Outcomes in trial order. */
export async function runSweep(
  graph: GraphDocument,
  graphText: string,
  execute: TrialExecutor,
  options: SweepRunOptions = {},
): Promise<TrialOutcome[]> {
  const trials = expandSweep(graph);
  const results = new Array<TrialOutcome | undefined>(trials.length);
  const finish = (outcome: TrialOutcome) => {
    results[outcome.summary.trial] = outcome;
    options.onOutcome?.(outcome);
  };
  const task = (trial: Trial, stopAfterStep?: number): TrialTask => ({
    kind: 'trial',
    graph: graphText,
    trial: { index: trial.index, settings: trial.settings.map((s) => ({ ...s })) },
    backend: options.backend ?? 'auto',
    ...(stopAfterStep !== undefined ? { stopAfterStep } : {}),
  });
  const rule = graph.sweep?.medianStop;
  if (!rule) {
    await Promise.all(trials.map((t) => execute(task(t)).then(finish)));
    return results as TrialOutcome[];
  }
  const first = await Promise.all(trials.map((t) => execute(task(t, rule.step))));
  const reached = first.filter(
    (o) => o.summary.status === 'stopped' && o.summary.lossAtCheck != null,
  );
  const cut =
    reached.length >= rule.minTrials ? median(reached.map((o) => o.summary.lossAtCheck!)) : null;
  const rerun: Trial[] = [];
  for (const outcome of first) {
    const s = outcome.summary;
    if (s.status !== 'stopped')
      finish(outcome); // diverged, or finished before the check
    else if (cut !== null && s.lossAtCheck != null && s.lossAtCheck > cut) {
      const summary: TrialSummary = {
        ...s,
        reason: `median rule at step ${rule.step}: loss ${formatShort(s.lossAtCheck)} > median ${formatShort(cut)}`,
      };
      finish({ ...outcome, summary });
    } else rerun.push(trials[s.trial]!);
  }
  await Promise.all(rerun.map((t) => execute(task(t)).then(finish)));
  return results as TrialOutcome[];
}

/** The lowest final loss among the trials that did not diverge (ties: the earlier trial). */
export function bestTrial(summaries: readonly TrialSummary[]): TrialSummary | null {
  let best: TrialSummary | null = null;
  for (const s of summaries) {
    if (s.status === 'diverged' || s.finalLoss === null) continue;
    if (best === null || s.finalLoss < best.finalLoss!) best = s;
  }
  return best;
}
