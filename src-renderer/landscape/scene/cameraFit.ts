/**
 * Framing: the perspective camera looks at the centre of what is drawn (surface box plus
 * paths) from as close as it can with all of it in the viewport, and its near and far planes
 * hug the bounding sphere (a tight depth range: no z-fighting between the surface, its contours and its back).
 * `fitFov` widens the field of view of narrow offscreen targets (the recorder).
 */
import type { Vec3 } from '../cameraTrack';

export interface Sphere {
  readonly center: Vec3;
  readonly radius: number;
}

export interface CameraFit {
  readonly position: [number, number, number];
  readonly target: [number, number, number];
  readonly near: number;
  readonly far: number;
}

export const BASE_FOV = 32;
/** The narrowest aspect (width / height) the base field of view shows the whole surface at. */
export const FIT_ASPECT = 1.4;
/** Room around the sphere (labels stand a little outside the box). */
export const FIT_MARGIN = 1.06;

export function fitFov(aspect: number, base = BASE_FOV): number {
  if (!(aspect > 0) || aspect >= FIT_ASPECT) return base;
  const half = (base * Math.PI) / 360;
  // Same horizontal half-angle as at FIT_ASPECT: tan(h) = aspect · tan(v / 2).
  const v = 2 * Math.atan((Math.tan(half) * FIT_ASPECT) / aspect);
  return Math.min(120, (v * 180) / Math.PI);
}

/** The sphere around the box's centre that holds every finite point. */
export function boundingSphere(points: Iterable<Vec3>): Sphere {
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  const kept: Vec3[] = [];
  for (const p of points) {
    if (!p.every(Number.isFinite)) continue;
    kept.push(p);
    for (let a = 0; a < 3; a++) {
      lo[a] = Math.min(lo[a]!, p[a]!);
      hi[a] = Math.max(hi[a]!, p[a]!);
    }
  }
  if (kept.length === 0) return { center: [0, 0, 0], radius: 1 };
  const center: Vec3 = [(lo[0]! + hi[0]!) / 2, (lo[1]! + hi[1]!) / 2, (lo[2]! + hi[2]!) / 2];
  let r2 = 0;
  for (const p of kept) {
    const d = (p[0] - center[0]) ** 2 + (p[1] - center[1]) ** 2 + (p[2] - center[2]) ** 2;
    r2 = Math.max(r2, d);
  }
  return { center, radius: Math.max(1e-6, Math.sqrt(r2)) };
}

/** Distance from the sphere's centre at which it fits a viewport of `aspect` (width / height). */
export function fitDistance(sphere: Sphere, fovDeg: number, aspect: number, margin = FIT_MARGIN) {
  const vHalf = (fovDeg * Math.PI) / 360;
  const hHalf = Math.atan(Math.tan(vHalf) * Math.max(1e-6, aspect));
  return (sphere.radius * margin) / Math.sin(Math.min(vHalf, hHalf));
}

/** Near and far planes holding the sphere seen from `distance` (a floor keeps near positive). */
export function depthRange(sphere: Sphere, distance: number): { near: number; far: number } {
  const r = sphere.radius * 1.2;
  return { near: Math.max(distance - r, distance * 0.02, 1e-3), far: distance + r };
}

/** Fraction of the half-width / half-height the farthest projected point may reach. */
export const FIT_FILL = 0.97;

/**
 * The pose looking at the centre of `points` from `direction` (towards the camera): as close as
 * it can be with every point inside FIT_FILL of the viewport. The sphere gives a distance
 * that surely fits; a bisection then moves in while the real points still fit (a sphere
 * alone leaves a flat box seen from above at half the frame).
 */
export function fitCamera(
  points: readonly Vec3[],
  direction: Vec3,
  fovDeg: number,
  aspect: number,
): CameraFit {
  const sphere = boundingSphere(points);
  const w = normalize(direction);
  // Camera basis: right = up × w (world up y; looking straight down, −z is up).
  const upHint: Vec3 = Math.abs(w[1]) > 0.999 ? [0, 0, -1] : [0, 1, 0];
  const right = normalize(cross(upHint, w));
  const up = cross(w, right);
  const tv = Math.tan((fovDeg * Math.PI) / 360);
  const th = tv * Math.max(1e-6, aspect);
  const kept = points.filter((p) => p.every(Number.isFinite));
  // The target starts at the sphere's centre; each round moves it to the middle of what the
  // last fit showed (a lopsided view wastes one side) and fits again.
  let target: Vec3 = sphere.center;
  let d = fitDistance(sphere, fovDeg, aspect, 1 / FIT_FILL);
  for (let round = 0; round < 4; round++) {
    const rel = kept.map((p) => {
      const r: Vec3 = [p[0] - target[0], p[1] - target[1], p[2] - target[2]];
      return { x: dot(r, right), y: dot(r, up), z: dot(r, w) };
    });
    const fits = (dist: number) =>
      rel.every((p) => {
        const depth = dist - p.z;
        return (
          depth > 0 &&
          Math.abs(p.x) <= FIT_FILL * depth * th &&
          Math.abs(p.y) <= FIT_FILL * depth * tv
        );
      });
    let hi =
      fitDistance(sphere, fovDeg, aspect, 1 / FIT_FILL) + Math.hypot(...sub(target, sphere.center));
    let lo = 0;
    if (!fits(hi)) break;
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (fits(mid)) hi = mid;
      else lo = mid;
    }
    d = hi;
    // Projected extents (in tan units), then the shift that centres them.
    const sx = rel.map((p) => p.x / (d - p.z));
    const sy = rel.map((p) => p.y / (d - p.z));
    const cx = (Math.max(...sx) + Math.min(...sx)) / 2;
    const cy = (Math.max(...sy) + Math.min(...sy)) / 2;
    if (Math.abs(cx) < 1e-4 * th && Math.abs(cy) < 1e-4 * tv) break;
    target = [
      target[0] + (right[0] * cx + up[0] * cy) * d,
      target[1] + (right[1] * cx + up[1] * cy) * d,
      target[2] + (right[2] * cx + up[2] * cy) * d,
    ];
  }
  const c = target;
  return {
    position: [c[0] + w[0] * d, c[1] + w[1] * d, c[2] + w[2] * d],
    target: [c[0], c[1], c[2]],
    ...depthRange(
      sphere,
      Math.hypot(...sub([c[0] + w[0] * d, c[1] + w[1] * d, c[2] + w[2] * d], sphere.center)),
    ),
  };
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const normalize = (a: Vec3): Vec3 => {
  const n = Math.hypot(...a) || 1;
  return [a[0] / n, a[1] / n, a[2] / n];
};

/**
 * The corner the iso view looks from: the one whose quadrant of the N×N height grid (k = j·N + i,
 * i along x, j towards −z) is lowest on average, so the view looks into the valley instead of
 * at the back of a wall. Signs of x and z; ties keep (+, +).
 */
export function lowCorner(heights: ArrayLike<number>, n: number): [number, number] {
  const sums = [0, 0, 0, 0];
  const counts = [0, 0, 0, 0];
  const half = (n - 1) / 2;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (i === half || j === half) continue;
      const h = heights[j * n + i]!;
      if (!Number.isFinite(h)) continue;
      const q = (i > half ? 1 : 0) + (j < half ? 2 : 0);
      sums[q]! += h;
      counts[q]!++;
    }
  }
  const corners: [number, number][] = [
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ];
  let best = 3;
  for (const q of [3, 2, 1, 0]) {
    const mean = counts[q] ? sums[q]! / counts[q]! : Infinity;
    const bestMean = counts[best] ? sums[best]! / counts[best]! : Infinity;
    if (mean < bestMean - 1e-9) best = q;
  }
  return corners[best]!;
}
