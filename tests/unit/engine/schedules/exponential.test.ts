import { describe, expect, it } from 'vitest';
import { createExponentialSchedule } from '../../../../src-shared/engine/schedules/exponential';
import { ctx, expectClose, lrs } from './sequence';

describe('schedule.exponential (ExponentialLR)', () => {
  it('lr·gamma^e', () => {
    expectClose(
      lrs(createExponentialSchedule({ gamma: 0.5 }, ctx(2)), 5),
      [2, 1, 0.5, 0.25, 0.125],
    );
  });

  it('needs a finite gamma', () => {
    expect(() => createExponentialSchedule({ gamma: 'x' }, ctx())).toThrow(
      "schedule.exponential: gamma must be a finite number, got 'x'",
    );
  });
});
