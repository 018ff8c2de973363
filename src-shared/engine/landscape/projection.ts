/**
 * Least-squares projection onto the plane θc + α·δ + β·η. δ and η need not be orthogonal
 * (filter-normalized random directions rarely are), so plain dot products would be wrong.
 */
import { dot } from '../linalg/vector-math';

export interface PlaneCoordinates {
  readonly alpha: number;
  readonly beta: number;
  /** ‖(θ − θc) − α·δ − β·η‖: how far θ lies off the plane. */
  readonly offPlane: number;
}

export type PlaneProjector = (theta: Float32Array) => PlaneCoordinates;

export function planeProjector(
  center: Float32Array,
  delta: Float32Array,
  eta: Float32Array,
): PlaneProjector {
  const dd = dot(delta, delta);
  const de = dot(delta, eta);
  const ee = dot(eta, eta);
  const det = dd * ee - de * de;
  if (!(det > 1e-12 * dd * ee)) {
    throw new Error('the two landscape directions are parallel (or zero): no plane to project on');
  }
  return (theta) => {
    if (theta.length !== center.length) {
      throw new Error(`projection: expected ${center.length} parameters, got ${theta.length}`);
    }
    let vd = 0;
    let ve = 0;
    for (let i = 0; i < theta.length; i++) {
      const v = theta[i]! - center[i]!;
      vd += v * delta[i]!;
      ve += v * eta[i]!;
    }
    // Normal equations [dd de; de ee][α; β] = [vd; ve].
    const alpha = (ee * vd - de * ve) / det;
    const beta = (dd * ve - de * vd) / det;
    // The residual is summed directly rather than as ‖v‖² − …, which cancels badly.
    let r2 = 0;
    for (let i = 0; i < theta.length; i++) {
      const r = theta[i]! - center[i]! - alpha * delta[i]! - beta * eta[i]!;
      r2 += r * r;
    }
    return { alpha, beta, offPlane: Math.sqrt(r2) };
  };
}
