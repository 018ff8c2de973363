import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { lastValueFrom } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLandscape } from '../../../../src-shared/engine/landscape/compute-landscape';
import {
  landscapePathsToVtk,
  landscapeToCsv,
  landscapeToJson,
  landscapeToVtk,
  pathsFileFor,
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

  it('writes the paths as VTK polylines with step, loss, trueLoss, offPlane and run arrays', () => {
    const lines = landscapePathsToVtk(result).trim().split('\n');
    expect(lines[3]).toBe('DATASET POLYDATA');
    expect(lines[4]).toBe('POINTS 3 float');
    expect(lines[5]).toBe('-2 1 7');
    expect(lines[8]).toBe('LINES 1 4');
    expect(lines[9]).toBe('3 0 1 2');
    expect(lines[10]).toBe('POINT_DATA 3');
    const step = lines.indexOf('SCALARS step int 1');
    expect(lines.slice(step + 2, step + 5)).toEqual(['0', '1', '2']);
    const loss = lines.indexOf('SCALARS loss float 1');
    expect(lines.slice(loss + 2, loss + 5).map(Number)).toEqual([7, 1.75, 0]);
    expect(lines).toContain('SCALARS trueLoss float 1');
    expect(lines.slice(lines.indexOf('CELL_DATA 1'))).toEqual([
      'CELL_DATA 1',
      'SCALARS run int 1',
      'LOOKUP_TABLE default',
      '0',
    ]);
    expect(pathsFileFor('/tmp/surface.vtk')).toBe('/tmp/surface.paths.vtk');
  });

  // Debian's python3-vtk9 (CI installs it) reads both files, with no warning or error.
  const python = '/usr/bin/python3';
  const hasVtk =
    existsSync(python) &&
    spawnSync(python, ['-c', 'import vtk'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasVtk)('reads back with VTK itself: surface and paths, no warnings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-vtk-'));
    const surface = join(dir, 'surface.vtk');
    await writeFile(surface, landscapeToVtk(result));
    await writeFile(pathsFileFor(surface), landscapePathsToVtk(result));
    const script = [
      'import sys, json, vtk',
      'out = vtk.vtkFileOutputWindow(); out.SetFileName(sys.argv[3]); vtk.vtkOutputWindow.SetInstance(out)',
      's = vtk.vtkStructuredGridReader(); s.ReadAllScalarsOn(); s.SetFileName(sys.argv[1]); s.Update(); g = s.GetOutput()',
      'p = vtk.vtkPolyDataReader(); p.ReadAllScalarsOn(); p.SetFileName(sys.argv[2]); p.Update(); d = p.GetOutput()',
      'pd = d.GetPointData()',
      'print(json.dumps({"points": g.GetNumberOfPoints(), "dims": list(g.GetDimensions()),',
      '  "surfaceArrays": [g.GetPointData().GetArrayName(i) for i in range(g.GetPointData().GetNumberOfArrays())],',
      '  "lines": d.GetNumberOfLines(), "pathPoints": d.GetNumberOfPoints(),',
      '  "step": [pd.GetArray("step").GetValue(i) for i in range(d.GetNumberOfPoints())],',
      '  "loss": [pd.GetArray("loss").GetValue(i) for i in range(d.GetNumberOfPoints())],',
      '  "run": d.GetCellData().GetArray("run").GetValue(0)}))',
    ].join('\n');
    const log = join(dir, 'vtk.log');
    const run = spawnSync(python, ['-c', script, surface, pathsFileFor(surface), log], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const read = JSON.parse(run.stdout);
    expect(read).toMatchObject({
      points: 9,
      dims: [3, 3, 1],
      surfaceArrays: ['loss', 'valid'],
      lines: 1,
      pathPoints: 3,
      step: [0, 1, 2],
      run: 0,
    });
    expect(read.loss[0]).toBeCloseTo(7, 5);
    const warnings = existsSync(log) ? await readFile(log, 'utf8') : '';
    expect(warnings).toBe('');
  });
});
