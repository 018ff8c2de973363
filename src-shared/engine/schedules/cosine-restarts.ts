/**
 * torch CosineAnnealingWarmRestarts: lr = ηmin + (lr₀ − ηmin)(1 + cos(π·Tcur/Tᵢ))/2, Tcur
 * counting intervals since the last restart; at Tcur = Tᵢ it restarts and Tᵢ ← Tᵢ·tMult.
 */
import { defineSchedule } from './define';

export const createCosineRestartsSchedule = defineSchedule('schedule.cosineRestarts', (p, ctx) => {
  const t0 = p.number('t0', { integer: true, min: 1 });
  const tMult = p.number('tMult', { integer: true, min: 1 });
  const etaMin = p.number('etaMin');
  let tCur = 0;
  let tI = t0;
  const lrNow = (): number =>
    etaMin + ((ctx.baseLr - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
  return {
    current: () => ({ lr: lrNow() }),
    advance: () => {
      tCur += 1;
      if (tCur >= tI) {
        tCur -= tI;
        tI *= tMult;
      }
    },
  };
});
