/**
 * The perspective camera's vertical field of view for a viewport: the base one while the view
 * is wide enough; in a narrow (or tall) viewport it widens so the surface still fits across.
 */
export const BASE_FOV = 38;
/** The narrowest aspect (width / height) the base field of view shows the whole surface at. */
export const FIT_ASPECT = 1.4;

export function fitFov(aspect: number, base = BASE_FOV): number {
  if (!(aspect > 0) || aspect >= FIT_ASPECT) return base;
  const half = (base * Math.PI) / 360;
  // Same horizontal half-angle as at FIT_ASPECT: tan(h) = aspect · tan(v / 2).
  const v = 2 * Math.atan((Math.tan(half) * FIT_ASPECT) / aspect);
  return Math.min(120, (v * 180) / Math.PI);
}
