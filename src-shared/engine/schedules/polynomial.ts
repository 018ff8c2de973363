/**
 * torch PolynomialLR: lr₀·(1 − e/totalIters)^power up to totalIters (then 0 and stays),
 * computed recursively as torch does: lr ← lr·((1 − e/T)/(1 − (e − 1)/T))^power.
 */
import { nonNegative } from '../block-params';
import { chainableSchedule } from './chainable';

export const createPolynomialSchedule = chainableSchedule('schedule.polynomial', (p) => {
  const total = p.number('totalIters', { integer: true, min: 0 });
  const power = p.number('power', { check: nonNegative });
  return (epoch, lr) => {
    if (epoch === 0 || epoch > total) return lr;
    return lr * ((1 - epoch / total) / (1 - (epoch - 1) / total)) ** power;
  };
});
