/**
 * torch's "chainable" schedulers compute each lr from the previous one (get_lr uses the
 * optimizer's current lr, not a closed form). Replaying the same recursion keeps values,
 * rounding included, equal to torch's, also where the closed form would differ.
 */
import type { ParamReader } from '../block-params';
import type { ScheduleContext } from '../types';
import { defineSchedule, type ScheduleFactory } from './define';

/** lr at interval `epoch` (torch's last_epoch) given the lr of the previous interval. */
export type ChainRule = (epoch: number, previousLr: number) => number;

/** A chainable schedule whose rule `read` makes from the block's params. */
export function chainableSchedule(
  type: string,
  read: (p: ParamReader, ctx: ScheduleContext) => ChainRule,
): ScheduleFactory {
  return defineSchedule(type, (p, ctx) => {
    const rule = read(p, ctx);
    let epoch = 0;
    // torch's constructor performs the first step at last_epoch = 0 from the optimizer's lr.
    let lr = rule(0, ctx.baseLr);
    return {
      current: () => ({ lr }),
      advance: () => {
        epoch += 1;
        lr = rule(epoch, lr);
      },
    };
  });
}

/** Python's a % b (sign of b), which torch's formulas rely on for negative a. */
export function pyMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
