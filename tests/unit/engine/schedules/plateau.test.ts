import { describe, expect, it } from 'vitest';
import { createPlateauSchedule } from '../../../../src-shared/engine/schedules/plateau';
import type { Schedule } from '../../../../src-shared/engine/types';
import { ctx, expectClose } from './sequence';

/** lr after each advance(metric). */
function feed(s: Schedule, metrics: number[]): number[] {
  return metrics.map((m) => {
    s.advance(m);
    return s.current().lr;
  });
}

describe('schedule.plateau (ReduceLROnPlateau)', () => {
  it('patience: reduces after more than `patience` intervals without relative improvement', () => {
    const s = createPlateauSchedule({ patience: 2, factor: 0.5, threshold: 0.1 }, ctx(1));
    expect(s.current().lr).toBe(1);
    // best 10; better means < 10·(1 − 0.1) = 9: 9.5, 9.2, 9.1 are bad (1, 2, 3 > 2 → ×0.5);
    // 8 is better (best 8, threshold 7.2); three more 8s → second reduction.
    expectClose(feed(s, [10, 9.5, 9.2, 9.1, 8, 8, 8, 8]), [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25]);
  });

  it('abs threshold counts 9.5 after 10 as an improvement', () => {
    const s = createPlateauSchedule(
      { patience: 2, factor: 0.5, threshold: 0.1, thresholdMode: 'abs' },
      ctx(1),
    );
    // 9.5 < 10 − 0.1 better; 9.45, 9.41, 9.401 not below 9.4 → third bad one reduces.
    expectClose(feed(s, [10, 9.5, 9.45, 9.41, 9.401]), [1, 1, 1, 1, 0.5]);
  });

  it('cooldown: bad intervals right after a reduction are not counted', () => {
    const s = createPlateauSchedule({ patience: 0, factor: 0.5, cooldown: 2 }, ctx(1));
    // Constant metric: e1 best; e2 bad → ×0.5, cooldown 2; e3, e4 in cooldown; e5 → ×0.5 …
    expectClose(feed(s, [5, 5, 5, 5, 5, 5, 5, 5]), [1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125]);
  });

  it('max mode, minLr floor and eps', () => {
    const s = createPlateauSchedule({ mode: 'max', patience: 0, factor: 0.1, minLr: 0.05 }, ctx(1));
    // A falling metric is bad in max mode: 1 → 0.1 → max(0.01, 0.05) = 0.05 → stays.
    expectClose(feed(s, [3, 2, 1, 0]), [1, 0.1, 0.05, 0.05]);
    // lr 2e-8 → 1e-8 changes lr by 1e-8, not more than eps = 1e-8: torch keeps 2e-8.
    const tiny = createPlateauSchedule({ patience: 0, factor: 0.5 }, ctx(2e-8));
    expectClose(feed(tiny, [1, 1, 1]), [2e-8, 2e-8, 2e-8]);
  });

  it('needs the metric, and counts NaN as a bad interval', () => {
    const s = createPlateauSchedule({ patience: 0 }, ctx(1));
    expect(() => s.advance()).toThrow('schedule.plateau: advance needs the monitored metric');
    s.advance(1);
    s.advance(Number.NaN);
    expect(s.current().lr).toBeCloseTo(0.1, 12);
  });

  it('checks its params as torch does', () => {
    expect(() => createPlateauSchedule({ factor: 1 }, ctx())).toThrow(
      'schedule.plateau: factor must be in [0, 1), got 1',
    );
    expect(() => createPlateauSchedule({ mode: 'median' }, ctx())).toThrow(
      "mode must be one of 'min', 'max', got 'median'",
    );
    expect(() => createPlateauSchedule({ thresholdMode: 'pct' }, ctx())).toThrow(
      "thresholdMode must be one of 'rel', 'abs'",
    );
    expect(() => createPlateauSchedule({ patience: -1 }, ctx())).toThrow(
      'patience must be an integer >= 0, got -1',
    );
  });
});
