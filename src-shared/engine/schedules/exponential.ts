/** torch ExponentialLR: lr·gamma every interval. */
import type { Schedule, ScheduleContext } from '../types';
import { chainableSchedule } from './chainable';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.exponential';

export function createExponentialSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, ['gamma']);
  const gamma = p.number('gamma', 0.99, (v) => (v >= 0 ? undefined : 'must be >= 0'));
  return chainableSchedule(TYPE, p.interval('step'), ctx.baseLr, (epoch, lr) =>
    epoch === 0 ? lr : lr * gamma,
  );
}
