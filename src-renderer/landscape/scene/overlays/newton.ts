/** Newton's step −H⁻¹∇f beside the gradient: on exact surfaces only (H from the formula). */
import type { SurfaceName } from '../../../../src-shared/engine/models/surfaces';
import { newtonStep } from '../../analytic';
import { arrowOverlaySpec } from './arrowOverlay';

export const newtonOverlay = arrowOverlaySpec(
  {
    id: 'newton',
    label: 'Newton',
    title: 'Newton step −H⁻¹∇f next to the gradient',
    defaultOn: false,
    available: ({ analytic }) => analytic,
  },
  {
    color: 0xffd166,
    length: 0.28,
    direction: ({ data }, { alpha, beta }) =>
      data.surfaceFn ? newtonStep(data.surfaceFn as SurfaceName, alpha, beta) : null,
  },
);
