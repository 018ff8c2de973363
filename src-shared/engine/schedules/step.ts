/** torch StepLR: lr·gamma every stepSize intervals. */
import { nonNegative } from '../block-params';
import { chainableSchedule } from './chainable';

export const createStepSchedule = chainableSchedule('schedule.step', (p) => {
  const stepSize = p.number('stepSize', { integer: true, min: 1 });
  const gamma = p.number('gamma', { check: nonNegative });
  return (epoch, lr) => (epoch === 0 || epoch % stepSize !== 0 ? lr : lr * gamma);
});
