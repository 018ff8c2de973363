/**
 * A landscape surface filled by row tiles on a task runner (the local pool or a queue):
 * the grid's β rows are cut into tiles, each evaluated by a worker that rebuilds the model
 * and evaluation data from the graph, and the tiles are put back in place.
 */
import type { SurfaceFiller } from '../../src-shared/engine/landscape/tiles';
import { rowTiles } from '../../src-shared/engine/landscape/tiles';
import type { TileTask } from '../../src-shared/protocol/tiles';
import type { TaskRunner } from './localPool';

export type TileBase = Omit<
  TileTask,
  'kind' | 'center' | 'delta' | 'eta' | 'alphas' | 'betas' | 'row0'
>;

export function tiledSurface(runner: TaskRunner, base: TileBase, tiles: number): SurfaceFiller {
  return async (plan) => {
    const n = plan.alphas.length;
    const loss = new Float32Array(n * plan.betas.length);
    let accuracy: Float32Array | null = null;
    const shared = {
      ...base,
      kind: 'tile' as const,
      center: Array.from(plan.center),
      delta: Array.from(plan.delta),
      eta: Array.from(plan.eta),
      alphas: [...plan.alphas],
    };
    await Promise.all(
      rowTiles(plan.betas.length, tiles).map(async ({ row0, rows }) => {
        const out = await runner.runTile({
          ...shared,
          row0,
          betas: plan.betas.slice(row0, row0 + rows),
        });
        const at = row0 * n;
        out.loss.forEach((v, i) => {
          loss[at + i] = v ?? Number.NaN;
        });
        if (out.accuracy) {
          accuracy ??= new Float32Array(loss.length);
          const acc = accuracy;
          out.accuracy.forEach((v, i) => {
            acc[at + i] = v ?? Number.NaN;
          });
        }
      }),
    );
    return { loss, accuracy };
  };
}
