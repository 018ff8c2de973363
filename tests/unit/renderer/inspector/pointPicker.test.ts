/** The point picker's geometry: box, pixel <-> surface mapping, rounding and contour bands. */
import { describe, expect, it } from 'vitest';
import {
  arrowStep,
  contourBands,
  fromPicker,
  pickerBox,
  roundForSpan,
  toPicker,
} from '../../../../src-renderer/inspector/pointPicker';

const view = { x: [-2, 2], y: [-1, 3] } as const;

describe('point picker geometry', () => {
  it('keeps the view box when the point is inside, widens it by a 10% margin otherwise', () => {
    expect(pickerBox(view, [0, 0])).toEqual({ x: [-2, 2], y: [-1, 3] });
    // x = 3 is outside: the box reaches 3 + 0.4
    expect(pickerBox(view, [3, 0])).toEqual({ x: [-2, 3.4], y: [-1, 3] });
  });

  it('maps fractions to coordinates with y upward, and back', () => {
    expect(fromPicker(view, 0, 0)).toEqual([-2, 3]);
    expect(fromPicker(view, 1, 1)).toEqual([2, -1]);
    expect(fromPicker(view, 0.25, 0.5)).toEqual([-1, 1]);
    expect(toPicker(view, -1, 1)).toEqual([0.25, 0.5]);
    expect(fromPicker(view, -0.2, 1.5)).toEqual([-2, -1]);
  });

  it('rounds to a decimal step near a two-hundredth of the span', () => {
    expect(roundForSpan(1.23456, 4)).toBe(1.23);
    expect(roundForSpan(1.23456, 20)).toBe(1.2);
    expect(roundForSpan(1.23456, 0.5)).toBe(1.235);
    expect(arrowStep(4)).toBe(0.1);
    expect(arrowStep(20)).toBe(1);
  });

  it('bands heights on a log scale from the minimum, peaks in the top band', () => {
    // log1p of 0, e-1, e^2-1 -> 0, 1, 2; 95th percentile of 3 values is the middle one (1).
    const values = [5, 5 + Math.E - 1, 5 + Math.E ** 2 - 1];
    expect(contourBands(values, 4)).toEqual([0, 3, 3]);
    expect(contourBands([1, Number.NaN], 4)).toEqual([0, 3]);
  });
});
