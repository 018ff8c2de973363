/**
 * Colouring by curvature. Rosenbrock f = (1−x)² + 100(y−x²)²: H = [[1200x² − 400y + 2, −400x],
 * [−400x, 200]]; at (0, 0) H = diag(2, 200), at (0, 1) fxx = −398 (a saddle direction).
 */
import { describe, expect, it } from 'vitest';
import {
  analyticLattice,
  curvatureMapName,
  curvatureScale,
  eigen2,
  latticeAt,
} from '../../../../src-renderer/landscape/curvatureColor';

describe('curvature colouring', () => {
  it('takes the eigenvalues of a symmetric 2×2', () => {
    expect(eigen2(2, 0, 200)).toEqual([2, 200]);
    const [lo, hi] = eigen2(1, 2, 1);
    expect([lo, hi]).toEqual([-1, 3]);
  });

  it('samples an exact surface’s Hessian on a lattice over the view', () => {
    const l = analyticLattice('rosenbrock', [-2, 2], [-1, 3], 5);
    expect(l.alphas).toEqual([-2, -1, 0, 1, 2]);
    expect(l.betas).toEqual([-1, 0, 1, 2, 3]);
    // (x, y) = (0, 0) is row 1, column 2.
    expect(l.lambdaMin[1 * 5 + 2]).toBeCloseTo(2, 3);
    expect(l.lambdaMax[1 * 5 + 2]).toBeCloseTo(200, 3);
    // (0, 1): H = diag(−398, 200).
    expect(l.lambdaMin[2 * 5 + 2]).toBeCloseTo(-398, 2);
  });

  it('interpolates the lattice bilinearly, clamped at its edges', () => {
    const l = {
      grid: 2,
      alphas: [0, 1],
      betas: [0, 2],
      lambdaMax: [0, 10, 20, 30],
      lambdaMin: [0, 0, 0, 0],
    };
    expect(latticeAt(l, 'lambdaMax', 0.5, 1)).toBeCloseTo(15, 12);
    expect(latticeAt(l, 'lambdaMax', 1, 0)).toBeCloseTo(10, 12);
    expect(latticeAt(l, 'lambdaMax', -5, 9)).toBeCloseTo(20, 12);
  });

  it('maps λmin on a diverging scale symmetric about zero, with zero marked', () => {
    const l = analyticLattice('rosenbrock', [-2, 2], [-1, 3], 5);
    const s = curvatureScale(l, 'lambdaMin');
    expect(s.diverging).toBe(true);
    expect(s.lo).toBe(-s.hi);
    expect(s.t(0)).toBe(0.5);
    expect(s.t(s.hi)).toBe(1);
    expect(s.ticks.map((t) => t.zero)).toEqual([false, false, true, false, false]);
    expect(s.ticks[2]!.label).toBe('0');
    expect(curvatureMapName(s, { colormap: 'viridis' })).toBe('rdbu');
  });

  it('maps λmax over its range on the chosen sequential map', () => {
    const l = {
      grid: 2,
      alphas: [0, 1],
      betas: [0, 1],
      lambdaMax: [2, 4, 6, 10],
      lambdaMin: [0, 0, 0, 0],
    };
    const s = curvatureScale(l, 'lambdaMax');
    expect([s.diverging, s.lo, s.hi, s.t(6), s.title]).toEqual([false, 2, 10, 0.5, 'λmax']);
    expect(s.ticks.map((t) => t.label)).toEqual(['2', '4', '6', '8', '10']);
    expect(curvatureMapName(s, { colormap: 'magma' })).toBe('magma');
  });
});
