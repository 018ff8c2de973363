/** Colormaps: exact stop colours at the ends and middle, clamping, and viridis' rising luminance. */
import { describe, expect, it } from 'vitest';
import {
  COLORMAP_NAMES,
  colormap,
  colormapInto,
  luminance,
} from '../../../../src-renderer/landscape/colormap';

describe('colormap', () => {
  it('gives the published end and middle colours', () => {
    // viridis 0 = #440154, 0.5 = #21918c, 1 = #fde725.
    expect(colormap('viridis', 0).map((c) => Math.round(c * 255))).toEqual([0x44, 0x01, 0x54]);
    expect(colormap('viridis', 0.5).map((c) => Math.round(c * 255))).toEqual([0x21, 0x91, 0x8c]);
    expect(colormap('viridis', 1).map((c) => Math.round(c * 255))).toEqual([0xfd, 0xe7, 0x25]);
    expect(colormap('magma', 0).map((c) => Math.round(c * 255))).toEqual([0, 0, 4]);
  });

  it('interpolates linearly between stops: 0.05 is halfway from #440154 to #482475', () => {
    const [r, g, b] = colormap('viridis', 0.05);
    expect(r * 255).toBeCloseTo((0x44 + 0x48) / 2, 6);
    expect(g * 255).toBeCloseTo((0x01 + 0x24) / 2, 6);
    expect(b * 255).toBeCloseTo((0x54 + 0x75) / 2, 6);
  });

  it('clamps outside [0, 1] and maps NaN to the lowest colour', () => {
    for (const name of COLORMAP_NAMES) {
      expect(colormap(name, -3)).toEqual(colormap(name, 0));
      expect(colormap(name, 7)).toEqual(colormap(name, 1));
      expect(colormap(name, Number.NaN)).toEqual(colormap(name, 0));
    }
  });

  it('viridis and magma get brighter monotonically (perceptual order)', () => {
    for (const name of ['viridis', 'magma'] as const) {
      let prev = -1;
      for (let k = 0; k <= 100; k++) {
        const l = luminance(colormap(name, k / 100));
        expect(l).toBeGreaterThan(prev);
        prev = l;
      }
    }
  });

  it('writes into a buffer at an offset without touching the rest', () => {
    const out = new Float32Array(6).fill(9);
    colormapInto('turbo', 1, out, 3);
    expect(Array.from(out.slice(0, 3))).toEqual([9, 9, 9]);
    expect(Array.from(out.slice(3)).map((c) => Math.round(c * 255))).toEqual([0x7a, 0x04, 0x03]);
  });
});
