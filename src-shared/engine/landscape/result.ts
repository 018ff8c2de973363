/**
 * What a landscape computation produces. `LandscapeResult` is also the exported JSON
 * document (export.ts writes typed arrays as plain arrays and non-finite numbers as null).
 */
import type { CriticalPointKind } from '../curvature';
import type { Task } from '../types';
import type { CurvatureMap, PointCurvature } from './curvature';
import type { DirectionNorm } from './directions';
import type { InterpolationCurve } from './interpolate';
import type { LandscapePath } from './paths';
import type { PartialSurface } from './surface';

export type DirectionsType = 'random' | 'pca';

export interface LandscapeAxis {
  /** `alpha` / `beta` along directions δ / η; `x` / `y` for analytic surfaces. */
  readonly name: string;
  readonly values: readonly number[];
}

export interface LandscapeDirections {
  /** `axes`: an analytic surface's own coordinates (δ = e_x, η = e_y, center 0). */
  readonly type: DirectionsType | 'axes';
  readonly normalization: DirectionNorm;
  readonly ignoreBiasBN: boolean;
  readonly orthogonalized: boolean;
  readonly seed: number;
  /** Share of the trajectories' variance along δ and η (pca only). */
  readonly explainedVariance?: readonly [number, number];
}

export interface LandscapeResult {
  readonly format: 'gradient-atlas/landscape';
  readonly version: 1;
  readonly model: { readonly type: string; readonly task: Task | 'surface'; readonly size: number };
  /** [α axis (grid columns), β axis (grid rows)]. */
  readonly axes: readonly [LandscapeAxis, LandscapeAxis];
  /** N: loss has N×N values, k = j·N + i for α = axes[0].values[i], β = axes[1].values[j]. */
  readonly grid: number;
  readonly directions: LandscapeDirections;
  /** θc flattened in paramInfo order (for analytic surfaces the caller's point). */
  readonly center: readonly number[];
  /** Examples in the fixed evaluation subset (0 for analytic surfaces). */
  readonly evalSamples: number;
  readonly loss: Float32Array;
  /** Classification only. */
  readonly accuracy?: Float32Array;
  readonly paths: readonly LandscapePath[];
  readonly interpolations: readonly InterpolationCurve[];
  readonly curvature?: {
    readonly center: PointCurvature;
    readonly map?: CurvatureMap;
  };
  /** How grid points were evaluated, and how fast. */
  readonly evaluation: {
    readonly mode: 'batched' | 'perPoint' | 'auto';
    readonly surfaceMs: number;
    readonly pointsPerSecond: number;
  };
  /** Warnings worth showing (fallbacks, dropped non-finite snapshots). */
  readonly notes: readonly string[];
}

export type LandscapePhase = 'setup' | 'surface' | 'paths' | 'interpolation' | 'curvature' | 'done';

export interface LandscapeProgress {
  readonly phase: LandscapePhase;
  /** Overall progress in [0, 1]. */
  readonly fraction: number;
  /** The latest partial surface (during and after the surface phase). */
  readonly surface?: PartialSurface;
  /** Only on the last emission. */
  readonly result?: LandscapeResult;
}

export type { CriticalPointKind };
