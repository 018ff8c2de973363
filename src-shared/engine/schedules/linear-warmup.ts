/**
 * torch LinearLR: the factor goes linearly from startFactor to endFactor over totalIters,
 * applied recursively as torch does: lr ← lr·(1 + (end − start)/(total·start + (e − 1)(end − start))).
 */
import { unitInterval } from '../block-params';
import { chainableSchedule } from './chainable';

export const createLinearWarmupSchedule = chainableSchedule('schedule.linearWarmup', (p) => {
  const start = p.number('startFactor', {
    check: (v) => (v > 0 && v <= 1 ? undefined : 'must be in (0, 1]'),
  });
  const end = p.number('endFactor', { check: unitInterval });
  const total = p.number('totalIters', { integer: true, min: 0 });
  return (epoch, lr) => {
    if (epoch === 0) return lr * start;
    if (epoch > total) return lr;
    return lr * (1 + (end - start) / (total * start + (epoch - 1) * (end - start)));
  };
});
