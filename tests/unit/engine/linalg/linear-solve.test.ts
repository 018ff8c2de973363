import { describe, expect, it } from 'vitest';
import {
  SingularMatrixError,
  solveLinear,
} from '../../../../src-shared/engine/linalg/linear-solve';

describe('solveLinear (LU with partial pivoting, float64)', () => {
  it('needs a row swap when the first pivot is zero', () => {
    // A = [[0, 2, 1], [1, 1, 0], [2, 0, 3]], b = A·(1, 2, 3) = (7, 3, 11).
    const a = Float64Array.from([0, 2, 1, 1, 1, 0, 2, 0, 3]);
    const x = solveLinear(a, Float64Array.from([7, 3, 11]), 3);
    expect(Array.from(x).map((v) => Number(v.toFixed(12)))).toEqual([1, 2, 3]);
  });

  it('reports a singular matrix', () => {
    const a = Float64Array.from([1, 2, 2, 4]);
    expect(() => solveLinear(a, Float64Array.from([1, 2]), 2)).toThrow(SingularMatrixError);
    expect(() =>
      solveLinear(Float64Array.from([1, 2, 2, 4]), Float64Array.from([1, 2]), 2),
    ).toThrow('matrix is singular');
  });

  it('checks sizes', () => {
    expect(() => solveLinear(new Float64Array(3), new Float64Array(2), 2)).toThrow(
      'expected a 2×2 matrix',
    );
  });
});
