/**
 * From the landscape protocol's state and the session's runs to what the scene draws: each
 * path in its run's dashboard colour (the shared palette, runColors), named as in the runs table.
 */
import type { WireLandscape } from '../../src-shared/protocol/landscape';
import { RUN_COLORS } from '../engine/runColors';
import type { RunRecord } from '../engine/runStore';
import type { SurfaceSnapshot } from './landscapeStore';
import type { ScenePath } from './scene/sceneTypes';

/** Optimizers that carry a velocity: momentum SGD / RMSProp, and Adam's family (first moment). */
export function hasMomentum(run: Pick<RunRecord, 'optimizer' | 'hyper'> | undefined): boolean {
  if (!run) return false;
  if (/adam/i.test(run.optimizer)) return true;
  return Number(run.hyper.momentum ?? 0) > 0;
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
