import { describe, expect, it } from 'vitest';
import { createDataset } from '../../../../src-shared/engine/datasets';
import { classCounts, REGRESSION_FORMULAS } from '../../../../src-shared/engine/datasets/synthetic';
import type { Dataset } from '../../../../src-shared/engine/types';

/** All rows of both splits as [x, y, label]. */
function rows(ds: Dataset): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const split of [ds.train, ds.val]) {
    for (let i = 0; i < split.n; i++) out.push([split.x[2 * i]!, split.x[2 * i + 1]!, split.y[i]!]);
  }
  return out;
}

const TYPES = [
  'dataset.spiral',
  'dataset.moons',
  'dataset.circles',
  'dataset.xor',
  'dataset.gaussians',
];

describe('2D classification datasets', () => {
  it.each(TYPES)('%s: shapes, sizes, balance and determinism', (type) => {
    const ds = createDataset(type, { samples: 301, valSplit: 0.25, seed: 4 });
    expect(ds.type).toBe(type);
    expect(ds.task).toBe('classification');
    expect(ds.numFeatures).toBe(2);
    expect(ds.numClasses).toBe(2);
    expect(ds.val.n).toBe(75); // round(301 · 0.25) = round(75.25)
    expect(ds.train.n).toBe(226);
    expect(ds.train.x.length).toBe(452);
    expect(ds.val.y.length).toBe(75);
    const counts = [0, 0];
    for (const [, , label] of rows(ds)) counts[label]!++;
    expect(counts).toEqual([151, 150]);
    const again = createDataset(type, { samples: 301, valSplit: 0.25, seed: 4 });
    expect(again.train.x).toEqual(ds.train.x);
    expect(again.val.y).toEqual(ds.val.y);
    const other = createDataset(type, { samples: 301, valSplit: 0.25, seed: 5 });
    expect(other.train.x).not.toEqual(ds.train.x);
  });

  it('uses the catalog defaults: 400 samples (regression 200), valSplit 0.2', () => {
    const ds = createDataset('dataset.moons', {});
    expect(ds.train.n).toBe(320);
    expect(ds.val.n).toBe(80);
    expect(createDataset('dataset.regression', {}).val.n).toBe(40);
  });

  it('splits classes as evenly as possible', () => {
    expect(classCounts(10, 3)).toEqual([4, 3, 3]);
    expect(classCounts(9, 3)).toEqual([3, 3, 3]);
  });

  it('spiral: noise-free points lie on arm k, r = t, θ = 3.5πt + 2πk/K', () => {
    const ds = createDataset('dataset.spiral', { samples: 90, classes: 3, noise: 0, valSplit: 0 });
    expect(ds.numClasses).toBe(3);
    expect(ds.val.n).toBe(0);
    for (const [x, y, k] of rows(ds)) {
      const r = Math.hypot(x, y);
      const theta = 3.5 * Math.PI * r + (2 * Math.PI * k) / 3;
      expect(x).toBeCloseTo(r * Math.sin(theta), 5);
      expect(y).toBeCloseTo(r * Math.cos(theta), 5);
      expect(r).toBeLessThan(1);
    }
  });

  it('moons: noise-free points lie on the two (scaled) half circles', () => {
    for (const [x, y, k] of rows(createDataset('dataset.moons', { noise: 0, samples: 100 }))) {
      const [mx, my] = [1.5 * x + 0.5, 1.5 * y + 0.25];
      if (k === 0) {
        expect(Math.hypot(mx, my)).toBeCloseTo(1, 5);
        expect(my).toBeGreaterThanOrEqual(-1e-6);
      } else {
        expect(Math.hypot(mx - 1, my - 0.5)).toBeCloseTo(1, 5);
        expect(my).toBeLessThanOrEqual(0.5 + 1e-6);
      }
    }
  });

  it('circles: class 0 inside radius 0.5, class 1 in the ring 0.7..1', () => {
    for (const [x, y, k] of rows(createDataset('dataset.circles', { noise: 0 }))) {
      const r = Math.hypot(x, y);
      if (k === 0) expect(r).toBeLessThanOrEqual(0.5 + 1e-6);
      else expect(r >= 0.7 - 1e-6 && r <= 1 + 1e-6).toBe(true);
    }
  });

  it('xor: class 0 where x·y > 0, class 1 where x·y < 0, away from the axes', () => {
    for (const [x, y, k] of rows(createDataset('dataset.xor', { noise: 0 }))) {
      expect(Math.sign(x * y)).toBe(k === 0 ? 1 : -1);
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(0.05 - 1e-6);
    }
  });

  it('gaussians: class means at radius 0.7, angle π/4 + 2πk/K; spread = noise', () => {
    const ds = createDataset('dataset.gaussians', { classes: 4, samples: 4000, noise: 0.1 });
    for (let k = 0; k < 4; k++) {
      const pts = rows(ds).filter((r) => r[2] === k);
      const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
      const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
      const angle = Math.PI / 4 + (Math.PI * k) / 2;
      // Standard error of a mean: 0.1 / sqrt(1000) ≈ 0.003.
      expect(Math.abs(mx - 0.7 * Math.cos(angle))).toBeLessThan(0.012);
      expect(Math.abs(my - 0.7 * Math.sin(angle))).toBeLessThan(0.012);
      const sx = Math.sqrt(pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0) / pts.length);
      expect(Math.abs(sx - 0.1)).toBeLessThan(0.01);
    }
  });

  it('refuses bad params with the block and param named', () => {
    expect(() => createDataset('dataset.moons', { classes: 3 })).toThrow(
      'dataset.moons: classes must be 2 for dataset.moons, got 3',
    );
    expect(() => createDataset('dataset.spiral', { samples: 2.5 })).toThrow(
      'dataset.spiral: samples must be an integer >= 4, got 2.5',
    );
    expect(() => createDataset('dataset.spiral', { noise: 'lots' })).toThrow(
      "dataset.spiral: noise must be a finite number, got 'lots'",
    );
    expect(() => createDataset('dataset.xor', { valSplit: 1 })).toThrow(
      'dataset.xor: valSplit must be < 1, got 1',
    );
    expect(() => createDataset('dataset.spiral', { samples: 5, classes: 6 })).toThrow(
      'dataset.spiral: samples must be at least classes (6)',
    );
    expect(() => createDataset('dataset.swirl', {})).toThrow(
      'unknown dataset type "dataset.swirl"',
    );
  });
});

describe('dataset.regression', () => {
  it.each(Object.keys(REGRESSION_FORMULAS))('fn %s: noise-free y = f(x) on [-1, 1]', (fn) => {
    const ds = createDataset('dataset.regression', { fn, noise: 0, samples: 200, seed: 1 });
    expect(ds.task).toBe('regression');
    expect(ds.numFeatures).toBe(1);
    expect(ds.numClasses).toBe(1);
    expect(ds.train.n + ds.val.n).toBe(200);
    for (const split of [ds.train, ds.val]) {
      for (let i = 0; i < split.n; i++) {
        const x = split.x[i]!;
        expect(Math.abs(x)).toBeLessThanOrEqual(1);
        const expected = {
          sin: Math.sin(Math.PI * x),
          linear: x,
          quadratic: x * x,
          cubic: x ** 3,
          abs: Math.abs(x),
          step: x < 0 ? 0 : 1,
          sinc: Math.sin(3 * Math.PI * x) / (3 * Math.PI * x),
        }[fn];
        expect(split.y[i]).toBeCloseTo(expected as number, 6);
      }
    }
  });

  it('adds Gaussian noise of std `noise` to the target', () => {
    const ds = createDataset('dataset.regression', { fn: 'linear', noise: 0.3, samples: 5000 });
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < ds.train.n; i++) {
      const r = ds.train.y[i]! - ds.train.x[i]!;
      sum += r;
      sq += r * r;
    }
    const mean = sum / ds.train.n;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(sq / ds.train.n - mean * mean) - 0.3)).toBeLessThan(0.015);
  });

  it('refuses an unknown fn', () => {
    expect(() => createDataset('dataset.regression', { fn: 'tan' })).toThrow(
      "dataset.regression: fn must be one of 'sin', 'quadratic', 'cubic', 'abs', 'step', 'sinc', 'linear', got 'tan'",
    );
  });
});
