/** −∇f at the focused head: the exact surface's gradient, or the drawn slice's from its grid. */
import type { SurfaceName } from '../../../../src-shared/engine/models/surfaces';
import { gridGradient, surfaceGradient } from '../../analytic';
import { arrowOverlaySpec } from './arrowOverlay';

export const gradientOverlay = arrowOverlaySpec(
  {
    id: 'gradient',
    label: '∇',
    title: 'Gradient (descent direction)',
  },
  {
    color: 0xffffff,
    length: 0.28,
    direction: ({ data, surface }, { alpha, beta }) => {
      const g = data.surfaceFn
        ? surfaceGradient(data.surfaceFn as SurfaceName, alpha, beta)
        : gridGradient(surface.values, data.xs, data.ys, alpha, beta);
      return [-g[0], -g[1]];
    },
  },
);
