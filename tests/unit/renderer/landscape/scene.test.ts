/** Pure helpers of the scene: filling a partial grid, locating a step on a path, tick values. */
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../../src-renderer/landscape/scene/axes';
import { locate } from '../../../../src-renderer/landscape/scene/LandscapeScene';
import { fillMissing } from '../../../../src-renderer/landscape/scene/surfaceMesh';

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
