import { describe, expect, it } from 'vitest';
import {
  formatTick,
  spectrumAt,
  spectrumStats,
  symlogAxis,
} from '../../../../src-renderer/dashboard/spectrumPlot';
import type { Spectrum } from '../../../../src-shared/protocol/events';

const spectrum = (lambdaMin: number, lambdaMax: number, negativeFraction = 0): Spectrum => ({
  grid: [lambdaMin, lambdaMax],
  weights: [0.5, 0.5],
  lambdaMin,
  lambdaMax,
  negativeFraction,
});

describe('spectrum plot arithmetic', () => {
  it('symlog: linear near 0, log10 beyond c, odd, and inverted exactly', () => {
    const axis = symlogAxis(-0.5, 120);
    expect(axis.c).toBe(0.1); // three decades under 100
    expect(axis.forward(0)).toBe(0);
    expect(axis.forward(-3)).toBeCloseTo(-axis.forward(3), 12);
    expect(axis.forward(99.9)).toBeCloseTo(3, 12); // log10(1 + 999)
    for (const v of [-0.4, 0.003, 7, 120]) expect(axis.inverse(axis.forward(v))).toBeCloseTo(v, 9);
    expect(axis.ticks(-0.5, 120)).toEqual([-0.1, 0, 0.1, 1, 10, 100]);
    expect([-1e-4, 0, 0.001, 0.1, 100, 1e5].map(formatTick)).toEqual([
      '-1e-4',
      '0',
      '1e-3',
      '0.1',
      '100',
      '1e5',
    ]);
  });

  it('shows the measurement at or before the cursor step, the latest when live', () => {
    const points = [0, 10, 20].map((step) => ({ step, spectrum: spectrum(-1, step + 1) }));
    expect(spectrumAt(points, null)?.step).toBe(20);
    expect(spectrumAt(points, 15)?.step).toBe(10);
    expect(spectrumAt(points, 20)?.step).toBe(20);
    expect(spectrumAt([], 3)).toBeNull();
  });

  it('condition number only for a positive spectrum', () => {
    expect(spectrumStats(spectrum(0.5, 50)).condition).toBe(100);
    expect(spectrumStats(spectrum(-0.1, 50, 0.3))).toMatchObject({
      condition: null,
      negativeFraction: 0.3,
    });
  });
});
