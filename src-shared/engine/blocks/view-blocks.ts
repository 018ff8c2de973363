/**
 * view.*: the engine's side of the views. A landscape consumes its runs' trajectories, so it
 * asks them to keep θ snapshots; a chart merges series, which the dashboard draws from the
 * events (nothing to compute here).
 */
import type { Observable } from 'rxjs';
import type { BlockStreamDefinition } from './block-stream';
import type { RunSignal } from './ports';
import { syncValue } from './sync-value';

export const viewBlock: BlockStreamDefinition = {
  wire(inputs, ctx) {
    if (ctx.options.recordTrajectories === false) return { outputs: {} };
    for (const run$ of (inputs.runs ?? []) as readonly Observable<RunSignal>[]) {
      const ready = syncValue(run$, `${ctx.node.id}.runs`);
      if (ready.kind === 'ready') ready.run.keepTrajectory();
    }
    return { outputs: {} };
  },
};
