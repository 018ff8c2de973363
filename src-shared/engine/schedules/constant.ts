/** torch ConstantLR: lr·factor until totalIters, then back to lr (÷factor, as torch does). */
import { chainableSchedule } from './chainable';

export const createConstantSchedule = chainableSchedule('schedule.constant', (p) => {
  // torch accepts factor 0 and then divides by it at totalIters; refused here instead.
  const factor = p.number('factor', {
    check: (v) => (v > 0 && v <= 1 ? undefined : 'must be in (0, 1]'),
  });
  const totalIters = p.number('totalIters', { integer: true, min: 0 });
  return (epoch, lr) => {
    if (epoch === 0) return lr * factor;
    if (epoch !== totalIters) return lr;
    return lr * (1 / factor);
  };
});
