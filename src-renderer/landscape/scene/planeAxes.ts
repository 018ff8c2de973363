/**
 * Axes of the 2D contour view (the top-down orthographic camera): tick numbers under the plot
 * (α or x) and left of it (β or y), and the axis names. A group of its own outside the
 * flattened world, so its labels keep their size; also the planes that clip paths to the plot.
 */
import { Group, Plane, type Sprite, Vector3 } from 'three';
import { niceTicks } from './axes';
import { disposeSprite, textSprite } from './textSprite';
import type { WorldFrame } from './worldFrame';

export interface PlaneTick {
  readonly value: number;
  readonly label: string;
  /** World position along its edge: x for α ticks, z for β ticks (both in [−1, 1]). */
  readonly at: number;
}

/** Ticks of both plane axes at round values inside the frame's ranges. */
export function planeTicks(frame: WorldFrame): { alpha: PlaneTick[]; beta: PlaneTick[] } {
  const label = (v: number) => Number(v.toPrecision(3)).toString();
  return {
    alpha: niceTicks(frame.alpha[0], frame.alpha[1]).map((v) => ({
      value: v,
      label: label(v),
      at: frame.x(v),
    })),
    beta: niceTicks(frame.beta[0], frame.beta[1]).map((v) => ({
      value: v,
      label: label(v),
      at: frame.z(v),
    })),
  };
}

/** Axis symbol: the landscape's α / β, or an analytic surface's own names (x, y). */
export function axisSymbol(name: string): string {
  return name === 'alpha' ? 'α' : name === 'beta' ? 'β' : name;
}

/** The plot square x, z ∈ [−1, 1]: a point is kept where every plane's distance is ≥ 0. */
export const PLOT_CLIP: readonly Plane[] = [
  new Plane(new Vector3(-1, 0, 0), 1),
  new Plane(new Vector3(1, 0, 0), 1),
  new Plane(new Vector3(0, 0, -1), 1),
  new Plane(new Vector3(0, 0, 1), 1),
];

/** Half the height the 2D view shows: the plot (±1) plus room for ticks and names below. */
export const PLANE_VIEW_HALF = 1.5;

export interface PlaneAxes {
  readonly group: Group;
  dispose(): void;
}

/**
 * The labels, sized in screen pixels: `unit` is the world length of one CSS pixel in the 2D
 * view (so numbers stay readable in a small viewer and do not grow huge in a large one).
 */
export function buildPlaneAxes(
  frame: WorldFrame,
  names: readonly [string, string],
  unit: number,
): PlaneAxes {
  const group = new Group();
  const sprites: Sprite[] = [];
  const add = (text: string, color: string, px: number) => {
    const s = textSprite(text, { color, height: px * unit });
    group.add(s);
    sprites.push(s);
    return s;
  };
  const ticks = planeTicks(frame);
  for (const t of ticks.alpha) add(t.label, '#c3cad6', 15).position.set(t.at, 0, 1 + 11 * unit);
  let widest = 0;
  for (const t of ticks.beta) {
    const s = add(t.label, '#c3cad6', 15);
    widest = Math.max(widest, s.scale.x);
    s.position.set(-1 - 3 * unit - s.scale.x / 2, 0, t.at);
  }
  add(axisSymbol(names[0]), '#ffffff', 20).position.set(0, 0, 1 + 28 * unit);
  const beta = add(axisSymbol(names[1]), '#ffffff', 20);
  beta.position.set(-1 - 8 * unit - widest - beta.scale.x / 2, 0, 0);
  return {
    group,
    dispose() {
      group.removeFromParent();
      for (const s of sprites) disposeSprite(s);
    },
  };
}
