/** Each block's status in the latest launch, for its canvas badge. */
import type { RunPhase, RunRecord } from './runRecords';

/** A block of one run shows that run's phase, worst news first. */
const OWN_RANK: Record<RunPhase, number> = {
  diverged: 5,
  running: 4,
  paused: 3,
  loaded: 2,
  stopped: 1,
  completed: 0,
};
/** A block shared by several runs (a race's model) shows whether any still runs. */
const SHARED_RANK: Record<RunPhase, number> = {
  running: 5,
  paused: 4,
  loaded: 3,
  completed: 2,
  stopped: 1,
  diverged: 0,
};

export function nodePhases(runs: readonly RunRecord[], launch: number): Map<string, RunPhase> {
  const out = new Map<string, RunPhase>();
  const current = runs.filter((r) => r.launch === launch);
  const users = new Map<string, number>();
  for (const run of current) {
    for (const node of run.nodes) users.set(node, (users.get(node) ?? 0) + 1);
  }
  for (const run of current) {
    for (const node of run.nodes) {
      const rank = users.get(node)! > 1 ? SHARED_RANK : OWN_RANK;
      const prior = out.get(node);
      if (!prior || rank[run.phase] > rank[prior]) out.set(node, run.phase);
    }
  }
  return out;
}
