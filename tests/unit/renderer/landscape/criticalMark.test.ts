/** Marks tell the truth: a critical kind only with a near-zero gradient and curvature to match. */
import { describe, expect, it } from 'vitest';
import { markKind, markLabel } from '../../../../src-renderer/landscape/criticalMark';

const at = (gradNorm: number, lambdaMin: number, lambdaMax: number) => ({
  gradNorm,
  lambdaMin,
  lambdaMax,
  lossRange: 2,
  halfWidth: 1,
});

describe('critical marks', () => {
  it('names a minimum, saddle or maximum where the gradient is near zero', () => {
    expect(markKind(at(0, 0.5, 3))).toBe('minimum');
    expect(markKind(at(0.001, -0.5, 3))).toBe('saddle');
    expect(markKind(at(0.001, -3, -0.5))).toBe('maximum');
    expect(markLabel(at(0, 0.5, 3)).label).toBe('minimum (λ 0.50 … 3.0)');
  });

  it('says "end · ‖g‖" on a slope, whatever the curvature', () => {
    // 0.05 per unit over a half width of 1 is 2.5 % of a range of 2: a slope.
    expect(markKind(at(0.05, 0.5, 3))).toBe('end');
    expect(markLabel(at(0.5, 0.5, 3))).toEqual({ kind: 'end', label: 'end · ‖g‖ = 0.5' });
    // Just under the threshold (0.5 % of the range) it is flat.
    expect(markKind(at(0.0099, 0.5, 3))).toBe('minimum');
  });

  it('says "end" for a flat direction or missing curvature', () => {
    expect(markKind(at(0, 1e-9, 3))).toBe('end');
    expect(markKind(at(0, 0, 0))).toBe('end');
    expect(markKind(at(0, Number.NaN, 3))).toBe('end');
    expect(markKind(at(Number.NaN, 1, 3))).toBe('end');
  });
});
