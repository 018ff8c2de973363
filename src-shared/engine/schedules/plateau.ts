/**
 * torch ReduceLROnPlateau: after more than `patience` intervals without improvement of the
 * metric (by `threshold`, relative or absolute, in mode min or max), lr ← max(lr·factor, minLr)
 * unless that changes lr by no more than eps; then `cooldown` intervals in which bad ones are
 * not counted. advance(metric) needs the metric of the interval just finished.
 */
import { nonNegative } from '../block-params';
import { defineSchedule } from './define';

const TYPE = 'schedule.plateau';

export const createPlateauSchedule = defineSchedule(TYPE, (p, ctx) => {
  const mode = p.choice('mode', ['min', 'max'] as const);
  // torch: "Factor should be < 1.0."
  const factor = p.number('factor', {
    check: (v) => (v >= 0 && v < 1 ? undefined : 'must be in [0, 1)'),
  });
  const patience = p.number('patience', { integer: true, min: 0 });
  const threshold = p.number('threshold', { check: nonNegative });
  const thresholdMode = p.choice('thresholdMode', ['rel', 'abs'] as const);
  const cooldown = p.number('cooldown', { integer: true, min: 0 });
  const minLr = p.number('minLr', { check: nonNegative });
  const eps = p.number('eps', { check: nonNegative });

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
});
