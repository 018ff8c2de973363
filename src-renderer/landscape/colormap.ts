/**
 * Perceptual colormaps as evenly spaced colour stops (values from the matplotlib / Google
 * definitions, sampled at 0, 0.1, …, 1), linearly interpolated in sRGB.
 */
export type ColormapName = 'viridis' | 'magma' | 'turbo' | 'rdbu';

/** The sequential maps offered for the loss; 'rdbu' is the diverging one (signed values, white at 0). */
export const COLORMAP_NAMES: readonly ColormapName[] = ['viridis', 'magma', 'turbo'];

const STOPS: Record<ColormapName, readonly string[]> = {
  viridis: [
    '#440154',
    '#482475',
    '#414487',
    '#355f8d',
    '#2a788e',
    '#21918c',
    '#22a884',
    '#44bf70',
    '#7ad151',
    '#bddf26',
    '#fde725',
  ],
  magma: [
    '#000004',
    '#140e36',
    '#3b0f70',
    '#641a80',
    '#8c2981',
    '#b73779',
    '#de4968',
    '#f7705c',
    '#fe9f6d',
    '#fecf92',
    '#fcfdbf',
  ],
  turbo: [
    '#30123b',
    '#4662d7',
    '#36aaf9',
    '#1ae4b6',
    '#72fe5e',
    '#c8ef34',
    '#faba39',
    '#f66b19',
    '#ca2a04',
    '#7a0403',
  ],
  // ColorBrewer RdBu reversed: blue below zero, white at zero, red above.
  rdbu: [
    '#053061',
    '#2166ac',
    '#4393c3',
    '#92c5de',
    '#d1e5f0',
    '#f7f7f7',
    '#fddbc7',
    '#f4a582',
    '#d6604d',
    '#b2182b',
    '#67001f',
  ],
};

export type Rgb = readonly [number, number, number];

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const PARSED: Record<ColormapName, readonly Rgb[]> = {
  viridis: STOPS.viridis.map(parseHex),
  magma: STOPS.magma.map(parseHex),
  turbo: STOPS.turbo.map(parseHex),
  rdbu: STOPS.rdbu.map(parseHex),
};

/** Colour at t ∈ [0, 1] (clamped; NaN gives the lowest colour), components in [0, 1]. */
export function colormap(name: ColormapName, t: number): Rgb {
  const out: [number, number, number] = [0, 0, 0];
  colormapInto(name, t, out, 0);
  return out;
}

/** Writes the colour at t into `out` at `offset` (no allocation: meshes call it per vertex). */
export function colormapInto(
  name: ColormapName,
  t: number,
  out: Float32Array | number[],
  offset: number,
): void {
  const stops = PARSED[name];
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const x = u * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  out[offset] = a[0] + (b[0] - a[0]) * f;
  out[offset + 1] = a[1] + (b[1] - a[1]) * f;
  out[offset + 2] = a[2] + (b[2] - a[2]) * f;
}

/** A CSS linear-gradient of the map, bottom (0) to top (1), for the colorbar. */
export function cssGradient(name: ColormapName): string {
  return `linear-gradient(to top, ${STOPS[name].join(', ')})`;
}

/** Relative luminance (Rec. 709 weights on the sRGB components). */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
