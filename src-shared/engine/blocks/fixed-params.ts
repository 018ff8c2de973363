import type { LiveParams } from './live-params';
import type { RunClock } from './ports';

/** Blocks whose params cannot change under a running run (data, model) refuse every edit. */
export function refuseEditsWhileRunning(params: LiveParams, clock: RunClock): void {
  params.accept((name) => {
    if (!clock.active()) return null;
    throw new Error(
      `${params.node}.${name} cannot change while running; restart the run to apply it`,
    );
  });
}
