/**
 * A landscape grid cut into row tiles, so that a pool of workers (threads, machines) can
 * fill it: each tile is rows [row0, row0 + rows) of the β axis, all α columns. Every point
 * is evaluated exactly as `fillSurface` does (same plane point, same evaluator), so the
 * assembled surface equals a one-worker surface.
 */

import { planePoint } from '../linalg/vector-math';
import type { PointEvaluator } from './point-evaluator';

export interface SurfacePlan {
  readonly center: Float32Array;
  readonly delta: Float32Array;
  readonly eta: Float32Array;
  readonly alphas: readonly number[];
  readonly betas: readonly number[];
}

export interface TileValues {
  /** Row-major: value (r, i) at r·N + i for the tile's r-th row. */
  readonly loss: Float32Array;
  readonly accuracy: Float32Array | null;
}

/** Fills a whole surface some other way than point by point here (e.g. on a pool). */
export type SurfaceFiller = (plan: SurfacePlan) => Promise<TileValues>;

/** Row ranges covering `rows`, about `tiles` of them, in order. */
export function rowTiles(rows: number, tiles: number): { row0: number; rows: number }[] {
  const count = Math.max(1, Math.min(rows, Math.floor(tiles)));
  const out: { row0: number; rows: number }[] = [];
  for (let t = 0; t < count; t++) {
    const row0 = Math.floor((t * rows) / count);
    const end = Math.floor(((t + 1) * rows) / count);
    if (end > row0) out.push({ row0, rows: end - row0 });
  }
  return out;
}

/**
 * Evaluates the points of one tile (betas: the tile's rows; alphas: every column) with an
 * evaluator kept across tiles, so `auto` decides its strategy once per worker.
 */
export function evaluateTile(evaluator: PointEvaluator, plan: SurfacePlan): TileValues {
  const n = plan.alphas.length;
  const total = n * plan.betas.length;
  const loss = new Float32Array(total);
  const accuracy = evaluator.hasAccuracy ? new Float32Array(total) : null;
  for (let start = 0; start < total; start += evaluator.chunkSize) {
    const end = Math.min(total, start + evaluator.chunkSize);
    const points: Float32Array[] = [];
    for (let k = start; k < end; k++) {
      points.push(
        planePoint(
          plan.center,
          plan.delta,
          plan.eta,
          plan.alphas[k % n]!,
          plan.betas[Math.floor(k / n)]!,
        ),
      );
    }
    const metrics = evaluator.evaluate(points);
    loss.set(metrics.loss, start);
    if (accuracy && metrics.accuracy) accuracy.set(metrics.accuracy, start);
  }
  return { loss, accuracy };
}
