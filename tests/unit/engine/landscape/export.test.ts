import * as tf from '@tensorflow/tfjs';
import { lastValueFrom } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLandscape } from '../../../../src-shared/engine/landscape/compute-landscape';
import {
  landscapePathsToVtk,
  landscapeToCsv,
  landscapeToJson,
  landscapeToVtk,
} from '../../../../src-shared/engine/landscape/export';
import type { LandscapeResult } from '../../../../src-shared/engine/landscape/result';
import { createModel } from '../../../../src-shared/engine/models';

let result: LandscapeResult;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const model = createModel('model.surface', { fn: 'quadratic' }, null);
  const path = [Float32Array.of(-2, 1), Float32Array.of(-1, 0.5), Float32Array.of(0, 0)];
  const done = await lastValueFrom(
    computeLandscape({
      model,
      center: [Float32Array.of(0, 0)],
      trajectories: [{ run: 'gd', params: path }],
      options: { grid: 3, box: { x: [-1, 1], y: [-1, 1] } },
    }),
  );
  const loss = done.result!.loss.slice();
  loss[8] = Number.NaN; // as if the corner had diverged
  result = { ...done.result!, loss };
});

describe('landscape export', () => {
  it('writes JSON with plain arrays and null for non-finite values', () => {
    const doc = JSON.parse(landscapeToJson(result));
    expect(doc.format).toBe('gradient-atlas/landscape');
    expect(doc.grid).toBe(3);
    expect(doc.axes[0]).toEqual({ name: 'x', values: [-1, 0, 1] });
    // ½(x² + 10y²) at (−1, −1) = 5.5, at (0, 0) = 0.
    expect(doc.loss[0]).toBeCloseTo(5.5, 6);
    expect(doc.loss[4]).toBe(0);
    expect(doc.loss[8]).toBeNull();
    expect(doc.paths[0].run).toBe('gd');
    expect(doc.paths[0].alpha).toEqual([-2, -1, 0]);
    expect(doc.directions.type).toBe('axes');
  });

  it('writes CSV, one row per grid point in grid order', () => {
    const lines = landscapeToCsv(result).trim().split('\n');
    expect(lines[0]).toBe('x,y,loss');
    expect(lines.length).toBe(1 + 9);
    expect(lines[1]).toBe('-1,-1,5.5');
    expect(lines[2]).toBe('0,-1,5');
    expect(lines[9]).toBe('1,1,');
  });

  it('writes a VTK structured grid ParaView can read', () => {
    const lines = landscapeToVtk(result).trim().split('\n');
    expect(lines[0]).toBe('# vtk DataFile Version 3.0');
    expect(lines[2]).toBe('ASCII');
    expect(lines[3]).toBe('DATASET STRUCTURED_GRID');
    expect(lines[4]).toBe('DIMENSIONS 3 3 1');
    expect(lines[5]).toBe('POINTS 9 float');
    expect(lines[6]).toBe('-1 -1 5.5');
    // The NaN corner is drawn at the largest finite loss and flagged invalid.
    expect(lines[14]).toBe('1 1 5.5');
    expect(lines[15]).toBe('POINT_DATA 9');
    expect(lines[16]).toBe('SCALARS loss float 1');
    const valid = lines.indexOf('SCALARS valid float 1');
    expect(lines.slice(valid + 2, valid + 11)).toEqual([
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '0',
    ]);
  });

  it('writes the paths as VTK polylines', () => {
    const lines = landscapePathsToVtk(result).trim().split('\n');
    expect(lines[3]).toBe('DATASET POLYDATA');
    expect(lines[4]).toBe('POINTS 3 float');
    expect(lines[5]).toBe('-2 1 7');
    expect(lines[8]).toBe('LINES 1 4');
    expect(lines[9]).toBe('3 0 1 2');
  });
});
