/**
 * Which plane a landscape is drawn on: the analytic surface's own (x, y), the PCA plane of
 * the trajectories, or two filter-normalized random directions; and its α/β box.
 */
import type { Model } from '../types';
import { randomPlane } from './directions';
import type { LandscapeOptions } from './options';
import type { Plane, TrajectoryInput } from './paths';
import { pcaPlane } from './pca';
import { type AxisBox, fittedBox, symmetricBox } from './plane-axes';
import { type PlaneProjector, planeProjector } from './projection';
import type { LandscapeDirections } from './result';

export interface LandscapePlane {
  readonly plane: Plane;
  readonly directions: LandscapeDirections;
  readonly project: PlaneProjector;
}

const isFiniteVector = (v: Float32Array): boolean => v.every(Number.isFinite);

export function choosePlane(
  model: Model,
  center: Float32Array,
  trajectories: readonly TrajectoryInput[],
  options: LandscapeOptions,
): LandscapePlane {
  const base = {
    normalization: options.norm,
    ignoreBiasBN: options.ignoreBiasBN,
    orthogonalized: options.orthogonalize,
    seed: options.seed,
  };
  if (model.task === 'surface') {
    // The parameters are the point itself: δ = e_x, η = e_y around the origin.
    const plane = {
      center: new Float32Array(2),
      delta: Float32Array.of(1, 0),
      eta: Float32Array.of(0, 1),
    };
    return {
      plane,
      directions: { ...base, type: 'axes', normalization: 'none', orthogonalized: false },
      project: planeProjector(plane.center, plane.delta, plane.eta),
    };
  }
  if (options.directions === 'pca') {
    const snapshots = trajectories.map((t) => t.params.filter(isFiniteVector));
    if (snapshots.flat().length < 2) {
      throw new Error('pca directions need at least 2 recorded trajectory steps');
    }
    const pca = pcaPlane(snapshots, center);
    const plane = { center, delta: pca.delta, eta: pca.eta };
    return {
      plane,
      directions: {
        ...base,
        type: 'pca',
        normalization: 'none',
        explainedVariance: pca.explainedVariance,
      },
      project: planeProjector(plane.center, plane.delta, plane.eta),
    };
  }
  const plane = { center, ...randomPlane(center, model.paramInfo, options) };
  try {
    return {
      plane,
      directions: { ...base, type: 'random' },
      project: planeProjector(plane.center, plane.delta, plane.eta),
    };
  } catch {
    throw new Error(
      `random directions for ${model.type} span no plane: too few parameters survive ` +
        `normalization '${options.norm}'${options.ignoreBiasBN ? ' with ignoreBiasBN' : ''} ` +
        "(zero weights give zero directions); try norm 'none' or ignoreBiasBN false",
    );
  }
}

/**
 * Random directions: [−range, range]². PCA and analytic surfaces: the paths and the center
 * plus a margin (or, for surfaces, the box given in the options).
 */
export function chooseBox(
  model: Model,
  options: LandscapeOptions,
  pathPoints: readonly { alpha: number; beta: number }[],
  centerPoint: { alpha: number; beta: number },
): AxisBox {
  const isSurface = model.task === 'surface';
  if (isSurface && options.box) return { alpha: options.box.x, beta: options.box.y };
  if (isSurface || options.directions === 'pca') {
    return fittedBox([...pathPoints, centerPoint], options.margin, options.range);
  }
  return symmetricBox(options.range);
}
