import { describe, expect, it } from 'vitest';
import { createMultiStepSchedule } from '../../../../src-shared/engine/schedules/multistep';
import { ctx, expectClose, lrs } from './sequence';

describe('schedule.multistep (MultiStepLR)', () => {
  it('decays at each milestone; a repeated milestone decays once per repetition', () => {
    // milestones [2, 4, 4], gamma 0.1: ×0.1 at 2, ×0.01 at 4 (torch's Counter).
    const s = createMultiStepSchedule({ milestones: [4, 2, 4], gamma: 0.1 }, ctx(1));
    expectClose(lrs(s, 7), [1, 1, 0.1, 0.1, 0.001, 0.001, 0.001]);
  });

  it('checks the milestones', () => {
    expect(() => createMultiStepSchedule({ milestones: [1, -2] }, ctx())).toThrow(
      'schedule.multistep: milestones[1] must be an integer >= 0, got -2',
    );
    expect(() => createMultiStepSchedule({ milestones: 3 }, ctx())).toThrow(
      'milestones must be a list of integers, got 3',
    );
  });
});
