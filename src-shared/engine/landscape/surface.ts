/**
 * The loss surface L(θc + α·δ + β·η) on a grid, filled progressively (coarse first) and
 * streamed as partial surfaces; cancellation is checked between chunks.
 */
import { Observable } from 'rxjs';
import { readLater } from '../readback';
import { progressiveLevels } from './grid-order';
import type { PlaneEvaluation, PointEvaluator } from './point-evaluator';
import { yieldToEventLoop } from './yield';

export interface PartialSurface {
  /** N: the grid is N×N, row j (β index) major: value k = j·N + i. */
  readonly grid: number;
  readonly alphas: readonly number[];
  readonly betas: readonly number[];
  /** NaN where not yet computed. */
  readonly loss: Float32Array;
  readonly accuracy: Float32Array | null;
  /** 1 where computed. */
  readonly filled: Uint8Array;
  readonly count: number;
  readonly done: boolean;
}

export interface SurfaceInput {
  readonly evaluator: PointEvaluator;
  /** Flat center and directions. */
  readonly center: Float32Array;
  readonly delta: Float32Array;
  readonly eta: Float32Array;
  /** Axis values: N each. */
  readonly alphas: readonly number[];
  readonly betas: readonly number[];
  /** Stride of the first, coarse level (default 4). */
  readonly coarseStride?: number;
}

/**
 * Fills the grid chunk by chunk, calling `onProgress` with a fresh copy after each chunk.
 * Resolves to the final surface, or null when `isCancelled` turned true first.
 */
export async function fillSurface(
  input: SurfaceInput,
  onProgress: (surface: PartialSurface) => void,
  isCancelled: () => boolean,
): Promise<PartialSurface | null> {
  const { evaluator, center, delta, eta, alphas, betas } = input;
  const n = alphas.length;
  if (n < 2 || betas.length !== n) {
    throw new Error(`surface grid needs N ≥ 2 values on both axes, got ${n} and ${betas.length}`);
  }
  const loss = new Float32Array(n * n).fill(Number.NaN);
  const accuracy = evaluator.hasAccuracy ? new Float32Array(n * n).fill(Number.NaN) : null;
  const filled = new Uint8Array(n * n);
  let count = 0;
  const snapshot = (done: boolean): PartialSurface => ({
    grid: n,
    alphas,
    betas,
    loss: loss.slice(),
    accuracy: accuracy ? accuracy.slice() : null,
    filled: filled.slice(),
    count,
    done,
  });
  const chunk = evaluator.chunkSize;
  // Created lazily: the first yield below gives subscribers control before any work.
  let onPlane: PlaneEvaluation | null = null;
  try {
    for (const level of progressiveLevels(n, input.coarseStride ?? 4)) {
      for (let start = 0; start < level.length; start += chunk) {
        // Yield first: subscribers get control back before any work, and between chunks.
        await yieldToEventLoop();
        if (isCancelled()) return null;
        onPlane ??= await readLater(evaluator.planeOf({ center, delta, eta }));
        const plane: PlaneEvaluation = onPlane;
        const indices = Array.from(level.subarray(start, start + chunk));
        const metrics = await readLater(
          plane.metricsOf(
            indices.map((k) => alphas[k % n]!),
            indices.map((k) => betas[Math.floor(k / n)]!),
          ),
        );
        indices.forEach((k, g) => {
          loss[k] = metrics.loss[g]!;
          if (accuracy && metrics.accuracy) accuracy[k] = metrics.accuracy[g]!;
          filled[k] = 1;
        });
        count += indices.length;
        onProgress(snapshot(count === n * n));
      }
    }
    return snapshot(true);
  } finally {
    onPlane?.dispose();
  }
}

/** fillSurface as a cold Observable: each subscription computes; unsubscribing cancels. */
export function surfaceStream(input: SurfaceInput): Observable<PartialSurface> {
  return new Observable<PartialSurface>((subscriber) => {
    let cancelled = false;
    fillSurface(
      input,
      (s) => subscriber.next(s),
      () => cancelled || subscriber.closed,
    ).then(
      () => subscriber.complete(),
      (error: unknown) => subscriber.error(error),
    );
    return () => {
      cancelled = true;
    };
  });
}
