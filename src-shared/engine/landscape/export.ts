/**
 * Landscape files: JSON (the LandscapeResult document), CSV (one row per grid point) and
 * VTK legacy ASCII for ParaView: the surface as a STRUCTURED_GRID with z = loss, and next to
 * it (`<name>.paths.vtk`) the paths as POLYDATA polylines with step and loss arrays
 * (docs/landscape-files.md).
 */
import type { LandscapeAxis, LandscapeResult } from './result';

/**
 * What the CSV and VTK writers read: a full LandscapeResult, or the part of it the viewer holds
 * (the app exports what it draws).
 */
export interface ExportableLandscape {
  readonly model: { readonly type: string };
  readonly axes: readonly [LandscapeAxis, LandscapeAxis];
  readonly grid: number;
  readonly directions: { readonly type: string };
  readonly loss: Float32Array;
  readonly accuracy?: Float32Array;
  readonly paths: readonly {
    readonly run: string;
    readonly steps: readonly number[];
    readonly alpha: readonly number[];
    readonly beta: readonly number[];
    readonly offPlane: readonly number[];
    readonly loss: readonly number[];
    readonly trueLoss: readonly number[];
  }[];
}

/** Float32 values carry ~7 significant digits; more would only be noise in the file. */
const compact = (v: number): number | null =>
  Number.isFinite(v) ? Number(v.toPrecision(8)) : null;

/** The result as JSON: typed arrays become arrays, NaN/±Infinity become null. */
export function landscapeToJson(
  result: LandscapeResult | ExportableLandscape,
  indent?: number,
): string {
  return JSON.stringify(
    result,
    (_key, value: unknown) => {
      if (value instanceof Float32Array || value instanceof Float64Array)
        return Array.from(value, compact);
      if (typeof value === 'number' && !Number.isFinite(value)) return null;
      return value;
    },
    indent,
  );
}

const cell = (v: number | undefined): string =>
  v !== undefined && Number.isFinite(v) ? String(compact(v)) : '';

/** `alpha,beta,loss[,accuracy]` (x,y for analytic surfaces), rows in grid order; empty cell = not finite. */
export function landscapeToCsv(result: ExportableLandscape): string {
  const [ax, bx] = result.axes;
  const n = result.grid;
  const header = [ax.name, bx.name, 'loss', ...(result.accuracy ? ['accuracy'] : [])].join(',');
  const rows = [header];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      const row = [cell(ax.values[i]), cell(bx.values[j]), cell(result.loss[k])];
      if (result.accuracy) row.push(cell(result.accuracy[k]));
      rows.push(row.join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}

const vtkNumber = (v: number): string => String(compact(v) ?? 0);

/**
 * The surface as a VTK legacy STRUCTURED_GRID: points (α, β, loss), point scalars `loss`,
 * `accuracy` (if any) and `valid` (0 where the loss was not finite; z and loss are then the
 * largest finite loss so the mesh stays drawable).
 */
export function landscapeToVtk(result: ExportableLandscape): string {
  const n = result.grid;
  const finite = Array.from(result.loss).filter(Number.isFinite);
  const ceiling = finite.length ? Math.max(...finite) : 0;
  const z = Array.from(result.loss, (v) => (Number.isFinite(v) ? v : ceiling));
  const lines = [
    '# vtk DataFile Version 3.0',
    `Gradient Atlas loss landscape (${result.model.type}, ${result.directions.type} directions)`,
    'ASCII',
    'DATASET STRUCTURED_GRID',
    `DIMENSIONS ${n} ${n} 1`,
    `POINTS ${n * n} float`,
  ];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const a = result.axes[0].values[i]!;
      const b = result.axes[1].values[j]!;
      lines.push(`${vtkNumber(a)} ${vtkNumber(b)} ${vtkNumber(z[j * n + i]!)}`);
    }
  }
  const scalars = (name: string, values: ArrayLike<number>) => {
    lines.push(`SCALARS ${name} float 1`, 'LOOKUP_TABLE default');
    for (let k = 0; k < values.length; k++) lines.push(vtkNumber(values[k]!));
  };
  lines.push(`POINT_DATA ${n * n}`);
  scalars('loss', z);
  if (result.accuracy) scalars('accuracy', result.accuracy);
  scalars(
    'valid',
    Array.from(result.loss, (v) => (Number.isFinite(v) ? 1 : 0)),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The projected paths as VTK legacy POLYDATA, written next to the surface's file: one polyline
 * per run through (α, β, loss at the projected point), so it lies on the surface in ParaView.
 * Point arrays: `step` (the optimizer step), `loss` (on the plane), `trueLoss` (at θ itself),
 * `offPlane` (distance of θ from the plane); cell array `run` (the run's index, in the header's
 * order). The header names the runs. Nothing else is needed to colour or label them.
 */
export function landscapePathsToVtk(result: ExportableLandscape): string {
  const paths = result.paths.filter((p) => p.alpha.length > 0);
  const total = paths.reduce((s, p) => s + p.alpha.length, 0);
  const lines = [
    '# vtk DataFile Version 3.0',
    `Gradient Atlas paths: ${paths.map((p) => p.run).join(', ') || '(none)'}`.slice(0, 255),
    'ASCII',
    'DATASET POLYDATA',
    `POINTS ${total} float`,
  ];
  for (const p of paths) {
    for (let k = 0; k < p.alpha.length; k++) {
      lines.push(`${vtkNumber(p.alpha[k]!)} ${vtkNumber(p.beta[k]!)} ${vtkNumber(p.loss[k]!)}`);
    }
  }
  if (paths.length > 0) {
    lines.push(`LINES ${paths.length} ${paths.length + total}`);
    let offset = 0;
    for (const p of paths) {
      lines.push([p.alpha.length, ...p.alpha.map((_, k) => offset + k)].join(' '));
      offset += p.alpha.length;
    }
    lines.push(`POINT_DATA ${total}`);
    const array = (
      name: string,
      type: string,
      pick: (p: (typeof paths)[number]) => readonly number[],
    ) => {
      lines.push(`SCALARS ${name} ${type} 1`, 'LOOKUP_TABLE default');
      for (const p of paths) for (const v of pick(p)) lines.push(vtkNumber(v));
    };
    array('step', 'int', (p) => p.steps);
    array('loss', 'float', (p) => p.loss);
    array('trueLoss', 'float', (p) => p.trueLoss);
    array('offPlane', 'float', (p) => p.offPlane);
    lines.push(`CELL_DATA ${paths.length}`, 'SCALARS run int 1', 'LOOKUP_TABLE default');
    for (let i = 0; i < paths.length; i++) lines.push(String(i));
  }
  return `${lines.join('\n')}\n`;
}

/** Where the paths go beside a surface file: `surface.vtk` → `surface.paths.vtk`. */
export function pathsFileFor(surfacePath: string): string {
  const dot = surfacePath.toLowerCase().endsWith('.vtk')
    ? surfacePath.length - 4
    : surfacePath.length;
  return `${surfacePath.slice(0, dot)}.paths.vtk`;
}
