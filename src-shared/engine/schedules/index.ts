/**
 * The schedule factory: catalog type (`schedule.step`) + the block's camelCase params →
 * a `Schedule` with torch.optim.lr_scheduler semantics; and a preview for the inspector.
 */
import type { Schedule, ScheduleContext } from '../types';
import { createConstantSchedule } from './constant';
import { createCosineSchedule } from './cosine';
import { createCosineRestartsSchedule } from './cosine-restarts';
import type { ScheduleFactory } from './define';
import { createExponentialSchedule } from './exponential';
import { createLinearWarmupSchedule } from './linear-warmup';
import { createMultiStepSchedule } from './multistep';
import { createOneCycleSchedule } from './onecycle';
import { createPlateauSchedule } from './plateau';
import { createPolynomialSchedule } from './polynomial';
import { createStepSchedule } from './step';

const factories: Readonly<Record<string, ScheduleFactory>> = {
  'schedule.constant': createConstantSchedule,
  'schedule.step': createStepSchedule,
  'schedule.multistep': createMultiStepSchedule,
  'schedule.exponential': createExponentialSchedule,
  'schedule.cosine': createCosineSchedule,
  'schedule.cosineRestarts': createCosineRestartsSchedule,
  'schedule.linearWarmup': createLinearWarmupSchedule,
  'schedule.onecycle': createOneCycleSchedule,
  'schedule.polynomial': createPolynomialSchedule,
  'schedule.plateau': createPlateauSchedule,
};

export const scheduleTypes: readonly string[] = Object.keys(factories);

function checkContext(type: string, ctx: ScheduleContext): void {
  if (!Number.isFinite(ctx.baseLr) || ctx.baseLr < 0) {
    throw new Error(`${type}: the optimizer's lr must be a finite number >= 0, got ${ctx.baseLr}`);
  }
  if (!Number.isInteger(ctx.totalIntervals) || ctx.totalIntervals < 1) {
    throw new Error(
      `${type}: the run's number of intervals must be an integer >= 1, got ${ctx.totalIntervals}`,
    );
  }
  if (ctx.baseMomentum !== undefined && !Number.isFinite(ctx.baseMomentum)) {
    throw new Error(`${type}: the optimizer's momentum must be finite, got ${ctx.baseMomentum}`);
  }
}

export function createSchedule(
  type: string,
  params: Record<string, unknown>,
  ctx: ScheduleContext,
): Schedule {
  const factory = Object.hasOwn(factories, type) ? factories[type] : undefined;
  if (!factory) {
    throw new Error(`unknown schedule type '${type}' (known: ${scheduleTypes.join(', ')})`);
  }
  checkContext(type, ctx);
  return factory(params, ctx);
}

/**
 * The lr of the first n intervals, for the inspector's small plot. Plateau depends on the
 * metric, so it previews as a flat line at the base lr; OneCycle stops after totalSteps + 1
 * values (torch refuses to step further), so its preview may be shorter than n.
 */
export function previewSchedule(
  type: string,
  params: Record<string, unknown>,
  ctx: ScheduleContext,
  n: number,
): number[] {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`previewSchedule: n must be an integer >= 0, got ${n}`);
  const schedule = createSchedule(type, params, ctx);
  if (type === 'schedule.plateau') return Array.from({ length: n }, () => ctx.baseLr);
  const lrs: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      try {
        schedule.advance();
      } catch {
        break;
      }
    }
    lrs.push(schedule.current().lr);
  }
  return lrs;
}
