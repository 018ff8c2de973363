/**
 * One colour scale over side-by-side panes: with it on, every pane's heights and colours span
 * the values of all the panes' surfaces together (the same loss has the same colour and height
 * in each pane, so their shapes compare honestly); off, each pane spans its own surface.
 */
import { type HeightScale, surfaceScale } from './heightScale';

type Values = ArrayLike<number>;

/** The values each pane's scale spans (null where a pane has no surface yet). */
export function paneScaleValues(
  surfaces: readonly (Values | null)[],
  shared: boolean,
): (Values | null)[] {
  const present = surfaces.filter((s): s is Values => s !== null);
  if (!shared || present.length < 2) return [...surfaces];
  const all = new Float64Array(present.reduce((n, s) => n + s.length, 0));
  let at = 0;
  for (const s of present) {
    for (let k = 0; k < s.length; k++) all[at + k] = s[k]!;
    at += s.length;
  }
  return surfaces.map((s) => (s === null ? null : all));
}

/** Each pane's scale (the colour bar's range), for the style the panes share. */
export function paneScales(
  surfaces: readonly (Values | null)[],
  shared: boolean,
  style: Parameters<typeof surfaceScale>[1],
): (HeightScale | null)[] {
  return paneScaleValues(surfaces, shared).map((v) => (v ? surfaceScale(v, style) : null));
}
