/**
 * Every overlay of the landscape, in toolbar order. Adding one: write its module (an
 * `OverlaySpec`) and list it here; the toolbar, the style's defaults and the scene follow.
 */
import { contoursOverlay } from './contours';
import { criticalOverlay } from './critical';
import { gradientOverlay } from './gradient';
import { newtonOverlay } from './newton';
import type { OverlaySpec } from './overlay';
import { velocityOverlay } from './velocity';

export const OVERLAYS: readonly OverlaySpec[] = [
  contoursOverlay,
  gradientOverlay,
  velocityOverlay,
  criticalOverlay,
  newtonOverlay,
];

export type OverlayToggles = Readonly<Record<string, boolean>>;

/** Each overlay's default state. */
export function defaultOverlays(): OverlayToggles {
  return Object.fromEntries(OVERLAYS.map((o) => [o.id, o.defaultOn]));
}

/** Whether an overlay is drawn: switched on (or on by default) and offered for this data. */
export function overlayShown(
  spec: OverlaySpec,
  toggles: OverlayToggles,
  data: { readonly analytic: boolean },
): boolean {
  return (toggles[spec.id] ?? spec.defaultOn) && spec.available(data);
}
