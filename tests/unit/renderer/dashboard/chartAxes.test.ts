/** Log axes always get a finite range and labelled ticks. */
import { describe, expect, it } from 'vitest';
import {
  linearRange,
  linearSplits,
  logRange,
  logSplits,
} from '../../../../src-renderer/dashboard/chartAxes';

describe('logRange', () => {
  it('snaps to whole decades around the data', () => {
    expect(logRange(0.03, 250)).toEqual([0.01, 1000]);
  });

  it('widens a single value to two decades and survives no usable data', () => {
    expect(logRange(1, 1)).toEqual([0.1, 10]);
    expect(logRange(null, null)).toEqual([0.1, 10]);
    expect(logRange(0, Number.POSITIVE_INFINITY)).toEqual([0.1, 10]);
  });

  it('clamps a diverged run to finite decades', () => {
    const [lo, hi] = logRange(1e-320, 1e308);
    expect(lo).toBe(1e-300);
    expect(hi).toBe(1e300);
  });
});

describe('logSplits', () => {
  it('labels at most ~6 decades over a huge range (lr too big: 1e-3 … 1e38)', () => {
    const ticks = logSplits(1e-3, 1e38);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks.every((t) => t >= 1e-3 && t <= 1e38)).toBe(true);
  });

  it('uses 1-2-5 steps inside one decade, and never returns nothing for a valid range', () => {
    expect(logSplits(1, 10)).toEqual([1, 10]);
    expect(logSplits(0.15, 9)).toEqual([0.2, 0.5, 1, 2, 5]);
    expect(logSplits(1.5, 9)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(logSplits(2.1, 2.9)).toEqual([2.1, 2.9]);
  });

  it('gives no ticks for a range a log axis cannot have', () => {
    expect(logSplits(0, 10)).toEqual([]);
    expect(logSplits(5, 5)).toEqual([]);
  });
});

describe('linearSplits', () => {
  it('ticks 1-2-5 steps over everyday ranges', () => {
    expect(linearSplits(0, 1)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    expect(linearSplits(-1, 1)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('still labels a diverged run (0 … 3e38), where uPlot alone shows none', () => {
    const ticks = linearSplits(0, 3e38);
    expect(ticks).toEqual([0, 1e38, 2e38, 3e38]);
  });

  it('gives no ticks for an empty or non-finite range', () => {
    expect(linearSplits(1, 1)).toEqual([]);
    expect(linearSplits(0, Number.POSITIVE_INFINITY)).toEqual([]);
  });
});

describe('linearRange', () => {
  it('pads the data 5%, starting at 0 for non-negative data near it', () => {
    expect(linearRange(1, 11)).toEqual([0.5, 11.5]);
    expect(linearRange(0.1, 10.1)).toEqual([0, 10.6]);
    expect(linearRange(-2, 2)).toEqual([-2.2, 2.2]);
  });

  it('stays finite for a diverged run and for no data', () => {
    const [, hi] = linearRange(0, Number.MAX_VALUE);
    expect(Number.isFinite(hi)).toBe(true);
    expect(linearRange(null, null)).toEqual([0, 1]);
  });
});

describe('linearSplits on ranges narrow next to their values', () => {
  it('returns a handful of ticks at once, never looping on additions that do not move', () => {
    for (const [min, max] of [
      [0.001 - 1e-12, 0.001 + 1e-12],
      // a step of 5e3 is below 1e20's float spacing (16384): v += step would never move
      [1e20, 1e20 + 2e4],
      [-5e30, -5e30 + 1e16],
    ] as const) {
      const ticks = linearSplits(min, max);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(13);
    }
  });
});
