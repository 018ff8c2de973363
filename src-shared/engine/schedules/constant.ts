/** torch ConstantLR: lr·factor until totalIters, then back to lr (÷factor, as torch does). */
import type { Schedule, ScheduleContext } from '../types';
import { chainableSchedule } from './chainable';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.constant';

export function createConstantSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, ['factor', 'totalIters']);
  // torch accepts factor 0 and then divides by it at totalIters; refused here instead.
  const factor = p.number('factor', 1 / 3, (v) =>
    v > 0 && v <= 1 ? undefined : 'must be in (0, 1]',
  );
  const totalIters = p.integer('totalIters', 5, 0);
  return chainableSchedule(TYPE, p.interval('step'), ctx.baseLr, (epoch, lr) => {
    if (epoch === 0) return lr * factor;
    if (epoch !== totalIters) return lr;
    return lr * (1 / factor);
  });
}
