/** torch ExponentialLR: lr·gamma every interval. */
import { nonNegative } from '../block-params';
import { chainableSchedule } from './chainable';

export const createExponentialSchedule = chainableSchedule('schedule.exponential', (p) => {
  const gamma = p.number('gamma', { check: nonNegative });
  return (epoch, lr) => (epoch === 0 ? lr : lr * gamma);
});
