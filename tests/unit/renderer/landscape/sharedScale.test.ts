/**
 * The shared colour scale of side-by-side panes: on, both panes span the union of their
 * surfaces (one loss, one colour and height in each); off, each spans its own; a pane without
 * a surface yet changes nothing; the robust cap and the log floor are taken over the union.
 */
import { describe, expect, it } from 'vitest';
import { paneScales, paneScaleValues } from '../../../../src-renderer/landscape/sharedScale';

const style = { heightMode: 'linear' as const, clipMax: null, robustCap: false };
const smooth = Float32Array.from({ length: 25 }, (_, k) => 0.5 + k / 24); // 0.5 … 1.5
const chaotic = Float32Array.from({ length: 25 }, (_, k) => 0.2 + ((k * 7) % 25) / 4); // 0.2 … 6.2

describe('shared colour scale', () => {
  it('on: both panes span the union, so a loss maps to one height in each', () => {
    const [a, b] = paneScales([smooth, chaotic], true, style);
    expect([a!.lo, a!.hi]).toEqual([b!.lo, b!.hi]);
    expect(a!.lo).toBeCloseTo(0.2, 6);
    expect(a!.hi).toBeCloseTo(6.2, 6);
    expect(a!.normalize(1.5)).toBeCloseTo(b!.normalize(1.5), 12);
    expect(a!.normalize(1.5)).toBeCloseTo((1.5 - 0.2) / 6, 6);
  });

  it('off: each pane spans its own surface', () => {
    const [a, b] = paneScales([smooth, chaotic], false, style);
    expect(a!.lo).toBeCloseTo(0.5, 6);
    expect(a!.hi).toBeCloseTo(1.5, 6);
    expect(b!.lo).toBeCloseTo(0.2, 6);
    expect(b!.hi).toBeCloseTo(6.2, 6);
  });

  it('a pane still computing has no scale, and the other keeps its own', () => {
    const values = paneScaleValues([smooth, null], true);
    expect(values[0]).toBe(smooth);
    expect(values[1]).toBeNull();
    const [a, b] = paneScales([null, chaotic], true, style);
    expect(a).toBeNull();
    expect(b!.hi).toBeCloseTo(6.2, 6);
  });

  it('the union holds every value once, non-finite ones included (the scale skips them)', () => {
    const broken = Float32Array.from([Number.NaN, 2, Number.POSITIVE_INFINITY, 3]);
    const [u] = paneScaleValues([smooth, broken], true);
    expect(u!.length).toBe(29);
    const [a] = paneScales([smooth, broken], true, style);
    expect([a!.lo, a!.hi]).toEqual([0.5, 3]);
  });

  it('log height and the robust cap are taken over the union', () => {
    const spike = Float32Array.from({ length: 100 }, (_, k) => (k === 99 ? 1e6 : 1 + k / 100));
    const flat = Float32Array.from({ length: 100 }, () => 1e-3);
    const [a, b] = paneScales([spike, flat], true, {
      ...style,
      heightMode: 'log',
      robustCap: true,
    });
    expect(a!.lo).toBeCloseTo(1e-3, 9); // the flat pane's floor
    expect(a!.capped).not.toBeNull(); // the spike is capped for both
    expect(b!.capped).toBe(a!.capped);
    expect(a!.hi).toBeLessThan(2);
  });
});
