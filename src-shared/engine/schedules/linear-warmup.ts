/**
 * torch LinearLR: the factor goes linearly from startFactor to endFactor over totalIters,
 * applied recursively as torch does: lr ← lr·(1 + (end − start)/(total·start + (e − 1)(end − start))).
 */
import type { Schedule, ScheduleContext } from '../types';
import { chainableSchedule } from './chainable';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.linearWarmup';

export function createLinearWarmupSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, ['startFactor', 'endFactor', 'totalIters']);
  const start = p.number('startFactor', 1 / 3, (v) =>
    v > 0 && v <= 1 ? undefined : 'must be in (0, 1]',
  );
  const end = p.number('endFactor', 1, (v) => (v >= 0 && v <= 1 ? undefined : 'must be in [0, 1]'));
  const total = p.integer('totalIters', 5, 0);
  return chainableSchedule(TYPE, p.interval('step'), ctx.baseLr, (epoch, lr) => {
    if (epoch === 0) return lr * start;
    if (epoch > total) return lr;
    return lr * (1 + (end - start) / (total * start + (epoch - 1) * (end - start)));
  });
}
