/** View blocks: sinks that show runs in the dashboard and the 3D landscape viewer. */
import type { BlockDefinition } from '../block';
import { formatShort } from '../format';
import { RecordingSettingsSchema } from './recording';
import { bool, choice, num, read, structured } from './specs';

/** Largest landscape grid side: 401² points is a very fine surface already. */
export const MAX_GRID = 401;
/** Bound on loss evaluations for one surface (grid² × evalSamples). */
export const MAX_LANDSCAPE_EVALUATIONS = 2 ** 30;

export const viewBlocks: readonly BlockDefinition[] = [
  {
    type: 'view.chart',
    kind: 'view',
    title: 'Chart',
    description: 'Plots metric series in the dashboard',
    inputs: [{ name: 'series', type: 'series', multiple: true, required: true }],
    outputs: [],
    params: {
      smoothing: num({
        default: 0,
        min: 0,
        max: 1,
        exclusiveMax: true,
        help: 'Exponential moving average of the plotted values (0: raw)',
        display: true,
      }),
      logY: bool({ default: false, help: 'Logarithmic y axis', display: true }),
      decades: num({
        default: 0,
        min: 0,
        max: 30,
        integer: true,
        help: 'Log y: how many decades below the highest value the axis shows (0: all). Smaller values, and values ≤ 0, are drawn at the floor, and the chart says so',
        display: true,
      }),
    },
    summary: (params) => {
      const smoothing = read(params, 'smoothing', 0);
      const parts = ['Chart'];
      if (read(params, 'logY', false)) {
        const decades = read(params, 'decades', 0);
        parts.push(decades > 0 ? `log y (${decades} decades)` : 'log y');
      }
      if (smoothing > 0) parts.push(`smoothing ${formatShort(smoothing)}`);
      return parts.join(' · ');
    },
  },
  {
    type: 'view.landscape',
    kind: 'view',
    title: 'Loss landscape',
    description: 'The loss surface around the runs, and their paths, in the 3D viewer',
    inputs: [{ name: 'runs', type: 'run', multiple: true, required: true }],
    outputs: [],
    params: {
      directions: choice({
        options: ['random', 'pca'],
        default: 'pca',
        help: 'Plane of the slice: random directions, or the PCA of the paths (shows them best)',
      }),
      norm: choice({
        options: ['filter', 'layer', 'none'],
        default: 'filter',
        help: 'Rescale each direction filter-wise or layer-wise to the weights (Li et al.)',
      }),
      ignoreBiasBN: bool({
        default: true,
        help: 'Keep biases and batch-norm parameters fixed (zero direction)',
      }),
      grid: num({
        default: 41,
        min: 3,
        max: MAX_GRID,
        integer: true,
        help: 'Grid points along each axis',
      }),
      range: num({
        default: 1,
        min: 0,
        exclusiveMin: true,
        max: 100,
        help: 'The grid spans [-range, range] along each direction',
      }),
      evalSamples: num({
        default: 512,
        min: 1,
        max: 100_000,
        integer: true,
        help: 'Training samples the surface is evaluated on',
      }),
      center: choice({
        options: ['final', 'init', 'live'],
        default: 'final',
        help: 'Center of the slice: final weights, initial weights, or following the run',
      }),
      scale: choice({
        options: ['auto', 'linear', 'log', 'symlog'],
        default: 'auto',
        help: 'Height of the surface: auto (symlog when the loss spans over two decades), loss, log loss, or symlog (log above a small linear range, so zeros stay finite)',
      }),
      sideBySide: bool({
        default: false,
        help: "Open in a pane beside the graph's other side-by-side landscape blocks: one synced camera, one colour scale (e.g. skip vs no-skip, Li et al.)",
        display: true,
      }),
      recording: structured({
        schema: RecordingSettingsSchema,
        help: 'Fly-through settings and camera keyframes, set in the viewer (null: its defaults)',
      }),
    },
    summary: (params) => {
      const grid = read(params, 'grid', 41);
      const beside = read(params, 'sideBySide', false) ? ' · side by side' : '';
      return `Landscape · ${read(params, 'directions', 'pca')} · ${grid}×${grid}${beside}`;
    },
    check: (params) => {
      const grid = read(params, 'grid', 41);
      const samples = read(params, 'evalSamples', 512);
      const evaluations = grid * grid * samples;
      return evaluations > MAX_LANDSCAPE_EVALUATIONS
        ? [
            {
              param: 'evalSamples',
              message: `${grid}×${grid} grid points × ${samples} samples is ${formatShort(evaluations)} loss evaluations; the limit is ${formatShort(MAX_LANDSCAPE_EVALUATIONS)}`,
            },
          ]
        : [];
    },
  },
];
