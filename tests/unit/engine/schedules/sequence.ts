/** Test helpers: the lr sequence of a schedule and a tolerant comparison. */
import { expect } from 'vitest';
import type { Schedule, ScheduleContext } from '../../../../src-shared/engine/types';

export const ctx = (baseLr = 1, totalIntervals = 100, baseMomentum?: number): ScheduleContext => ({
  baseLr,
  totalIntervals,
  baseMomentum,
});

/** current().lr for intervals 0 … n−1 (advancing between them). */
export function lrs(schedule: Schedule, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) schedule.advance();
    out.push(schedule.current().lr);
  }
  return out;
}

export function expectClose(actual: readonly number[], expected: readonly number[], tol = 1e-12) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    if (!(Math.abs(v - expected[i]!) <= tol * Math.max(1, Math.abs(expected[i]!)))) {
      throw new Error(`interval ${i}: got ${v}, expected ${expected[i]}`);
    }
  });
}
