/**
 * Lecture overlays on analytic surfaces. Rosenbrock f = (1−x)² + 100(y−x²)²:
 * ∇f = (−2(1−x) − 400x(y−x²), 200(y−x²)); at (0, 0): (−2, 0), H = [[2, 0], [0, 200]], so the
 * Newton step is −H⁻¹∇f = (1, 0). On the bowl ½(x² + 10y²) Newton lands on the minimum.
 */
import { describe, expect, it } from 'vitest';
import {
  gridGradient,
  newtonStep,
  surfaceGradient,
  surfaceHessian,
} from '../../../../src-renderer/landscape/analytic';

describe('analytic overlays', () => {
  it('Rosenbrock gradient, Hessian and Newton step at the origin', () => {
    const g = surfaceGradient('rosenbrock', 0, 0);
    expect(g[0]).toBeCloseTo(-2, 5);
    expect(g[1]).toBeCloseTo(0, 5);
    const [fxx, fxy, fyy] = surfaceHessian('rosenbrock', 0, 0);
    expect(fxx).toBeCloseTo(2, 3);
    expect(fxy).toBeCloseTo(0, 3);
    expect(fyy).toBeCloseTo(200, 2);
    const step = newtonStep('rosenbrock', 0, 0)!;
    expect(step[0]).toBeCloseTo(1, 4);
    expect(step[1]).toBeCloseTo(0, 4);
  });

  it('Newton on the quadratic bowl jumps from (−2.5, 1.5) to the minimum', () => {
    const step = newtonStep('quadratic', -2.5, 1.5)!;
    expect(step[0]).toBeCloseTo(2.5, 4);
    expect(step[1]).toBeCloseTo(-1.5, 4);
  });

  it('the slice gradient of a gridded plane z = 3x − 2y is (3, −2)', () => {
    const xs = [0, 1, 2, 3];
    const values = new Float32Array(16);
    for (let j = 0; j < 4; j++)
      for (let i = 0; i < 4; i++) values[j * 4 + i] = 3 * xs[i]! - 2 * xs[j]!;
    const g = gridGradient(values, xs, xs, 1.2, 1.9);
    expect(g[0]).toBeCloseTo(3, 6);
    expect(g[1]).toBeCloseTo(-2, 6);
  });
});
