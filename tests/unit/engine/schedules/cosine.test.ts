import { describe, expect, it } from 'vitest';
import { createCosineSchedule } from '../../../../src-shared/engine/schedules/cosine';
import { ctx, expectClose, lrs } from './sequence';

const closedForm = (e: number, base: number, etaMin: number, tMax: number) =>
  etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * e) / tMax))) / 2;

describe('schedule.cosine (CosineAnnealingLR, recursive form)', () => {
  it('anneals to etaMin at tMax: 1, 0.853553, 0.5, 0.146447, 0', () => {
    const s = createCosineSchedule({ tMax: 4 }, ctx(1));
    expectClose(lrs(s, 5), [1, 0.8535533905932737, 0.5, 0.14644660940672627, 0], 1e-12);
  });

  it('past tMax climbs back up like torch (period 2·tMax), not flat at etaMin', () => {
    // e = 5 takes torch's additive branch: 0 + (1 − 0)(1 − cos(π/4))/2 = 0.146447;
    // e = 6: ratio (1 + cos(6π/4))/(1 + cos(5π/4))·0.146447 = 0.5; e = 8 back at 1.
    const s = createCosineSchedule({ tMax: 4, etaMin: 0.1 }, ctx(1));
    const seq = lrs(s, 21);
    expectClose(
      seq,
      seq.map((_, e) => closedForm(e, 1, 0.1, 4)),
      1e-12,
    );
    expect(seq[5]).toBeGreaterThan(seq[4]!);
    expect(seq[8]).toBeCloseTo(1, 12);
    expect(seq[12]).toBeCloseTo(0.1, 12);
  });

  it('tMax = 1 alternates between lr and etaMin', () => {
    expectClose(
      lrs(createCosineSchedule({ tMax: 1, etaMin: 0.2 }, ctx(1)), 5),
      [1, 0.2, 1, 0.2, 1],
    );
  });

  it('without tMax anneals over the whole run; tMax must be a positive integer', () => {
    const s = createCosineSchedule({ tMax: null }, ctx(1, 10));
    expect(lrs(s, 11)[10]).toBeCloseTo(0, 12);
    expect(() => createCosineSchedule({ tMax: 0 }, ctx())).toThrow(
      'schedule.cosine: tMax must be an integer >= 1, got 0',
    );
  });
});
