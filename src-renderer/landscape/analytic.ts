/**
 * Lecture quantities at a point: for analytic surfaces the gradient and the Newton step from
 * the exact formula (central differences in float64), and for sampled landscapes the
 * gradient of the drawn slice from its grid.
 */
import { type SurfaceName, surfaceValue } from '../../src-shared/engine/models/surfaces';

export type Vec2 = readonly [number, number];

/** ∇f(x, y) by central differences. */
export function surfaceGradient(fn: SurfaceName, x: number, y: number): Vec2 {
  const h = 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
  const f = (a: number, b: number) => surfaceValue(fn, a, b);
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

/** The 2×2 Hessian [fxx, fxy, fyy] by central differences of the gradient. */
export function surfaceHessian(fn: SurfaceName, x: number, y: number): [number, number, number] {
  const h = 1e-4 * Math.max(1, Math.abs(x), Math.abs(y));
  const gxp = surfaceGradient(fn, x + h, y);
  const gxm = surfaceGradient(fn, x - h, y);
  const gyp = surfaceGradient(fn, x, y + h);
  const gym = surfaceGradient(fn, x, y - h);
  const fxx = (gxp[0] - gxm[0]) / (2 * h);
  const fyy = (gyp[1] - gym[1]) / (2 * h);
  const fxy = ((gxp[1] - gxm[1]) / (2 * h) + (gyp[0] - gym[0]) / (2 * h)) / 2;
  return [fxx, fxy, fyy];
}

/** Newton's step −H⁻¹∇f, or null where H is singular. */
export function newtonStep(fn: SurfaceName, x: number, y: number): Vec2 | null {
  const [a, b, d] = surfaceHessian(fn, x, y);
  const [gx, gy] = surfaceGradient(fn, x, y);
  const det = a * d - b * b;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12 * Math.max(1, a * a + d * d)) return null;
  return [-(d * gx - b * gy) / det, -(-b * gx + a * gy) / det];
}

/** Gradient of a gridded slice at (x, y): finite differences between neighbouring columns/rows. */
export function gridGradient(
  values: ArrayLike<number>,
  xs: readonly number[],
  ys: readonly number[],
  x: number,
  y: number,
): Vec2 {
  const n = xs.length;
  const i = nearestIndex(xs, x);
  const j = nearestIndex(ys, y);
  const i0 = Math.max(0, i - 1);
  const i1 = Math.min(n - 1, i + 1);
  const j0 = Math.max(0, j - 1);
  const j1 = Math.min(ys.length - 1, j + 1);
  const gx = (values[j * n + i1]! - values[j * n + i0]!) / (xs[i1]! - xs[i0]!);
  const gy = (values[j1 * n + i]! - values[j0 * n + i]!) / (ys[j1]! - ys[j0]!);
  return [gx, gy];
}

function nearestIndex(axis: readonly number[], v: number): number {
  const first = axis[0]!;
  const step = (axis[axis.length - 1]! - first) / (axis.length - 1);
  return Math.min(axis.length - 1, Math.max(0, Math.round((v - first) / step)));
}
