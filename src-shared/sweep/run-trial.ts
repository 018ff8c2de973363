/**
 * Runs one trial of a sweep on whatever tfjs backend the host has set: the graph with the
 * trial's values, trained as `atlas run` trains it. Pure engine code: worker threads, BullMQ
 * workers and Web Workers all call this.
 */
import { type BackendInfo, compileGraph } from '../engine/compile-graph';
import type { GraphDocument } from '../graph/schema';
import type { EvalEvent, RunEvent, StepEvent } from '../protocol/events';
import type { TrialOutcome, TrialStatus, TrialSummary } from '../protocol/sweep';
import { applyTrial, axisKey, type Trial } from './expand';

export interface TrialRunOptions {
  readonly backend: BackendInfo;
  /** Stop once this step's event is out (the median rule's first phase). */
  readonly stopAfterStep?: number;
  readonly readText?: (path: string) => string;
  /** Every event of the scored run as it happens (for live views). */
  readonly onEvent?: (event: StepEvent | EvalEvent) => void;
  readonly now?: () => number;
}

export const trialParams = (trial: Trial): Record<string, number> =>
  Object.fromEntries(trial.settings.map((s) => [axisKey(s), s.value]));

const finite = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null;

/** Mean batch loss of the last (up to) 10 steps at or before `step`: less noisy than one batch. */
export function lossNear(steps: readonly StepEvent[], step: number): number | null {
  const window = steps.filter((e) => e.step <= step && e.step > step - 10);
  if (window.length === 0 || window.at(-1)!.step !== step) return null;
  const losses = window.map((e) => e.loss);
  if (losses.some((l) => l === null || !Number.isFinite(l))) return null;
  return (losses as number[]).reduce((a, b) => a + b, 0) / losses.length;
}

/** The lowest loss seen: any step's, or the final one (after the last update). */
function best(losses: readonly number[], final: number | null): number | null {
  const all = final === null ? losses : [...losses, final];
  return all.length > 0 ? Math.min(...all) : null;
}

export async function runTrial(
  graph: GraphDocument,
  trial: Trial,
  options: TrialRunOptions,
): Promise<TrialOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const compiled = compileGraph(applyTrial(graph, trial), {
    backend: options.backend,
    readText: options.readText,
    recordTrajectories: false,
  });
  const scored = compiled.runs[0]!.id;
  const events: (StepEvent | EvalEvent)[] = [];
  let done: Extract<RunEvent, { type: 'done' }> | undefined;
  const stopAt = options.stopAfterStep;
  compiled.controller.events$.subscribe({
    next: (event) => {
      if (event.run !== scored) return;
      if (event.type === 'step' || event.type === 'eval') {
        if (stopAt !== undefined && event.step > stopAt) return;
        events.push(event);
        options.onEvent?.(event);
        if (stopAt !== undefined && event.type === 'step' && event.step === stopAt) {
          compiled.controller.stop();
        }
      } else if (event.type === 'done') done = event;
    },
    error: () => {},
  });
  try {
    await compiled.controller.start();
  } finally {
    compiled.dispose();
  }
  const steps = events.filter((e): e is StepEvent => e.type === 'step');
  const evals = events.filter((e): e is EvalEvent => e.type === 'eval');
  const losses = steps.map((e) => e.loss).filter((l): l is number => finite(l) !== null);
  const lastEval = evals.at(-1);
  const status: TrialStatus = done?.status ?? 'stopped';
  const summary: TrialSummary = {
    trial: trial.index,
    params: trialParams(trial),
    run: scored,
    status,
    ...(done?.reason ? { reason: done.reason } : {}),
    steps: stopAt !== undefined ? steps.length : (done?.steps ?? steps.length),
    finalLoss: stopAt !== undefined ? finite(steps.at(-1)?.loss) : finite(done?.finalLoss ?? null),
    bestLoss: best(losses, stopAt === undefined ? finite(done?.finalLoss ?? null) : null),
    valLoss: finite(lastEval?.valLoss),
    valAccuracy: finite(lastEval?.valAccuracy),
    ...(stopAt !== undefined ? { lossAtCheck: lossNear(steps, stopAt) } : {}),
    timeMs: Math.max(0, now() - started),
  };
  return {
    kind: 'trial',
    summary,
    events,
    backend: options.backend.name,
  };
}
