/** Height scales: linear and log10 normalisation, clipping at loss max, inverse, ticks. */
import { describe, expect, it } from 'vitest';
import {
  contourLevels,
  defaultHeightMode,
  formatLoss,
  heightScale,
  robustCap,
  scaleTicks,
  surfaceScale,
} from '../../../../src-renderer/landscape/heightScale';

describe('heightScale', () => {
  it('linear: (v − min) / (max − min), ignoring non-finite values', () => {
    const s = heightScale([2, 4, Number.NaN, 10, Number.POSITIVE_INFINITY], 'linear');
    expect(s.lo).toBe(2);
    expect(s.hi).toBe(10);
    expect(s.normalize(4)).toBeCloseTo(0.25, 12);
    expect(s.normalize(10)).toBe(1);
    expect(s.invert(0.5)).toBe(6);
    expect(Number.isNaN(s.normalize(Number.NaN))).toBe(true);
  });

  it('log: log10 between the smallest positive value and the max', () => {
    const s = heightScale([0.01, 1, 100], 'log');
    expect(s.lo).toBeCloseTo(0.01, 12);
    expect(s.normalize(1)).toBeCloseTo(0.5, 12); // log10: −2 … 2, 0 is halfway
    expect(s.normalize(0.1)).toBeCloseTo(0.25, 12);
    expect(s.normalize(0)).toBe(0); // exact zeros sit on the floor, not at −∞
    expect(s.invert(0.75)).toBeCloseTo(10, 9);
  });

  it('clips at loss max so one spike does not flatten the rest', () => {
    const s = heightScale([0, 1, 2, 1e6], 'linear', 2);
    expect(s.hi).toBe(2);
    expect(s.normalize(1)).toBe(0.5);
    expect(s.normalize(1e6)).toBe(1);
  });

  it('ticks and contour levels are evenly spaced in height (log-spaced in log mode)', () => {
    const s = heightScale([1, 1000], 'log');
    expect(scaleTicks(s, 4).map((t) => t.label)).toEqual(['1', '10', '100', '1000']);
    const levels = contourLevels(s, 3);
    expect(levels[0]).toBeCloseTo(10 ** 0.5, 9);
    expect(levels[1]).toBeCloseTo(10 ** 1.5, 9);
    expect(levels[2]).toBeCloseTo(10 ** 2.5, 9);
  });

  it('formats losses briefly', () => {
    expect(formatLoss(0)).toBe('0');
    expect(formatLoss(0.123456)).toBe('0.123');
    expect(formatLoss(123456)).toBe('1.2e5');
    expect(formatLoss(2.5e-5)).toBe('2.5e-5');
  });
});

describe('colorbar labels', () => {
  it('in log height, are the log-spaced losses the colours mean', () => {
    // Surface losses 0.01 … 100: four decades; 5 evenly spaced heights are 1 decade apart.
    const scale = heightScale(new Float32Array([0.01, 0.5, 3, 100]), 'log');
    expect(scaleTicks(scale, 5).map((t) => t.label)).toEqual(['0.01', '0.1', '1', '10', '100']);
    // The colour at each label's height is the colour of that loss on the surface.
    for (const t of scaleTicks(scale, 5))
      expect(scale.normalize(Number(t.label))).toBeCloseTo(t.h, 6);
  });

  it('in linear height, are evenly spaced losses', () => {
    const scale = heightScale(new Float32Array([0.01, 0.5, 3, 100]), 'linear');
    expect(scaleTicks(scale, 5).map((t) => t.label)).toEqual(['0.01', '25', '50', '75', '100']);
  });
});

describe('robust cap, symlog and the default height mode', () => {
  const bowl = (n: number) =>
    Array.from({ length: n * n }, (_, k) => {
      const x = (k % n) / (n - 1) - 0.5;
      const y = Math.floor(k / n) / (n - 1) - 0.5;
      return x * x + y * y;
    });

  it('caps an isolated one-cell spike at the 99th percentile, and says so', () => {
    const values = bowl(41);
    values[20 * 41 + 7] = 1000;
    const cap = robustCap(values)!;
    expect(cap).toBeGreaterThan(0.4);
    expect(cap).toBeLessThan(0.5);
    const s = surfaceScale(values, { heightMode: 'linear', clipMax: null, robustCap: true });
    expect(s.hi).toBe(cap);
    expect(s.capped).toBe(cap);
    expect(s.normalize(1000)).toBe(1);
    // The bowl keeps its shape: its rim is near the top, not flattened to 0.0005.
    expect(s.normalize(0.45)).toBeGreaterThan(0.9);
  });

  it('never caps a smooth surface; the user turns it off or sets a loss max instead', () => {
    expect(robustCap(bowl(41))).toBeNull();
    const values = bowl(41);
    values[3] = 1000;
    expect(
      surfaceScale(values, { heightMode: 'linear', clipMax: null, robustCap: false }).capped,
    ).toBeNull();
    expect(surfaceScale(values, { heightMode: 'linear', clipMax: 2, robustCap: true }).capped).toBe(
      2,
    );
  });

  it('symlog: linear near the minimum, log10 above; zeros stay finite; invert is its inverse', () => {
    const values = [0, 0.01, 0.1, 1, 10, 100, 1000, 2500];
    const s = heightScale(values, 'symlog');
    expect(s.normalize(0)).toBe(0);
    expect(s.normalize(2500)).toBe(1);
    for (const v of [0.05, 3, 700]) expect(s.invert(s.normalize(v))).toBeCloseTo(v, 6);
    // Decades well above the threshold take about equal heights.
    const d1 = s.normalize(100) - s.normalize(10);
    const d2 = s.normalize(1000) - s.normalize(100);
    expect(d2 / d1).toBeGreaterThan(0.95);
    expect(d2 / d1).toBeLessThan(1.05);
  });

  it('opens in symlog when the values span more than two decades, else linear', () => {
    const rosen: number[] = [];
    for (let i = 0; i < 41; i++)
      for (let j = 0; j < 41; j++) {
        const x = -2 + (4 * i) / 40;
        const y = -1 + (4 * j) / 40;
        rosen.push((1 - x) ** 2 + 100 * (y - x * x) ** 2);
      }
    expect(defaultHeightMode(rosen)).toBe('symlog');
    expect(defaultHeightMode(bowl(41).map((v) => 0.65 + v / 10))).toBe('linear');
    expect(defaultHeightMode(bowl(41).map((v) => v - 0.2))).toBe('linear');
    // An elongated bowl reaching 0 spans about one decade: linear.
    expect(
      defaultHeightMode(bowl(41).map((v, k) => v + 9 * (Math.floor(k / 41) / 40 - 0.5) ** 2)),
    ).toBe('linear');
  });
});
