/**
 * An arrow from the focused run's head along a direction in the plane (gradient, velocity,
 * Newton step): the overlay modules give the direction, this draws it in world units (the
 * plane's axes may have different scales).
 */
import { ArrowHelper, Group, Vector3 } from 'three';
import type { Vec2 } from '../../analytic';
import {
  defineOverlay,
  type OverlayFocus,
  type OverlayFrame,
  type OverlaySpec,
  type OverlayToggle,
  type SceneOverlay,
} from './overlay';

export interface ArrowOptions {
  readonly color: number;
  /** World length of the arrow (a direction, not a magnitude). */
  readonly length: number;
  /** The direction in (α, β) at the focus, or null: no arrow there. */
  readonly direction: (at: OverlayFrame, focus: OverlayFocus) => Vec2 | null;
}

/** The world direction of a step (dα, dβ) taken at (α, β), normalized; null if degenerate. */
export function worldDirection(
  at: Pick<OverlayFrame, 'frame'>,
  alpha: number,
  beta: number,
  d: Vec2,
): Vector3 | null {
  const f = at.frame;
  const dir = new Vector3(f.x(alpha + d[0]) - f.x(alpha), 0, f.z(beta + d[1]) - f.z(beta));
  if (!(dir.lengthSq() > 0) || !Number.isFinite(dir.x + dir.z)) return null;
  return dir.normalize();
}

export function arrowOverlay(options: ArrowOptions): SceneOverlay {
  const group = new Group();
  const arrow = new ArrowHelper(
    new Vector3(1, 0, 0),
    new Vector3(),
    0.3,
    options.color,
    0.07,
    0.04,
  );
  arrow.renderOrder = 5;
  arrow.visible = false;
  group.add(arrow);
  return {
    group,
    rebuild: () => {},
    moveTo(at, focus) {
      arrow.visible = false;
      if (!focus) return;
      const d = options.direction(at, focus);
      const dir = d && worldDirection(at, focus.alpha, focus.beta, d);
      if (!dir) return;
      arrow.position.copy(focus.origin);
      arrow.position.y += 0.01;
      arrow.setDirection(dir);
      arrow.setLength(options.length, 0.06, 0.035);
      arrow.visible = true;
    },
    dispose: () => arrow.dispose(),
  };
}

/** An overlay that is one such arrow. */
export function arrowOverlaySpec(toggle: OverlayToggle, arrow: ArrowOptions): OverlaySpec {
  return defineOverlay({ ...toggle, create: () => arrowOverlay(arrow) });
}
