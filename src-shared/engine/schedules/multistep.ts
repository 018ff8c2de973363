/**
 * torch MultiStepLR: lr·gamma^c at each milestone, where c counts how often that milestone is
 * listed (torch keeps a Counter, so a repeated milestone decays twice at once).
 */
import type { Schedule, ScheduleContext } from '../types';
import { chainableSchedule } from './chainable';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.multistep';

export function createMultiStepSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, ['milestones', 'gamma']);
  const milestones = p.integerList('milestones', [100, 200], 0);
  const gamma = p.number('gamma', 0.1, (v) => (v >= 0 ? undefined : 'must be >= 0'));
  const counts = new Map<number, number>();
  for (const m of milestones) counts.set(m, (counts.get(m) ?? 0) + 1);
  return chainableSchedule(TYPE, p.interval('step'), ctx.baseLr, (epoch, lr) => {
    const count = counts.get(epoch);
    return count === undefined ? lr : lr * gamma ** count;
  });
}
