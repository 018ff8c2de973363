/**
 * The runs' paths on the surface: each a tube with a dark outline, a start ball and a head at
 * the timeline's step, drawn over the surface (never hidden behind a hill). Picking, the heads'
 * positions and the focused run (whose overlays are drawn) come from here.
 */
import {
  Color,
  Group,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  type Object3D,
  type Plane,
  SphereGeometry,
  Vector3,
} from 'three';
import type { Vec3 } from '../cameraTrack';
import type { HeightScale } from '../heightScale';
import type { OverlayFocus } from './overlays/overlay';
import { showUpTo, tubeGeometry } from './pathTube';
import type { ScenePath } from './sceneTypes';
import type { WorldFrame } from './worldFrame';

interface DrawnPath {
  readonly path: ScenePath;
  readonly points: Vector3[];
  readonly tube: Mesh;
  /** A wider dark tube drawn first: the path's outline on any surface colour. */
  readonly outline: Mesh;
  readonly start: Mesh;
  readonly head: Mesh;
}

/** Drawn after the surface and over it: outline, tube, marks. */
const PATH_ORDER = { outline: 20, tube: 21, marks: 22 };
/** Paths float this far above the surface. */
const LIFT = 0.014;

/** Index of the last recorded step ≤ step, and the fraction towards the next. */
export function locate(steps: readonly number[], step: number): { index: number; f: number } {
  if (steps.length === 0 || step <= steps[0]!) return { index: 0, f: 0 };
  let lo = 0;
  let hi = steps.length - 1;
  if (step >= steps[hi]!) return { index: hi, f: 0 };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]! <= step) lo = mid;
    else hi = mid;
  }
  return { index: lo, f: (step - steps[lo]!) / (steps[hi]! - steps[lo]!) };
}

export class PathLayer {
  readonly group = new Group();
  private drawn: DrawnPath[] = [];
  private readonly headGeometry = new SphereGeometry(0.036, 20, 14);
  private readonly startGeometry = new SphereGeometry(0.02, 14, 10);

  get paths(): readonly ScenePath[] {
    return this.drawn.map((d) => d.path);
  }

  /** World points of every path (what the camera must frame). */
  points(): Vec3[] {
    return this.drawn.flatMap((d) => d.points.map((p): Vec3 => [p.x, p.y, p.z]));
  }

  build(paths: readonly ScenePath[], frame: WorldFrame, scale: HeightScale): void {
    this.clear();
    for (const path of paths) {
      const points = path.steps.map((_, k) => pathPoint(path, k, frame, scale));
      const color = new Color(path.color);
      const overlay = { depthTest: false, depthWrite: false } as const;
      const tube = new Mesh(
        tubeGeometry(points, 0.013),
        new MeshStandardMaterial({
          color,
          emissive: color,
          emissiveIntensity: 0.6,
          roughness: 0.45,
          ...overlay,
        }),
      );
      const outline = new Mesh(
        tubeGeometry(points, 0.021),
        new MeshBasicMaterial({ color: 0x07080b, ...overlay }),
      );
      const head = new Mesh(
        this.headGeometry,
        new MeshStandardMaterial({ color, emissive: color, emissiveIntensity: 0.8, ...overlay }),
      );
      // Start: a white ball with the run's colour around it (the outline ring shows it).
      const start = new Mesh(
        this.startGeometry,
        new MeshBasicMaterial({ color: 0xffffff, ...overlay }),
      );
      start.position.copy(points[0] ?? new Vector3());
      outline.renderOrder = PATH_ORDER.outline;
      tube.renderOrder = PATH_ORDER.tube;
      head.renderOrder = start.renderOrder = PATH_ORDER.marks;
      this.group.add(outline, tube, start, head);
      this.drawn.push({ path, points, tube, outline, start, head });
    }
  }

  /** Shows the runs not hidden, clipped to `clip` (the 2D view's plot square) or not. */
  show(hiddenRuns: readonly string[], clip: Plane[] | null): void {
    for (const d of this.drawn) {
      const shown = !hiddenRuns.includes(d.path.run);
      for (const m of [d.tube, d.outline, d.start, d.head]) {
        m.visible = shown;
        (m.material as MeshBasicMaterial).clippingPlanes = clip;
      }
    }
  }

  /** Tubes up to the (fractional) step, heads at it. */
  moveTo(step: number): void {
    for (const d of this.drawn) {
      const { index, f } = locate(d.path.steps, step);
      showUpTo(d.tube.geometry, index);
      showUpTo(d.outline.geometry, index);
      const a = d.points[index]!;
      const b = d.points[Math.min(d.points.length - 1, index + 1)]!;
      d.head.position.lerpVectors(a, b, f);
    }
  }

  /** The run whose overlays are drawn: `run` if shown, else the first shown. */
  focus(run: string | null, step: number): OverlayFocus | null {
    const d =
      this.drawn.find((x) => x.path.run === run && x.tube.visible) ??
      this.drawn.find((x) => x.tube.visible);
    if (!d) return null;
    const p = d.path;
    const { index, f } = locate(p.steps, step);
    const k1 = Math.min(p.steps.length - 1, index + 1);
    return {
      path: p,
      index,
      alpha: p.alpha[index]! + (p.alpha[k1]! - p.alpha[index]!) * f,
      beta: p.beta[index]! + (p.beta[k1]! - p.beta[index]!) * f,
      origin: d.head.position.clone(),
    };
  }

  /** World position of a run's head at a (fractional) step, or null. */
  headAt(run: string, step: number): Vec3 | null {
    const d = this.drawn.find((x) => x.path.run === run);
    if (!d) return null;
    const { index, f } = locate(d.path.steps, step);
    const a = d.points[index]!;
    const b = d.points[Math.min(d.points.length - 1, index + 1)]!;
    return [a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f];
  }

  /**
   * The visible path point (up to the step) nearest the pointer within `radius` px;
   * `offset` gives a world point's screen offset from the pointer.
   */
  pick(
    step: number,
    offset: (v: Vector3) => [number, number],
    radius: number,
  ): { path: ScenePath; index: number } | null {
    let best: { path: ScenePath; index: number } | null = null;
    let bestD = radius * radius;
    for (const d of this.drawn) {
      if (!d.tube.visible) continue;
      const upTo = locate(d.path.steps, step).index;
      for (let k = 0; k <= upTo; k++) {
        const [dx, dy] = offset(d.points[k]!);
        const dd = dx * dx + dy * dy;
        if (dd < bestD) {
          bestD = dd;
          best = { path: d.path, index: k };
        }
      }
    }
    return best;
  }

  /** Each path's objects (test diagnostics). */
  parts(): { run: string; objects: Object3D[] }[] {
    return this.drawn.map((d) => ({
      run: d.path.run,
      objects: [d.tube, d.outline, d.start, d.head],
    }));
  }

  clear(): void {
    for (const d of this.drawn) {
      this.group.remove(d.tube, d.outline, d.start, d.head);
      d.tube.geometry.dispose();
      d.outline.geometry.dispose();
      for (const m of [d.tube, d.outline, d.start, d.head])
        (m.material as MeshBasicMaterial).dispose();
    }
    this.drawn = [];
  }

  dispose(): void {
    this.clear();
    this.headGeometry.dispose();
    this.startGeometry.dispose();
  }
}

function pathPoint(path: ScenePath, k: number, f: WorldFrame, scale: HeightScale): Vector3 {
  const h = scale.normalize(path.loss[k]!);
  const clampBox = (v: number) => Math.max(-1.08, Math.min(1.08, v));
  return new Vector3(
    clampBox(f.x(path.alpha[k]!)),
    f.y(Number.isFinite(h) ? h : 1) + LIFT,
    clampBox(f.z(path.beta[k]!)),
  );
}
