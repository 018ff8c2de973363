/** Run colours: distinct, and the first one no visible run uses. */
import { describe, expect, it } from 'vitest';
import { nextRunColor, RUN_COLORS } from '../../../../src-renderer/engine/runColors';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

describe('run colours', () => {
  // The old orange #ff9f43 and yellow #ffd166 (sgd vs newton) were 61 apart.
  it('are the eight Okabe–Ito colours, no two of the first six closer than 70 in RGB', () => {
    expect(new Set(RUN_COLORS).size).toBe(8);
    for (const c of ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'])
      expect(RUN_COLORS).toContain(c);
    const six = RUN_COLORS.slice(0, 6).map(rgb);
    for (let i = 0; i < six.length; i++) {
      for (let j = i + 1; j < six.length; j++) {
        const d = Math.hypot(...six[i]!.map((v, k) => v - six[j]![k]!));
        expect(d, `${RUN_COLORS[i]} vs ${RUN_COLORS[j]}`).toBeGreaterThan(70);
      }
    }
  });

  it('gives the first colour not taken, then the least used', () => {
    expect(nextRunColor([])).toBe(RUN_COLORS[0]);
    expect(nextRunColor([RUN_COLORS[0], RUN_COLORS[2]])).toBe(RUN_COLORS[1]);
    expect(nextRunColor([...RUN_COLORS, RUN_COLORS[0]])).toBe(RUN_COLORS[1]);
  });
});
