/**
 * PCA directions for paths (Li et al. 2018 §7): the top two principal components of
 * (θᵢ − θc) over recorded trajectories. Random directions are almost orthogonal to a
 * trajectory in high dimension; these are the directions it actually moves along.
 */

import { symmetricEigen } from '../linalg/symmetric-eigen';
import { topEigen } from '../linalg/top-eigen';
import { dot, norm } from '../linalg/vector-math';
import { createRng } from '../random';

export interface PcaPlane {
  /** Unit vectors (flat), first and second principal component. */
  readonly delta: Float32Array;
  readonly eta: Float32Array;
  /** Share of Σ‖θᵢ − θc‖² along each direction. */
  readonly explainedVariance: readonly [number, number];
  /** Snapshots used (trajectories longer than `maxSnapshots` in all are thinned evenly). */
  readonly snapshots: number;
}

/** Every k-th snapshot of all trajectories so that at most `max` remain (last ones kept). */
function thin(trajectories: readonly (readonly Float32Array[])[], max: number): Float32Array[] {
  const all = trajectories.flat();
  if (all.length <= max) return all;
  const out: Float32Array[] = [];
  for (let k = 0; k < max; k++) out.push(all[Math.round((k * (all.length - 1)) / (max - 1))]!);
  return out;
}

/** Deterministic sign: the component with the largest magnitude is positive. */
function fixSign(v: Float32Array): Float32Array {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[best]!)) best = i;
  if (v[best]! < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i]!;
  return v;
}

/** A unit vector orthogonal to `d` (seeded), for a trajectory that moves along a line. */
function orthogonalUnit(d: Float32Array): Float32Array {
  const rng = createRng(0);
  const v = Float32Array.from(d, () => rng.gaussian());
  const c = dot(v, d) / dot(d, d);
  for (let i = 0; i < v.length; i++) v[i]! -= c * d[i]!;
  const n = norm(v);
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

export function pcaPlane(
  trajectories: readonly (readonly Float32Array[])[],
  center: Float32Array,
  maxSnapshots = 400,
): PcaPlane {
  const size = center.length;
  if (size < 2) throw new Error('pca directions need a model with at least 2 parameters');
  const rows = thin(trajectories, maxSnapshots).map((theta, i) => {
    if (theta.length !== size) {
      throw new Error(`pca: snapshot ${i} has ${theta.length} values, expected ${size}`);
    }
    return Float64Array.from(theta, (t, j) => t - center[j]!);
  });
  const t = rows.length;
  let total = 0;
  for (const r of rows) for (let j = 0; j < size; j++) total += r[j]! * r[j]!;
  if (!(total > 0)) {
    throw new Error('pca: the trajectories never leave the center, so they span no plane');
  }

  let components: Float32Array[];
  let values: Float64Array;
  if (t <= size) {
    // Gram trick: eigenvectors u of R Rᵀ (T×T) give components Rᵀu / √λ.
    const gram = new Float64Array(t * t);
    for (let a = 0; a < t; a++) {
      for (let b = a; b < t; b++) {
        let s = 0;
        const ra = rows[a]!;
        const rb = rows[b]!;
        for (let j = 0; j < size; j++) s += ra[j]! * rb[j]!;
        gram[a * t + b] = s;
        gram[b * t + a] = s;
      }
    }
    const eig = topEigen(gram, t, Math.min(2, t));
    values = eig.values;
    components = [0, 1].map((k) => {
      const c = new Float32Array(size);
      if (k >= t || !(values[k]! > 1e-12 * total)) return c;
      const u = eig.vectors[k]!;
      for (let a = 0; a < t; a++) for (let j = 0; j < size; j++) c[j]! += u[a]! * rows[a]![j]!;
      const n = norm(c);
      for (let j = 0; j < size; j++) c[j]! /= n;
      return c;
    });
  } else {
    const cov = new Float64Array(size * size);
    for (const r of rows) {
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++) cov[i * size + j]! += r[i]! * r[j]!;
    }
    const eig = symmetricEigen(cov, size);
    values = eig.values;
    components = [0, 1].map((k) => Float32Array.from(eig.vectors[k]!));
  }
  const delta = fixSign(components[0]!);
  const eta = norm(components[1]!) > 0.5 ? fixSign(components[1]!) : orthogonalUnit(delta);
  const share = (k: number) => (k < values.length ? Math.max(0, values[k]!) / total : 0);
  return { delta, eta, explainedVariance: [share(0), share(1)], snapshots: t };
}
