/**
 * torch CosineAnnealingLR in its recursive (chainable) form, which is what `step()` uses.
 * Up to tMax it equals ηmin + (lr₀ − ηmin)(1 + cos(π·e/tMax))/2; past tMax it does NOT stay
 * at ηmin: the recursion climbs back to lr₀ at 2·tMax, and so on (a cosine of period 2·tMax).
 */
import { chainableSchedule, pyMod } from './chainable';

export const createCosineSchedule = chainableSchedule('schedule.cosine', (p, ctx) => {
  // No tMax (or null): anneal over the whole run.
  const tMax = p.has('tMax') ? p.number('tMax', { integer: true, min: 1 }) : ctx.totalIntervals;
  const etaMin = p.number('etaMin');
  const baseLr = ctx.baseLr;
  return (epoch, lr) => {
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
  };
});
