import { describe, expect, it } from 'vitest';
import { createConstantSchedule } from '../../../../src-shared/engine/schedules/constant';
import { ctx, expectClose, lrs } from './sequence';

describe('schedule.constant (ConstantLR)', () => {
  it('lr·factor for totalIters intervals, then lr', () => {
    const s = createConstantSchedule({ factor: 0.5, totalIters: 3 }, ctx(1));
    expectClose(lrs(s, 6), [0.5, 0.5, 0.5, 1, 1, 1]);
    expect(s.interval).toBe('step'); // the catalog's default
  });

  it('torch defaults: factor 1/3 for 5 intervals', () => {
    expectClose(lrs(createConstantSchedule({}, ctx(0.3)), 7), [0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.3]);
  });

  it('refuses a factor outside (0, 1]', () => {
    expect(() => createConstantSchedule({ factor: 1.5 }, ctx())).toThrow(
      'schedule.constant: factor must be in (0, 1], got 1.5',
    );
    expect(() => createConstantSchedule({ factor: 0 }, ctx())).toThrow('factor must be in (0, 1]');
    expect(() => createConstantSchedule({ totalIters: 2.5 }, ctx())).toThrow(
      'totalIters must be an integer >= 0, got 2.5',
    );
  });
});
