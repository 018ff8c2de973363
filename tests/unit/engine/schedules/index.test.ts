import { describe, expect, it } from 'vitest';
import {
  createSchedule,
  previewSchedule,
  scheduleTypes,
} from '../../../../src-shared/engine/schedules';
import { ctx, expectClose } from './sequence';

describe('createSchedule', () => {
  it('knows every catalog schedule and each has an interval', () => {
    expect([...scheduleTypes].sort()).toEqual(
      [
        'schedule.constant',
        'schedule.step',
        'schedule.multistep',
        'schedule.exponential',
        'schedule.cosine',
        'schedule.cosineRestarts',
        'schedule.linearWarmup',
        'schedule.onecycle',
        'schedule.polynomial',
        'schedule.plateau',
      ].sort(),
    );
    for (const type of scheduleTypes) {
      const s = createSchedule(type, { interval: 'step' }, ctx(0.1, 50, 0.9));
      expect(s.type).toBe(type);
      expect(s.interval).toBe('step');
      expect(Number.isFinite(s.current().lr)).toBe(true);
    }
  });

  it('gives clear errors for a bad type, params or context', () => {
    expect(() => createSchedule('schedule.cyclic', {}, ctx())).toThrow(
      "unknown schedule type 'schedule.cyclic' (known: schedule.constant",
    );
    expect(() => createSchedule('schedule.step', { step_size: 3 }, ctx())).toThrow(
      "schedule.step: unknown parameter 'step_size' (known: stepSize, gamma, interval)",
    );
    expect(() => createSchedule('schedule.step', {}, ctx(-1))).toThrow(
      "schedule.step: the optimizer's lr must be a finite number >= 0, got -1",
    );
    expect(() => createSchedule('schedule.step', {}, ctx(1, 0))).toThrow(
      "the run's number of intervals must be an integer >= 1, got 0",
    );
    expect(() => createSchedule('toString', {}, ctx())).toThrow("unknown schedule type 'toString'");
  });
});

describe('previewSchedule', () => {
  it('gives the first n learning rates', () => {
    expectClose(
      previewSchedule('schedule.step', { stepSize: 2, gamma: 0.5 }, ctx(1), 5),
      [1, 1, 0.5, 0.5, 0.25],
    );
  });

  it('is flat for plateau and stops after totalSteps + 1 for onecycle', () => {
    expect(previewSchedule('schedule.plateau', {}, ctx(0.3), 4)).toEqual([0.3, 0.3, 0.3, 0.3]);
    expect(previewSchedule('schedule.onecycle', { totalSteps: 5 }, ctx(1), 20)).toHaveLength(6);
    expect(previewSchedule('schedule.cosine', { tMax: 3 }, ctx(1), 0)).toEqual([]);
  });
});
