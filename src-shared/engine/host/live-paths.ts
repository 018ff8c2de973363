/**
 * Growing paths while runs train, without recomputing the surface: each new trajectory point is
 * projected onto the plane of the last full landscape and its losses (on the plane, and at θ)
 * evaluated once. Points are kept by real step with a power-of-two stride, so the set shown only
 * ever loses points when the stride doubles, and every point is computed at most once.
 */

import * as tf from '@tensorflow/tfjs';
import type { WirePath } from '../../protocol/landscape';
import { evalBatch, flattenParams, selectEvalSubset } from '../landscape';
import { choosePlane } from '../landscape/landscape-plane';
import { parseLandscapeOptions } from '../landscape/options';
import type { Plane } from '../landscape/paths';
import { createPointEvaluator, type PointEvaluator } from '../landscape/point-evaluator';
import type { PlaneProjector } from '../landscape/projection';
import type { LandscapeJob } from '../landscape-job';
import { planePoint } from '../linalg/vector-math';
import type { Reads } from '../readback';
import type { Batch } from '../types';

/** θ of one run at its recorded steps (θ_k before update k), as TrainRun.trajectory() gives. */
export interface StepTrajectory {
  readonly run: string;
  readonly steps: readonly number[];
  readonly params: readonly Float32Array[];
}

interface PathPoint {
  readonly alpha: number;
  readonly beta: number;
  readonly offPlane: number;
  readonly loss: number;
  readonly trueLoss: number;
}

/**
 * Indices of the points to draw: steps that are multiples of the smallest power-of-two stride
 * leaving at most `max` − 1 of them, plus the last point (the run's head).
 */
export function strideIndices(steps: readonly number[], max: number): number[] {
  if (steps.length === 0) return [];
  const last = steps.length - 1;
  let stride = 1;
  const picked = () => steps.flatMap((s, i) => (i < last && s % stride === 0 ? [i] : []));
  let indices = picked();
  while (indices.length > Math.max(1, max - 1)) {
    stride *= 2;
    indices = picked();
  }
  return [...indices, last];
}

export class LivePaths {
  private readonly plane: Plane;
  private readonly project: PlaneProjector;
  private readonly evaluator: PointEvaluator;
  private readonly batch: Batch | null;
  private readonly maxPoints: number;
  private readonly cache = new Map<string, Map<number, PathPoint>>();

  /** The plane of `job` (the one its full landscape was drawn on). */
  constructor(job: LandscapeJob) {
    const { model, trajectories } = job.input;
    const options = parseLandscapeOptions(job.input.options);
    const center = flattenParams(job.input.center, model.paramInfo, 'center');
    const chosen = choosePlane(model, center, trajectories, options);
    this.plane = chosen.plane;
    this.project = chosen.project;
    this.maxPoints = options.maxPathPoints;
    const data = job.input.evalData;
    this.batch =
      model.task === 'surface' || !data
        ? null
        : evalBatch(selectEvalSubset(data, options.evalSamples, options.seed), model.task);
    try {
      this.evaluator = createPointEvaluator(model, this.batch, {
        mode: options.mode,
        memoryBudgetBytes: options.memoryBudgetBytes,
      });
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  /**
   * Each run's path over its current trajectory; new points are projected and evaluated,
   * read where the caller reads.
   */
  *pathsOf(trajectories: readonly StepTrajectory[]): Reads<WirePath[]> {
    const out: WirePath[] = [];
    for (const t of trajectories) {
      const known = this.cache.get(t.run) ?? new Map<number, PathPoint>();
      this.cache.set(t.run, known);
      const finite = t.steps.flatMap((_, i) => (t.params[i]!.every(Number.isFinite) ? [i] : []));
      const shown = strideIndices(
        finite.map((i) => t.steps[i]!),
        this.maxPoints,
      ).map((k) => finite[k]!);
      const fresh = shown.filter((i) => !known.has(t.steps[i]!));
      yield* this.evaluate(
        fresh.map((i) => t.params[i]!),
        fresh.map((i) => t.steps[i]!),
        known,
      );
      const points = shown.map((i) => known.get(t.steps[i]!)!);
      out.push({
        run: t.run,
        steps: shown.map((i) => t.steps[i]!),
        alpha: points.map((p) => p.alpha),
        beta: points.map((p) => p.beta),
        offPlane: points.map((p) => p.offPlane),
        loss: points.map((p) => p.loss),
        trueLoss: points.map((p) => p.trueLoss),
      });
    }
    return out;
  }

  private *evaluate(
    thetas: readonly Float32Array[],
    steps: readonly number[],
    into: Map<number, PathPoint>,
  ): Reads<void> {
    const chunk = Math.max(1, this.evaluator.chunkSize);
    for (let start = 0; start < thetas.length; start += chunk) {
      const part = thetas.slice(start, start + chunk);
      const coords = part.map((theta) => this.project(theta));
      const { center, delta, eta } = this.plane;
      const onPlane = coords.map((c) => planePoint(center, delta, eta, c.alpha, c.beta));
      const loss = (yield* this.evaluator.metricsOf(onPlane)).loss;
      const trueLoss = (yield* this.evaluator.metricsOf(part)).loss;
      coords.forEach((c, k) => {
        into.set(steps[start + k]!, { ...c, loss: loss[k]!, trueLoss: trueLoss[k]! });
      });
    }
  }

  dispose(): void {
    if (this.batch) tf.dispose([this.batch.x, this.batch.y]);
    this.cache.clear();
  }
}
