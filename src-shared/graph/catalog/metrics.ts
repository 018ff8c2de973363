/** Metric blocks: each turns a run into one series (curvature ones carry arrays too). */
import type { BlockDefinition } from '../block';
import { curvatureMetricBlocks } from './curvature-metrics';
import { every, read } from './specs';

const METRICS: readonly (readonly [
  name: string,
  title: string,
  description: string,
  every: number,
])[] = [
  ['loss', 'Loss', 'Training loss of each step, on its minibatch', 1],
  ['accuracy', 'Accuracy', 'Training accuracy of each step, on its minibatch', 1],
  ['valLoss', 'Validation loss', 'Loss on the validation split, at each evaluation', 1],
  ['valAccuracy', 'Validation accuracy', 'Accuracy on the validation split, at each evaluation', 1],
  ['gradNorm', 'Gradient norm', 'Euclidean norm of the gradient ‖∇L(θ)‖', 1],
  ['paramNorm', 'Parameter norm', 'Euclidean norm of the parameters ‖θ‖', 1],
  ['lr', 'Learning rate', 'Learning rate used by each step', 1],
  ['hessianTop', 'Top Hessian eigenvalue', 'Largest Hessian eigenvalue, by power iteration', 10],
  ['stepTime', 'Step time', 'Wall-clock milliseconds per step', 1],
];

const scalarMetricBlocks: readonly BlockDefinition[] = METRICS.map(
  ([name, title, description, fallback]): BlockDefinition => ({
    type: `metric.${name}`,
    kind: 'metric',
    title,
    description,
    inputs: [{ name: 'run', type: 'run', required: true }],
    outputs: [{ name: 'series', type: 'series' }],
    params: { every: every(fallback) },
    summary: (params) => {
      const n = read(params, 'every', fallback);
      return n === 1 ? title : `${title} · every ${n} steps`;
    },
  }),
);

export const metricBlocks: readonly BlockDefinition[] = [
  ...scalarMetricBlocks,
  ...curvatureMetricBlocks,
];
