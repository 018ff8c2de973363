/**
 * Marching squares on f = x² + y²: the level r² is the circle of radius r, so every segment
 * end lies on it (up to the linear interpolation error, below h²/(2r) for spacing h), and the
 * segments go all the way round (total length ≈ 2πr).
 */
import { describe, expect, it } from 'vitest';
import { contourSegments } from '../../../../src-renderer/landscape/marchingSquares';

function grid(n: number, lo: number, hi: number, f: (x: number, y: number) => number) {
  const xs = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const ys = xs.slice();
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = f(xs[i]!, ys[j]!);
  return { values, xs, ys };
}

describe('contourSegments', () => {
  const g = grid(81, -2, 2, (x, y) => x * x + y * y);
  const h = 4 / 80;

  for (const r of [0.5, 1, 1.7]) {
    it(`level ${r}² of x² + y² lies on the circle of radius ${r}`, () => {
      const s = contourSegments(g, r * r);
      expect(s.length).toBeGreaterThan(0);
      expect(s.length % 4).toBe(0);
      let length = 0;
      for (let k = 0; k < s.length; k += 2) {
        expect(Math.abs(Math.hypot(s[k]!, s[k + 1]!) - r)).toBeLessThan((h * h) / (2 * r) + 1e-12);
      }
      for (let k = 0; k < s.length; k += 4)
        length += Math.hypot(s[k + 2]! - s[k]!, s[k + 3]! - s[k + 1]!);
      expect(length).toBeGreaterThan(2 * Math.PI * r * 0.99);
      expect(length).toBeLessThan(2 * Math.PI * r * 1.001);
    });
  }

  it('crosses an edge where linear interpolation says: f = x on [0, 1], level 0.25 → x = 0.25', () => {
    const s = contourSegments({ values: [0, 1, 0, 1], xs: [0, 1], ys: [0, 1] }, 0.25);
    expect(s).toEqual([0.25, 0, 0.25, 1]);
  });

  it('splits a saddle cell by its centre value', () => {
    // Corners 1, 0, 1, 0 (v00, v10, v11, v01): centre 0.5 > 0.4, so v00 and v11 connect.
    const s = contourSegments({ values: [1, 0, 0, 1], xs: [0, 1], ys: [0, 1] }, 0.4);
    expect(s.length).toBe(8);
    // The segments cut off the low corners (1, 0) and (0, 1).
    const mids = [(s[0]! + s[2]!) / 2, (s[4]! + s[6]!) / 2].sort();
    expect(mids[0]).toBeLessThan(0.5);
    expect(mids[1]).toBeGreaterThan(0.5);
  });

  it('skips cells with non-finite values and refuses a mismatched grid', () => {
    expect(contourSegments({ values: [0, 1, Number.NaN, 1], xs: [0, 1], ys: [0, 1] }, 0.5)).toEqual(
      [],
    );
    expect(() => contourSegments({ values: [0, 1, 2], xs: [0, 1], ys: [0, 1] }, 0.5)).toThrow(
      'contour grid: 3 values for 2 × 2 points',
    );
  });
});
