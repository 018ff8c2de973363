/** Debiased EMA, TensorBoard's smoothing, against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { debiasedEma } from '../../../../src-renderer/dashboard/smoothing';

describe('debiasedEma', () => {
  it('matches the hand-computed debiased average for weight 0.5', () => {
    // last: 0.5, 1.25, 2.125; debias: 1 − 0.5, 1 − 0.25, 1 − 0.125.
    const out = debiasedEma([1, 2, 3], 0.5);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(1.25 / 0.75, 12);
    expect(out[2]).toBeCloseTo(2.125 / 0.875, 12);
  });

  it('keeps a constant series constant from the first point (no pull toward zero)', () => {
    for (const v of debiasedEma([4, 4, 4, 4, 4], 0.9)) expect(v).toBeCloseTo(4, 12);
  });

  it('passes nulls and NaN through without disturbing the average', () => {
    const out = debiasedEma([1, null, Number.NaN, 3], 0.5);
    expect(out[1]).toBeNull();
    expect(out[2]).toBeNaN();
    // Only 1 and 3 count: last 0.5 then 0.25 + 1.5 = 1.75, debiased by 1 − 0.25.
    expect(out[3]).toBeCloseTo(1.75 / 0.75, 12);
  });

  it('is the identity at weight 0', () => {
    expect(debiasedEma([3, 1, 2], 0)).toEqual([3, 1, 2]);
  });
});
