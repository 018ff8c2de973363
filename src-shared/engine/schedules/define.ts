/**
 * How every schedule is made from its block: params read against the catalog (its names only,
 * so a typo cannot pass; its defaults; torch's checks in each schedule), then `interval`.
 */
import { type BlockParams, ParamReader } from '../block-params';
import type { Schedule, ScheduleContext } from '../types';

export type ScheduleFactory = (params: BlockParams, ctx: ScheduleContext) => Schedule;

/** A schedule's state: what `build` returns for one run. */
export type ScheduleState = Pick<Schedule, 'current' | 'advance'>;

const INTERVALS = ['step', 'epoch'] as const;

export function defineSchedule(
  type: string,
  build: (p: ParamReader, ctx: ScheduleContext) => ScheduleState,
): ScheduleFactory {
  return (params, ctx) => {
    const p = new ParamReader(type, params).rejectUnknown();
    const state = build(p, ctx);
    return { type, interval: p.choice('interval', INTERVALS), ...state };
  };
}
