/**
 * What a lecture overlay of the landscape is: a toggle in the viewer's toolbar and a group of
 * objects in the scene, rebuilt when the surface or its scale changes and moved when the
 * timeline does. Each overlay is one module; `registry.ts` lists them.
 */
import type { Group, Vector3 } from 'three';
import type { HeightScale } from '../../heightScale';
import type { SceneData, ScenePath, SceneStyle } from '../sceneTypes';
import type { SurfaceMesh } from '../surfaceMesh';
import type { WorldFrame } from '../worldFrame';

/** Everything an overlay may draw from: the data, the filled surface and how it is placed. */
export interface OverlayFrame {
  readonly data: SceneData;
  readonly surface: SurfaceMesh;
  readonly frame: WorldFrame;
  readonly scale: HeightScale;
  readonly style: SceneStyle;
  /** The floor's height (floor contours, axes). */
  readonly floorY: number;
}

/** The focused run's head at the timeline's (fractional) step. */
export interface OverlayFocus {
  readonly path: ScenePath;
  /** The last recorded point at or before the step. */
  readonly index: number;
  readonly alpha: number;
  readonly beta: number;
  /** Where the head is drawn (world). */
  readonly origin: Vector3;
}

export interface SceneOverlay {
  readonly group: Group;
  /** The surface, its scale or frame changed. */
  rebuild(at: OverlayFrame): void;
  /** The timeline moved (focus: null when no run is shown). */
  moveTo(at: OverlayFrame, focus: OverlayFocus | null): void;
  /**
   * Switched on or off, or the style changed (the scene has set `group.visible` already);
   * for overlays drawn partly outside their group. `at` is null without a surface.
   */
  shown?(on: boolean, at: OverlayFrame | null): void;
  dispose(): void;
}

export interface OverlaySpec {
  readonly id: string;
  /** The toolbar button's text and tooltip. */
  readonly label: string;
  readonly title: string;
  readonly defaultOn: boolean;
  /** Whether the toggle is offered for this landscape (e.g. Newton only on exact surfaces). */
  readonly available: (data: { readonly analytic: boolean }) => boolean;
  readonly create: () => SceneOverlay;
}

/** The toggle's fields an overlay must state; the rest have defaults in `defineOverlay`. */
export type OverlayToggle = Omit<OverlaySpec, 'defaultOn' | 'available' | 'create'> &
  Partial<Pick<OverlaySpec, 'defaultOn' | 'available'>>;

/** An overlay's toggle: unless it says otherwise, on by default and offered on every landscape. */
export function defineOverlay(spec: OverlayToggle & Pick<OverlaySpec, 'create'>): OverlaySpec {
  return { defaultOn: true, available: () => true, ...spec };
}
