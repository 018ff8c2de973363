/**
 * PyHessian's curvature metrics as blocks: top-k eigenvalues, Hutchinson's trace and the
 * spectral density, each on the `every` schedule and optionally restricted to one layer.
 */
import type { BlockDefinition, BlockFacts } from '../block';
import type { ParamSpec } from '../params';
import { metricBlock } from './metric-block';
import { every, num, read, text } from './specs';

const layer = text({
  default: 'all',
  maxLength: 64,
  help: "Parameters to measure: 'all', or one layer's name (dense1, conv2, …); the Hessian block of that layer",
});

const samples = num({
  default: 512,
  min: 0,
  max: 100_000,
  integer: true,
  help: 'Training examples the Hessian is measured on (the first N of the training split; 0 = all)',
});

/** The curvature metrics' names, with the chart each one draws (the density draws its own). */
export const CURVATURE_METRICS = {
  hessianEigs: {
    chart: { order: 8, title: 'Hessian largest eigenvalue λ₁ (top-k)', logByDefault: false },
  },
  hessianTrace: { chart: { order: 9, title: 'Hessian trace (Hutchinson)', logByDefault: false } },
  hessianDensity: {},
} as const satisfies Readonly<Record<string, BlockFacts>>;

function curvatureBlock(
  name: keyof typeof CURVATURE_METRICS,
  title: string,
  description: string,
  params: Record<string, ParamSpec>,
  label: (params: Readonly<Record<string, unknown>>) => string,
): BlockDefinition {
  return metricBlock(name, {
    title,
    description,
    facts: CURVATURE_METRICS[name],
    params: { every: every(10), ...params, layer, samples },
    summary: (p) => {
      const n = read(p, 'every', 10);
      const where = read(p, 'layer', 'all');
      return `${label(p)}${where === 'all' ? '' : ` · ${where}`} · every ${n} steps`;
    },
  });
}

export const curvatureMetricBlocks: readonly BlockDefinition[] = [
  curvatureBlock(
    'hessianEigs',
    'Hessian top-k eigenvalues',
    'The k largest Hessian eigenvalues, by Lanczos with full reorthogonalisation (exact Hessian-vector products)',
    {
      k: num({
        default: 5,
        min: 1,
        max: 50,
        integer: true,
        help: 'How many of the largest eigenvalues',
      }),
    },
    (p) => `Top-${read(p, 'k', 5)} eigenvalues`,
  ),
  curvatureBlock(
    'hessianTrace',
    'Hessian trace',
    "Trace of the Hessian by Hutchinson's estimator with Rademacher probes, ± its standard error",
    {
      probes: num({
        default: 20,
        min: 2,
        max: 1000,
        integer: true,
        help: 'Random ±1 probe vectors z (each costs one Hessian-vector product); the error shrinks as 1/√probes',
      }),
    },
    (p) => `Trace · ${read(p, 'probes', 20)} probes`,
  ),
  curvatureBlock(
    'hessianDensity',
    'Hessian spectral density',
    'Eigenvalue spectral density by stochastic Lanczos quadrature (Ghorbani et al. 2019, PyHessian)',
    {
      steps: num({
        default: 30,
        min: 2,
        max: 200,
        integer: true,
        help: 'Lanczos steps per run: the number of quadrature nodes (Hessian-vector products per run)',
      }),
      runs: num({
        default: 1,
        min: 1,
        max: 20,
        integer: true,
        help: 'Independent Lanczos runs averaged (random start vectors)',
      }),
    },
    (p) => `Spectral density · ${read(p, 'steps', 30)} steps`,
  ),
];
