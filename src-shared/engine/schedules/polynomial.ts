/**
 * torch PolynomialLR: lr₀·(1 − e/totalIters)^power up to totalIters (then 0 and stays),
 * computed recursively as torch does: lr ← lr·((1 − e/T)/(1 − (e − 1)/T))^power.
 */
import type { Schedule, ScheduleContext } from '../types';
import { chainableSchedule } from './chainable';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.polynomial';

export function createPolynomialSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, ['totalIters', 'power']);
  const total = p.integer('totalIters', 5, 0);
  const power = p.number('power', 1, (v) => (v >= 0 ? undefined : 'must be >= 0'));
  return chainableSchedule(TYPE, p.interval('step'), ctx.baseLr, (epoch, lr) => {
    if (epoch === 0 || epoch > total) return lr;
    return lr * ((1 - epoch / total) / (1 - (epoch - 1) / total)) ** power;
  });
}
