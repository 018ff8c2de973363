/**
 * Level sets of a gridded function by marching squares: for each cell, the edges where the
 * value crosses the level (linear interpolation along the edge) joined into segments; the
 * two saddle cases are told apart by the cell's centre value. Cells touching a non-finite
 * value are skipped.
 */

export interface Grid2D {
  /** Row-major: value k = j·xs.length + i at (xs[i], ys[j]). */
  readonly values: ArrayLike<number>;
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

/** Segments as [x1, y1, x2, y2, …] appended to `out` (returned). */
export function contourSegments(grid: Grid2D, level: number, out: number[] = []): number[] {
  const { values, xs, ys } = grid;
  const nx = xs.length;
  const ny = ys.length;
  if (values.length !== nx * ny) {
    throw new Error(`contour grid: ${values.length} values for ${nx} × ${ny} points`);
  }
  // Crossing points on the cell's edges in cyclic order: bottom, right, top, left.
  const px = [0, 0, 0, 0];
  const py = [0, 0, 0, 0];
  const has = [false, false, false, false];
  /** Edge e from corner a to corner b: whether the level crosses it, and where. */
  const cross = (
    e: number,
    xa: number,
    ya: number,
    va: number,
    xb: number,
    yb: number,
    vb: number,
  ) => {
    has[e] = va > level !== vb > level;
    if (!has[e]) return;
    const t = (level - va) / (vb - va);
    px[e] = lerp(xa, xb, t);
    py[e] = lerp(ya, yb, t);
  };
  for (let j = 0; j + 1 < ny; j++) {
    const y0 = ys[j]!;
    const y1 = ys[j + 1]!;
    for (let i = 0; i + 1 < nx; i++) {
      const v00 = values[j * nx + i]!;
      const v10 = values[j * nx + i + 1]!;
      const v11 = values[(j + 1) * nx + i + 1]!;
      const v01 = values[(j + 1) * nx + i]!;
      if (
        !(
          Number.isFinite(v00) &&
          Number.isFinite(v10) &&
          Number.isFinite(v11) &&
          Number.isFinite(v01)
        )
      ) {
        continue;
      }
      const a00 = v00 > level;
      const a10 = v10 > level;
      const a11 = v11 > level;
      const a01 = v01 > level;
      if (a00 === a10 && a10 === a11 && a11 === a01) continue;
      const x0 = xs[i]!;
      const x1 = xs[i + 1]!;
      cross(0, x0, y0, v00, x1, y0, v10);
      cross(1, x1, y0, v10, x1, y1, v11);
      cross(2, x0, y1, v01, x1, y1, v11);
      cross(3, x0, y0, v00, x0, y1, v01);
      if (has[0] && has[1] && has[2] && has[3]) {
        const centreAbove = (v00 + v10 + v11 + v01) / 4 > level;
        if (centreAbove === a00) {
          // v00 and v11 join through the centre: cut off v10 and v01.
          out.push(px[0]!, py[0]!, px[1]!, py[1]!, px[2]!, py[2]!, px[3]!, py[3]!);
        } else {
          out.push(px[3]!, py[3]!, px[0]!, py[0]!, px[1]!, py[1]!, px[2]!, py[2]!);
        }
        continue;
      }
      let first = -1;
      for (let e = 0; e < 4; e++) {
        if (!has[e]) continue;
        if (first < 0) first = e;
        else out.push(px[first]!, py[first]!, px[e]!, py[e]!);
      }
    }
  }
  return out;
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}
