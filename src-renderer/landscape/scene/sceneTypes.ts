/** What the landscape scene draws (data) and how (style). */
import type { ColormapName } from '../colormap';
import type { ColorBy, CurvatureLattice } from '../curvatureColor';
import type { HeightMode } from '../heightScale';
import { defaultOverlays, type OverlayToggles } from './overlays/registry';

export interface ScenePath {
  readonly run: string;
  readonly label: string;
  readonly color: string;
  /** Whether the optimizer keeps a velocity (momentum, Adam's first moment). */
  readonly momentum: boolean;
  readonly steps: readonly number[];
  readonly alpha: readonly number[];
  readonly beta: readonly number[];
  /** Loss at the projected point (on the drawn surface) and at θ itself. */
  readonly loss: readonly number[];
  readonly trueLoss: readonly number[];
  readonly offPlane: readonly number[];
}

export interface SceneData {
  readonly grid: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** N×N, k = j·N + i; NaN where not computed yet. */
  readonly loss: Float32Array;
  readonly axisNames: readonly [string, string];
  readonly paths: readonly ScenePath[];
  /**
   * The losses the height and colour scale spans (side-by-side panes sharing one colour
   * scale: every pane's surface); absent, the surface's own.
   */
  readonly scaleValues?: ArrayLike<number>;
  readonly surfaceFn?: string;
  readonly curvature?: {
    readonly kind: 'minimum' | 'maximum' | 'saddle' | 'flat';
    readonly lambdaMin: number;
    readonly lambdaMax: number;
  };
  /** λmax / λmin over the plane, for colouring by curvature (absent: not computed). */
  readonly curvatureMap?: CurvatureLattice;
}

export interface SceneStyle {
  readonly colormap: ColormapName;
  /** What the surface's colour shows: the loss, or λmax / λmin where a curvature map exists. */
  readonly colorBy: ColorBy;
  readonly heightMode: HeightMode;
  readonly exaggeration: number;
  /** Loss max: values above are clipped (null: none). */
  readonly clipMax: number | null;
  /** Without a loss max: cap isolated spikes at a high percentile (heightScale.robustCap). */
  readonly robustCap: boolean;
  readonly wireframe: boolean;
  readonly contourCount: number;
  readonly view2d: boolean;
  readonly hiddenRuns: readonly string[];
  /** The run whose overlays are drawn (null: the first shown). */
  readonly focusRun: string | null;
  /** Each overlay switched on or off, by its id in the registry (overlays/registry.ts). */
  readonly overlays: OverlayToggles;
}

export const DEFAULT_STYLE: SceneStyle = {
  colormap: 'viridis',
  colorBy: 'loss',
  heightMode: 'linear',
  exaggeration: 1,
  clipMax: null,
  robustCap: true,
  wireframe: false,
  contourCount: 14,
  view2d: false,
  hiddenRuns: [],
  focusRun: null,
  overlays: defaultOverlays(),
};
