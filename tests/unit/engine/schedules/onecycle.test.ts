import { describe, expect, it } from 'vitest';
import { createOneCycleSchedule } from '../../../../src-shared/engine/schedules/onecycle';
import type { Schedule } from '../../../../src-shared/engine/types';
import { ctx, expectClose } from './sequence';

function run(s: Schedule, n: number): { lr: number[]; momentum: (number | undefined)[] } {
  const lr: number[] = [];
  const momentum: (number | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) s.advance();
    lr.push(s.current().lr);
    momentum.push(s.current().momentum);
  }
  return { lr, momentum };
}

// Two phases, totalSteps 10, pctStart 0.3, maxLr 1, divFactor 25, finalDivFactor 1e4:
// initial lr 0.04, min lr 4e-6; phase 1 ends at step 0.3·10 − 1 = 2, phase 2 at 9.
// cos anneal a → b: b + (a − b)/2·(cos(π·pct) + 1); phase 2 pct = (step − 2)/7.
const twoPhaseLr = [
  0.04, 0.52, 1, 0.9504846320134737, 0.8117456539497631, 0.6112620219362893, 0.38874197806371075,
  0.18825834605023697, 0.049519367986526286, 4e-6, 0.04951936798652623,
];
const twoPhaseMomentum = [
  0.95, 0.9, 0.85, 0.854951556604879, 0.8688255099070633, 0.8888739533021842, 0.9111260466978157,
  0.9311744900929366, 0.945048443395121, 0.95, 0.945048443395121,
];

describe('schedule.onecycle (OneCycleLR)', () => {
  it('two phases: up to maxLr, then down to maxLr/div/finalDiv; momentum inversely', () => {
    const s = createOneCycleSchedule({ maxLr: 1, totalSteps: 10 }, ctx(0.01, 100, 0.9));
    const { lr, momentum } = run(s, 11);
    expectClose(lr, twoPhaseLr, 1e-12);
    expectClose(momentum as number[], twoPhaseMomentum, 1e-12);
    expect(s.interval).toBe('step');
  });

  it('stepping past totalSteps throws torch’s message and changes nothing', () => {
    const s = createOneCycleSchedule({ maxLr: 1, totalSteps: 10 }, ctx(0.01, 100, 0.9));
    run(s, 11);
    expect(() => s.advance()).toThrow(
      'schedule.onecycle: Tried to step 12 times. The specified number of total steps is 10',
    );
    expect(s.current().lr).toBeCloseTo(twoPhaseLr[10]!, 12);
  });

  it('three phases: up, back down to the initial lr, then to the minimum', () => {
    // Phase ends: 2, 2·0.3·10 − 2 = 4, 9. Momentum: 0.95 → 0.85 → 0.95, then stays 0.95.
    const s = createOneCycleSchedule(
      { maxLr: 1, totalSteps: 10, threePhase: true },
      ctx(0.01, 100, 0.9),
    );
    const { lr, momentum } = run(s, 11);
    expectClose(
      lr,
      [
        0.04, 0.52, 1, 0.52, 0.04, 0.0361807218535102, 0.0261817218535102, 0.013822278146489805,
        0.0038232781464898036, 4e-6, 0.0038232781464897993,
      ],
      1e-12,
    );
    expectClose(
      momentum as number[],
      [0.95, 0.9, 0.85, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95],
      1e-12,
    );
  });

  it('linear annealing, totalSteps from the run, no momentum when the optimizer has none', () => {
    const s = createOneCycleSchedule(
      { maxLr: 1, totalSteps: null, annealStrategy: 'linear' },
      ctx(0.01, 10),
    );
    const { lr, momentum } = run(s, 10);
    // Phase 2 linear from 1 to 4e-6 over 7 steps: 1 − (1 − 4e-6)·(step − 2)/7.
    expectClose(
      lr,
      [0.04, 0.52, 1, ...[1, 2, 3, 4, 5, 6, 7].map((k) => 1 + (4e-6 - 1) * (k / 7))],
      1e-12,
    );
    expect(momentum.every((m) => m === undefined)).toBe(true);
  });

  it('cycleMomentum false leaves momentum alone; maxLr defaults to 0.01 (catalog)', () => {
    const s = createOneCycleSchedule({ cycleMomentum: false, totalSteps: 10 }, ctx(0.5, 100, 0.9));
    expect(s.current().lr).toBeCloseTo(0.01 / 25, 15);
    expect(s.current().momentum).toBeUndefined();
  });

  it('refuses bad params with torch’s reasons', () => {
    expect(() => createOneCycleSchedule({ pctStart: 1.5 }, ctx())).toThrow(
      'schedule.onecycle: pctStart must be between 0 and 1, got 1.5',
    );
    expect(() => createOneCycleSchedule({ annealStrategy: 'exp' }, ctx())).toThrow(
      "annealStrategy must be one of 'cos', 'linear', got 'exp'",
    );
    expect(() => createOneCycleSchedule({ totalSteps: 0 }, ctx())).toThrow(
      'totalSteps must be an integer >= 1, got 0',
    );
    // pctStart·totalSteps = 1 makes the warm-up phase empty (torch: division by zero).
    expect(() => createOneCycleSchedule({ totalSteps: 10, pctStart: 0.1 }, ctx())).toThrow(
      'pctStart makes phase 1 of 2 empty with totalSteps = 10, got 0.1',
    );
  });
});
