import { describe, expect, it } from 'vitest';
import { createStepSchedule } from '../../../../src-shared/engine/schedules/step';
import { ctx, expectClose, lrs } from './sequence';

describe('schedule.step (StepLR)', () => {
  it('lr·gamma^⌊e/stepSize⌋', () => {
    const s = createStepSchedule({ stepSize: 2, gamma: 0.5, interval: 'epoch' }, ctx(1));
    expectClose(lrs(s, 7), [1, 1, 0.5, 0.5, 0.25, 0.25, 0.125]);
    expect(s.interval).toBe('epoch');
  });

  it('refuses a step size of 0 and a bad interval', () => {
    expect(() => createStepSchedule({ stepSize: 0 }, ctx())).toThrow(
      'schedule.step: stepSize must be an integer >= 1, got 0',
    );
    expect(() => createStepSchedule({ interval: 'batch' }, ctx())).toThrow(
      "schedule.step: interval must be one of 'step', 'epoch', got 'batch'",
    );
    expect(() => createStepSchedule({ gamma: -1 }, ctx())).toThrow('gamma must be >= 0');
  });
});
