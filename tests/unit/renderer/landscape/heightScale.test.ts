/** Height scales: linear and log10 normalisation, clipping at loss max, inverse, ticks. */
import { describe, expect, it } from 'vitest';
import {
  contourLevels,
  formatLoss,
  heightScale,
  scaleTicks,
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
