/**
 * torch ReduceLROnPlateau: after more than `patience` intervals without improvement of the
 * metric (by `threshold`, relative or absolute, in mode min or max), lr ← max(lr·factor, minLr)
 * unless that changes lr by no more than eps; then `cooldown` intervals in which bad ones are
 * not counted. advance(metric) needs the metric of the interval just finished.
 */
import type { Schedule, ScheduleContext } from '../types';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.plateau';

export function createPlateauSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, [
    'mode',
    'factor',
    'patience',
    'threshold',
    'thresholdMode',
    'cooldown',
    'minLr',
    'eps',
  ]);
  const mode = p.choice('mode', ['min', 'max'] as const, 'min');
  // torch: "Factor should be < 1.0."
  const factor = p.number('factor', 0.1, (v) =>
    v >= 0 && v < 1 ? undefined : 'must be in [0, 1)',
  );
  const patience = p.integer('patience', 10, 0);
  const threshold = p.number('threshold', 1e-4, (v) => (v >= 0 ? undefined : 'must be >= 0'));
  const thresholdMode = p.choice('thresholdMode', ['rel', 'abs'] as const, 'rel');
  const cooldown = p.integer('cooldown', 0, 0);
  const minLr = p.number('minLr', 0, (v) => (v >= 0 ? undefined : 'must be >= 0'));
  const eps = p.number('eps', 1e-8, (v) => (v >= 0 ? undefined : 'must be >= 0'));
  const interval = p.interval('step');

  const isBetter = (a: number, best: number): boolean => {
    if (mode === 'min') {
      return thresholdMode === 'rel' ? a < best * (1 - threshold) : a < best - threshold;
    }
    return thresholdMode === 'rel' ? a > best * (threshold + 1) : a > best + threshold;
  };

  let lr = ctx.baseLr;
  let best = mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  let badIntervals = 0;
  let cooldownLeft = 0;
  return {
    type: TYPE,
    interval,
    current: () => ({ lr }),
    advance: (metric?: number) => {
      if (typeof metric !== 'number') {
        throw new Error(`${TYPE}: advance needs the monitored metric's value, got ${metric}`);
      }
      // NaN is never better, as in torch: it counts as a bad interval.
      if (isBetter(metric, best)) {
        best = metric;
        badIntervals = 0;
      } else {
        badIntervals += 1;
      }
      if (cooldownLeft > 0) {
        cooldownLeft -= 1;
        badIntervals = 0;
      }
      if (badIntervals > patience) {
        const reduced = Math.max(lr * factor, minLr);
        if (lr - reduced > eps) lr = reduced;
        cooldownLeft = cooldown;
        badIntervals = 0;
      }
    },
  };
}
