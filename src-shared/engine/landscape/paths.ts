/**
 * Trajectories on the landscape plane: each recorded θ projected (least squares) to
 * (α, β), the loss at the projected point, the loss at θ itself and the distance between
 * them, so a user can judge how faithful the 2D picture of the path is.
 */

import { planePoint } from '../linalg/vector-math';
import type { Reads } from '../readback';
import type { PointEvaluator } from './point-evaluator';
import type { PlaneProjector } from './projection';

export interface TrajectoryInput {
  /** The run's name (its train block id). */
  readonly run: string;
  /** Flattened parameters per recorded step. */
  readonly params: readonly Float32Array[];
  /** Loss per recorded step, if the caller has it on the same evaluation data. */
  readonly loss?: readonly number[];
}

export interface PathCoordinates {
  readonly run: string;
  /** Indices into the trajectory of the points kept (thinned, non-finite ones dropped). */
  readonly steps: number[];
  readonly alpha: number[];
  readonly beta: number[];
  readonly offPlane: number[];
}

export interface LandscapePath extends PathCoordinates {
  /** Loss at θc + α·δ + β·η. */
  readonly loss: number[];
  /** Loss at θ itself. */
  readonly trueLoss: number[];
  readonly trueLossSource: 'evaluated' | 'supplied';
}

export interface Plane {
  readonly center: Float32Array;
  readonly delta: Float32Array;
  readonly eta: Float32Array;
}

/** Evenly spaced indices 0 … length−1, at most `max` of them (first and last kept). */
export function thinIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const out = new Set<number>();
  for (let k = 0; k < max; k++) out.add(Math.round((k * (length - 1)) / (max - 1)));
  return [...out];
}

const isFiniteVector = (v: Float32Array): boolean => v.every(Number.isFinite);

export function pathCoordinates(
  trajectory: TrajectoryInput,
  project: PlaneProjector,
  maxPoints: number,
): PathCoordinates {
  const steps = thinIndices(trajectory.params.length, maxPoints).filter((s) =>
    isFiniteVector(trajectory.params[s]!),
  );
  const coords = steps.map((s) => project(trajectory.params[s]!));
  return {
    run: trajectory.run,
    steps,
    alpha: coords.map((c) => c.alpha),
    beta: coords.map((c) => c.beta),
    offPlane: coords.map((c) => c.offPlane),
  };
}

/** A path's losses on the plane and at its true points, read where the caller reads. */
export function* pathLosses(
  coords: PathCoordinates,
  trajectory: TrajectoryInput,
  plane: Plane,
  evaluator: PointEvaluator,
): Reads<LandscapePath> {
  const projected = coords.steps.map((_, k) =>
    planePoint(plane.center, plane.delta, plane.eta, coords.alpha[k]!, coords.beta[k]!),
  );
  const loss = Array.from((yield* evaluator.metricsOf(projected)).loss);
  const supplied = trajectory.loss;
  if (supplied && supplied.length !== trajectory.params.length) {
    throw new Error(
      `trajectory "${trajectory.run}": ${supplied.length} losses for ${trajectory.params.length} steps`,
    );
  }
  const trueLoss = supplied
    ? coords.steps.map((s) => supplied[s]!)
    : Array.from((yield* evaluator.metricsOf(coords.steps.map((s) => trajectory.params[s]!))).loss);
  return { ...coords, loss, trueLoss, trueLossSource: supplied ? 'supplied' : 'evaluated' };
}
