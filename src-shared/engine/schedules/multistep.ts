/**
 * torch MultiStepLR: lr·gamma^c at each milestone, where c counts how often that milestone is
 * listed (torch keeps a Counter, so a repeated milestone decays twice at once).
 */
import { nonNegative } from '../block-params';
import { chainableSchedule } from './chainable';

export const createMultiStepSchedule = chainableSchedule('schedule.multistep', (p) => {
  const milestones = p.numbers('milestones', { integer: true, min: 0 }, true);
  const gamma = p.number('gamma', { check: nonNegative });
  const counts = new Map<number, number>();
  for (const m of milestones) counts.set(m, (counts.get(m) ?? 0) + 1);
  return (epoch, lr) => {
    const count = counts.get(epoch);
    return count === undefined ? lr : lr * gamma ** count;
  };
});
