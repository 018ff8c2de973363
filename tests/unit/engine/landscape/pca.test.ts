import { describe, expect, it } from 'vitest';
import { pcaPlane } from '../../../../src-shared/engine/landscape/pca';
import { planeProjector } from '../../../../src-shared/engine/landscape/projection';
import { symmetricEigen } from '../../../../src-shared/engine/linalg/symmetric-eigen';
import { dot, norm, planePoint } from '../../../../src-shared/engine/linalg/vector-math';
import { createRng } from '../../../../src-shared/engine/random';

const rng = createRng(11);
const randomVector = (n: number) => Float32Array.from({ length: n }, () => rng.gaussian());

/** Residual of v after projecting on span(d, e) (d, e orthonormal). */
function residualOffPlane(v: Float32Array, d: Float32Array, e: Float32Array): number {
  const a = dot(v, d);
  const b = dot(v, e);
  return norm(Float32Array.from(v, (x, i) => x - a * d[i]! - b * e[i]!));
}

describe('symmetricEigen', () => {
  it('diagonalizes [[2,1],[1,2]] to 3 and 1', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0]![0]! * vectors[0]![1]!).toBeGreaterThan(0);
  });
});

describe('pcaPlane', () => {
  const n = 50;
  const center = randomVector(n);
  const u = randomVector(n);
  const v = randomVector(n);
  // Two trajectories on the plane θc + a·u + b·v (u, v not orthogonal).
  const trajectory = (phase: number) =>
    Array.from({ length: 30 }, (_, t) =>
      planePoint(
        center,
        u,
        v,
        3 * Math.cos(t / 5 + phase) * Math.exp(-t / 20),
        Math.sin(t / 7 + phase),
      ),
    );

  it('recovers the plane of trajectories lying on it (Gram path, T < n)', () => {
    const pca = pcaPlane([trajectory(0), trajectory(1)], center);
    expect(pca.explainedVariance[0] + pca.explainedVariance[1]).toBeCloseTo(1, 5);
    expect(pca.explainedVariance[0]).toBeGreaterThanOrEqual(pca.explainedVariance[1]);
    expect(norm(pca.delta)).toBeCloseTo(1, 5);
    expect(norm(pca.eta)).toBeCloseTo(1, 5);
    expect(Math.abs(dot(pca.delta, pca.eta))).toBeLessThan(1e-5);
    // u and v lie in span(δ, η).
    expect(residualOffPlane(u, pca.delta, pca.eta) / norm(u)).toBeLessThan(1e-4);
    expect(residualOffPlane(v, pca.delta, pca.eta) / norm(v)).toBeLessThan(1e-4);
  });

  it('uses the covariance when there are more snapshots than parameters', () => {
    const c3 = Float32Array.of(1, 2, 3);
    const a = Float32Array.of(1, 0, 1);
    const b = Float32Array.of(0, 1, -1);
    const points = Array.from({ length: 40 }, (_, t) =>
      planePoint(c3, a, b, Math.cos(t), 0.3 * Math.sin(t)),
    );
    const pca = pcaPlane([points], c3);
    expect(pca.explainedVariance[0] + pca.explainedVariance[1]).toBeCloseTo(1, 6);
    expect(residualOffPlane(a, pca.delta, pca.eta)).toBeLessThan(1e-5);
    expect(residualOffPlane(b, pca.delta, pca.eta)).toBeLessThan(1e-5);
  });

  it('refuses trajectories that never leave the center', () => {
    expect(() => pcaPlane([[center, center]], center)).toThrow(/never leave the center/);
  });
});

describe('planeProjector', () => {
  it('projects points of a non-orthogonal plane exactly', () => {
    const n = 40;
    const c = randomVector(n);
    const d = randomVector(n);
    const e = Float32Array.from(d, (x) => 0.6 * x + rng.gaussian()); // strongly correlated with d
    const project = planeProjector(c, d, e);
    for (const [a, b] of [
      [0, 0],
      [1.5, -0.25],
      [-2, 3],
    ]) {
      const p = project(planePoint(c, d, e, a!, b!));
      expect(p.alpha).toBeCloseTo(a!, 4);
      expect(p.beta).toBeCloseTo(b!, 4);
      expect(p.offPlane).toBeLessThan(1e-4);
    }
    // A point off the plane: its distance is the norm of the orthogonal part.
    const w = randomVector(n);
    const p = project(planePoint(c, d, e, 1, 1).map((x, i) => x + w[i]!));
    expect(p.offPlane).toBeGreaterThan(0);
    expect(p.offPlane).toBeLessThanOrEqual(norm(w) + 1e-5);
  });

  it('rejects parallel directions', () => {
    const d = Float32Array.of(1, 2, 3);
    expect(() =>
      planeProjector(
        new Float32Array(3),
        d,
        d.map((x) => 2 * x),
      ),
    ).toThrow(/parallel/);
  });
});
