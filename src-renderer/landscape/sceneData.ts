/**
 * From the landscape protocol's state and the session's runs to what the scene draws: each
 * path in its run's dashboard colour (the shared palette, runColors), named as in the runs table.
 */
import { getBlock } from '../../src-shared/graph';
import type { WireLandscape } from '../../src-shared/protocol/landscape';
import { RUN_COLORS } from '../engine/runColors';
import type { RunRecord } from '../engine/runStore';
import type { SurfaceSnapshot } from './landscapeStore';
import type { ScenePath } from './scene/sceneTypes';

/** Whether the run's optimizer carries a velocity, as its catalog block states. */
export function hasMomentum(run: Pick<RunRecord, 'optimizer' | 'hyper'> | undefined): boolean {
  return run ? (getBlock(run.optimizer)?.facts?.hasVelocity?.(run.hyper) ?? false) : false;
}

export function scenePaths(
  result: WireLandscape | null,
  launch: number,
  runs: readonly RunRecord[],
): ScenePath[] {
  if (!result) return [];
  return result.paths.map((p, i) => {
    const record = runs.find((r) => r.launch === launch && r.runId === p.run);
    return {
      run: p.run,
      label: record?.name ?? p.run,
      color: record?.color ?? RUN_COLORS[i % RUN_COLORS.length]!,
      momentum: hasMomentum(record),
      steps: p.steps,
      alpha: p.alpha,
      beta: p.beta,
      loss: p.loss,
      trueLoss: p.trueLoss,
      offPlane: p.offPlane,
    };
  });
}

export function axisNames(
  result: WireLandscape | null,
  surface: SurfaceSnapshot,
): [string, string] {
  if (result) return [result.axes[0].name, result.axes[1].name];
  return surface.xs.length && surface.grid ? ['alpha', 'beta'] : ['x', 'y'];
}
