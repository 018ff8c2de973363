import { describe, expect, it } from 'vitest';
import { createPolynomialSchedule } from '../../../../src-shared/engine/schedules/polynomial';
import { ctx, expectClose, lrs } from './sequence';

describe('schedule.polynomial (PolynomialLR)', () => {
  it('lr₀·(1 − e/T)^power, then 0 for good', () => {
    // T = 4, power 2: (1 − e/4)² = 1, 0.5625, 0.25, 0.0625, 0, then stays 0.
    const s = createPolynomialSchedule({ totalIters: 4, power: 2 }, ctx(1));
    expectClose(lrs(s, 7), [1, 0.5625, 0.25, 0.0625, 0, 0, 0]);
  });

  it('power 1 is linear decay (torch defaults: 5 intervals)', () => {
    expectClose(lrs(createPolynomialSchedule({}, ctx(1)), 7), [1, 0.8, 0.6, 0.4, 0.2, 0, 0]);
  });

  it('refuses a negative power', () => {
    expect(() => createPolynomialSchedule({ power: -1 }, ctx())).toThrow('power must be >= 0');
  });
});
