/**
 * topEigen against the exact Jacobi solver: the top pairs of a 200×200 Gram matrix of
 * trajectory-like rows (a fast-decaying spectrum), of a rank-2 matrix, and of a matrix with
 * negative eigenvalues.
 */
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../../src-shared/engine/linalg/symmetric-eigen';
import { topEigen } from '../../../../src-shared/engine/linalg/top-eigen';
import { createRng } from '../../../../src-shared/engine/random';

/** R Rᵀ for `t` rows of length `d`, row i = Σ_k s_k · g_ik · basis_k (scales s_k). */
function gram(t: number, d: number, scales: readonly number[]): Float64Array {
  const rng = createRng(7);
  const basis = scales.map(() => Float64Array.from({ length: d }, () => rng.gaussian()));
  const rows = Array.from({ length: t }, () => {
    const row = new Float64Array(d);
    scales.forEach((s, k) => {
      const g = rng.gaussian() * s;
      for (let j = 0; j < d; j++) row[j]! += g * basis[k]![j]!;
    });
    return row;
  });
  const a = new Float64Array(t * t);
  for (let i = 0; i < t; i++)
    for (let j = 0; j < t; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += rows[i]![c]! * rows[j]![c]!;
      a[i * t + j] = s;
    }
  return a;
}

function expectSamePairs(a: Float64Array, n: number, k: number) {
  const exact = symmetricEigen(a, n);
  const top = topEigen(a, n, k);
  expect(top.values).toHaveLength(k);
  for (let i = 0; i < k; i++) {
    expect(top.values[i]! / exact.values[i]!).toBeCloseTo(1, 9);
    let cos = 0;
    for (let j = 0; j < n; j++) cos += top.vectors[i]![j]! * exact.vectors[i]![j]!;
    expect(Math.abs(cos)).toBeCloseTo(1, 8);
  }
}

describe('topEigen', () => {
  it('matches Jacobi on a trajectory-like Gram matrix (200 × 200)', () => {
    expectSamePairs(gram(200, 60, [10, 4, 1, 0.5, 0.2, 0.1, 0.05, 0.01]), 200, 2);
  });

  it('finds both pairs of a rank-2 matrix (the rest of its block vanishes)', () => {
    expectSamePairs(gram(120, 40, [3, 1]), 120, 2);
  });

  it('orders by value, so negative eigenvalues come last', () => {
    const n = 60;
    const a = gram(n, 30, [5, 2, 1, 0.5]);
    for (let i = 0; i < n; i++) a[i * n + i]! -= 3; // shifts the spectrum: most values < 0
    expectSamePairs(a, n, 2);
  });

  it('refuses a k out of range and a wrong size, saying which', () => {
    expect(() => topEigen(new Float64Array(4), 2, 3)).toThrow('k must be in 1..2, got 3');
    expect(() => topEigen(new Float64Array(5), 2, 1)).toThrow('expected 4 entries, got 5');
  });
});
