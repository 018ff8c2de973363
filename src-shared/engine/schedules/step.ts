/** torch StepLR: lr·gamma every stepSize intervals. */
import type { Schedule, ScheduleContext } from '../types';
import { chainableSchedule } from './chainable';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.step';

export function createStepSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, ['stepSize', 'gamma']);
  const stepSize = p.integer('stepSize', 100, 1);
  const gamma = p.number('gamma', 0.1, (v) => (v >= 0 ? undefined : 'must be >= 0'));
  return chainableSchedule(TYPE, p.interval('step'), ctx.baseLr, (epoch, lr) =>
    epoch === 0 || epoch % stepSize !== 0 ? lr : lr * gamma,
  );
}
