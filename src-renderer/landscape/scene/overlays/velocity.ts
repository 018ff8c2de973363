/**
 * The focused run's velocity, for optimizers that keep one: its last move per step on the
 * plane (what momentum carries into the next step).
 */
import { arrowOverlaySpec } from './arrowOverlay';

export const velocityOverlay = arrowOverlaySpec(
  {
    id: 'velocity',
    label: 'v',
    title: 'Velocity (momentum optimizers)',
  },
  {
    color: 0x4dd0e1,
    length: 0.22,
    direction: (_, { path: p, index }) => {
      if (!p.momentum || index === 0) return null;
      const gap = p.steps[index]! - p.steps[index - 1]!;
      return [
        (p.alpha[index]! - p.alpha[index - 1]!) / gap,
        (p.beta[index]! - p.beta[index - 1]!) / gap,
      ];
    },
  },
);
