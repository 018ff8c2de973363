import { describe, expect, it } from 'vitest';
import { createCosineRestartsSchedule } from '../../../../src-shared/engine/schedules/cosine-restarts';
import { ctx, expectClose, lrs } from './sequence';

const c = (tCur: number, tI: number) => (1 + Math.cos((Math.PI * tCur) / tI)) / 2;

describe('schedule.cosineRestarts (CosineAnnealingWarmRestarts)', () => {
  it('restarts every t0 intervals with tMult = 1', () => {
    const s = createCosineRestartsSchedule({ t0: 3, etaMin: 0 }, ctx(1));
    expectClose(lrs(s, 7), [1, c(1, 3), c(2, 3), 1, c(1, 3), c(2, 3), 1]);
  });

  it('tMult = 2 doubles each period: restarts at 2, 6, 14', () => {
    const s = createCosineRestartsSchedule({ t0: 2, tMult: 2, etaMin: 0.1 }, ctx(1.1));
    // Periods [0, 2), [2, 6), [6, 14), [14, 30): lr = 0.1 + 1·(1 + cos(π·Tcur/Tᵢ))/2.
    const expected = [
      ...[0, 1].map((t) => c(t, 2)),
      ...[0, 1, 2, 3].map((t) => c(t, 4)),
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((t) => c(t, 8)),
      c(0, 16),
    ].map((v) => 0.1 + v);
    expectClose(lrs(s, 15), expected, 1e-12);
  });

  it('checks t0 and tMult', () => {
    expect(() => createCosineRestartsSchedule({ t0: 0 }, ctx())).toThrow(
      'schedule.cosineRestarts: t0 must be an integer >= 1, got 0',
    );
    expect(() => createCosineRestartsSchedule({ t0: 2, tMult: 1.5 }, ctx())).toThrow(
      'tMult must be an integer >= 1, got 1.5',
    );
  });
});
