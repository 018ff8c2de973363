/**
 * torch CosineAnnealingWarmRestarts: lr = ηmin + (lr₀ − ηmin)(1 + cos(π·Tcur/Tᵢ))/2, Tcur
 * counting intervals since the last restart; at Tcur = Tᵢ it restarts and Tᵢ ← Tᵢ·tMult.
 */
import type { Schedule, ScheduleContext } from '../types';
import { ScheduleParams } from './schedule-params';

const TYPE = 'schedule.cosineRestarts';

export function createCosineRestartsSchedule(
  params: Readonly<Record<string, unknown>>,
  ctx: ScheduleContext,
): Schedule {
  const p = new ScheduleParams(TYPE, params, ['t0', 'tMult', 'etaMin']);
  const t0 = p.integer('t0', 100, 1);
  const tMult = p.integer('tMult', 1, 1);
  const etaMin = p.number('etaMin', 0);
  const interval = p.interval('step');
  let tCur = 0;
  let tI = t0;
  const lrNow = (): number =>
    etaMin + ((ctx.baseLr - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
  return {
    type: TYPE,
    interval,
    current: () => ({ lr: lrNow() }),
    advance: () => {
      tCur += 1;
      if (tCur >= tI) {
        tCur -= tI;
        tI *= tMult;
      }
    },
  };
}
