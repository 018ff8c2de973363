/** Pure helpers of the scene: filling a partial grid, locating a step on a path, tick values. */
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../../src-renderer/landscape/scene/axes';
import { BASE_FOV, FIT_ASPECT, fitFov } from '../../../../src-renderer/landscape/scene/cameraFit';
import { locate } from '../../../../src-renderer/landscape/scene/pathLayer';
import {
  axisSymbol,
  PLOT_CLIP,
  planeTicks,
} from '../../../../src-renderer/landscape/scene/planeAxes';
import { fillMissing } from '../../../../src-renderer/landscape/scene/surfaceMesh';
import { worldFrame } from '../../../../src-renderer/landscape/scene/worldFrame';

describe('scene helpers', () => {
  it('fills a coarse grid from the nearest computed point, rows first', () => {
    const N = Number.NaN;
    const grid = [1, N, 3, N, N, N, 7, N, N];
    const out = fillMissing(grid, 3, new Float32Array(9));
    expect(Array.from(out)).toEqual([1, 1, 3, 1, 1, 3, 7, 7, 7]);
  });

  it('locates a fractional step between recorded steps', () => {
    expect(locate([0, 10, 20], 15)).toEqual({ index: 1, f: 0.5 });
    expect(locate([0, 10, 20], -1)).toEqual({ index: 0, f: 0 });
    expect(locate([0, 10, 20], 25)).toEqual({ index: 2, f: 0 });
  });

  it('chooses round tick values', () => {
    expect(niceTicks(-2, 2)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(-1, 3, 4)).toEqual([-1, 0, 1, 2, 3]);
  });
});

describe('2D contour axes', () => {
  it('puts round α / β ticks at their world positions along the plot edges', () => {
    // α ∈ [−2, 2] → x = −1 + (α + 2)·0.5; β ∈ [0, 1] → z = 1 − 2β (β grows upwards on screen).
    const ticks = planeTicks(worldFrame([-2, 2], [0, 1], 1));
    expect(ticks.alpha.map((t) => [t.label, t.at])).toEqual([
      ['-2', -1],
      ['-1', -0.5],
      ['0', 0],
      ['1', 0.5],
      ['2', 1],
    ]);
    expect(ticks.beta.map((t) => t.label)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(ticks.beta.map((t) => t.at)).toEqual(
      [1, 0.6, 0.2, -0.2, -0.6, -1].map((z) => expect.closeTo(z, 12)),
    );
  });

  it('names the axes α / β for a network, x / y for an analytic surface', () => {
    expect(['alpha', 'beta', 'x', 'y'].map(axisSymbol)).toEqual(['α', 'β', 'x', 'y']);
  });

  it('clips to the plot square: inside kept, outside cut on every side', () => {
    const kept = (x: number, z: number) =>
      PLOT_CLIP.every((p) => p.distanceToPoint(new Vector3(x, 0.3, z)) >= 0);
    expect(kept(0, 0)).toBe(true);
    expect(kept(1, -1)).toBe(true);
    expect([kept(1.05, 0), kept(-1.05, 0), kept(0, 1.05), kept(0, -1.05)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('camera fit', () => {
  it('keeps the base field of view when wide, widens it to keep the width when narrow', () => {
    expect(fitFov(2)).toBe(BASE_FOV);
    expect(fitFov(FIT_ASPECT)).toBe(BASE_FOV);
    // Half the aspect: tan(v/2) doubles, so the horizontal extent stays the same.
    const v = fitFov(FIT_ASPECT / 2);
    expect(Math.tan((v * Math.PI) / 360)).toBeCloseTo(2 * Math.tan((BASE_FOV * Math.PI) / 360), 9);
  });
});
