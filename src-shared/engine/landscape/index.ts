/** The loss landscape engine (Li et al. 2018): public API. */
export { computeLandscape, type LandscapeInput } from './compute-landscape';
export { type CurvatureMap, curvatureAt, curvatureMap, type PointCurvature } from './curvature';
export {
  type DirectionNorm,
  type DirectionOptions,
  filterNorms,
  normalizeDirection,
  orthogonalizeTo,
  randomPlane,
} from './directions';
export { type EvalData, evalBatch, selectEvalSubset } from './eval-subset';
export {
  landscapePathsToVtk,
  landscapeToCsv,
  landscapeToJson,
  landscapeToVtk,
  pathsFileFor,
} from './export';
export { flattenParams, unflattenParams } from './flat-params';
export { type InterpolationCurve, interpolate } from './interpolate';
export {
  type LandscapeOptions,
  type LandscapeOptionsInput,
  parseLandscapeOptions,
} from './options';
export { type LandscapePath, pathCoordinates, pathLosses, type TrajectoryInput } from './paths';
export { type PcaPlane, pcaPlane } from './pca';
export { type AxisBox, linspace } from './plane-axes';
export { createPointEvaluator, type EvalMode, type PointEvaluator } from './point-evaluator';
export { planeProjector } from './projection';
export type * from './result';
export { fillSurface, type PartialSurface, surfaceStream } from './surface';
