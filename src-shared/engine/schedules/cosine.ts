/**
 * torch CosineAnnealingLR in its recursive (chainable) form, which is what `step()` uses.
 * Up to tMax it equals ηmin + (lr₀ − ηmin)(1 + cos(π·e/tMax))/2; past tMax it does NOT stay
 * at ηmin: the recursion climbs back to lr₀ at 2·tMax, and so on (a cosine of period 2·tMax).
 */
import type { Schedule, ScheduleContext } from '../types';
import { chainableSchedule, pyMod } from './chainable';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.cosine';

export function createCosineSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, ['tMax', 'etaMin']);
  // No tMax (or null): anneal over the whole run.
  const tMax = p.integer('tMax', ctx.totalIntervals, 1);
  const etaMin = p.number('etaMin', 0);
  const baseLr = ctx.baseLr;
  return chainableSchedule(TYPE, p.interval('step'), baseLr, (epoch, lr) => {
    if (epoch === 0) return lr;
    // Where the ratio below would divide by 1 + cos(π) = 0, torch adds the step instead.
    if (pyMod(epoch - 1 - tMax, 2 * tMax) === 0) {
      return lr + ((baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
    }
    return (
      ((1 + Math.cos((Math.PI * epoch) / tMax)) / (1 + Math.cos((Math.PI * (epoch - 1)) / tMax))) *
        (lr - etaMin) +
      etaMin
    );
  });
}
