import { describe, expect, it } from 'vitest';
import { createLinearWarmupSchedule } from '../../../../src-shared/engine/schedules/linear-warmup';
import { ctx, expectClose, lrs } from './sequence';

describe('schedule.linearWarmup (LinearLR)', () => {
  it('factor goes linearly from startFactor to endFactor over totalIters', () => {
    // start 0.25, end 1, T = 3: factors 0.25, 0.5, 0.75, 1, then constant.
    const s = createLinearWarmupSchedule(
      { startFactor: 0.25, endFactor: 1, totalIters: 3 },
      ctx(2),
    );
    expectClose(lrs(s, 6), [0.5, 1, 1.5, 2, 2, 2]);
  });

  it('can decay too (end < start) and has torch defaults 1/3 → 1 over 5', () => {
    const down = createLinearWarmupSchedule(
      { startFactor: 1, endFactor: 0.5, totalIters: 2 },
      ctx(1),
    );
    expectClose(lrs(down, 4), [1, 0.75, 0.5, 0.5]);
    const d = lrs(createLinearWarmupSchedule({}, ctx(3)), 7);
    expectClose(d, [1, 1.4, 1.8, 2.2, 2.6, 3, 3], 1e-12);
  });

  it('checks the factors as torch does', () => {
    expect(() => createLinearWarmupSchedule({ startFactor: 0 }, ctx())).toThrow(
      'schedule.linearWarmup: startFactor must be in (0, 1], got 0',
    );
    expect(() => createLinearWarmupSchedule({ endFactor: 1.1 }, ctx())).toThrow(
      'endFactor must be in [0, 1]',
    );
  });
});
