/**
 * Dense linear solve A·x = b in float64 by LU factorisation with partial pivoting, small
 * enough for Newton's method on models of up to a few thousand parameters.
 */

export class SingularMatrixError extends Error {}

/**
 * Solves A x = b for a row-major n×n matrix `a` (overwritten by its LU factors) and returns x.
 * Throws SingularMatrixError when a pivot is negligible next to the matrix's scale.
 */
export function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array {
  if (a.length !== n * n || b.length !== n) {
    throw new Error(`solveLinear: expected a ${n}×${n} matrix and ${n} values`);
  }
  let scale = 0;
  for (let k = 0; k < a.length; k++) scale = Math.max(scale, Math.abs(a[k]!));
  const tolerance = n * Number.EPSILON * scale;
  const x = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let best = Math.abs(a[col * n + col]!);
    for (let r = col + 1; r < n; r++) {
      const candidate = Math.abs(a[r * n + col]!);
      if (candidate > best) {
        best = candidate;
        pivotRow = r;
      }
    }
    if (!(best > tolerance)) {
      throw new SingularMatrixError(
        `matrix is singular: no usable pivot in column ${col} (largest |value| ${best})`,
      );
    }
    if (pivotRow !== col) {
      for (let c = 0; c < n; c++) {
        const tmp = a[col * n + c]!;
        a[col * n + c] = a[pivotRow * n + c]!;
        a[pivotRow * n + c] = tmp;
      }
      const tmp = x[col]!;
      x[col] = x[pivotRow]!;
      x[pivotRow] = tmp;
    }
    const pivot = a[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const factor = a[r * n + col]! / pivot;
      if (factor === 0) continue;
      for (let c = col + 1; c < n; c++) a[r * n + c]! -= factor * a[col * n + c]!;
      x[r]! -= factor * x[col]!;
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let sum = x[row]!;
    for (let c = row + 1; c < n; c++) sum -= a[row * n + c]! * x[c]!;
    x[row] = sum / a[row * n + row]!;
  }
  return x;
}
