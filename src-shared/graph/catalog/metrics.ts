/**
 * Metric blocks: each turns a run into one series (curvature ones carry arrays too). The metric
 * names, the protocol's MetricNameSchema and the dashboard's charts all derive from here.
 */
import type { BlockDefinition, BlockFacts } from '../block';
import { CURVATURE_METRICS, curvatureMetricBlocks } from './curvature-metrics';
import { metricBlock } from './metric-block';
import { every, read } from './specs';

interface ScalarMetric {
  readonly title: string;
  readonly description: string;
  /** The default of `every`. */
  readonly every: number;
  readonly facts: BlockFacts;
}

const chart = (order: number, title: string, logByDefault = false) => ({
  chart: { order, title, logByDefault },
});

const SCALAR_METRICS = {
  loss: {
    title: 'Loss',
    description: 'Training loss of each step, on its minibatch',
    every: 1,
    facts: chart(0, 'Loss', true),
  },
  accuracy: {
    title: 'Accuracy',
    description: 'Training accuracy of each step, on its minibatch',
    every: 1,
    facts: { needsClasses: true, ...chart(2, 'Accuracy') },
  },
  valLoss: {
    title: 'Validation loss',
    description: 'Loss on the validation split, at each evaluation',
    every: 1,
    facts: { needsValidation: true, ...chart(1, 'Validation loss', true) },
  },
  valAccuracy: {
    title: 'Validation accuracy',
    description: 'Accuracy on the validation split, at each evaluation',
    every: 1,
    facts: { needsClasses: true, needsValidation: true, ...chart(3, 'Validation accuracy') },
  },
  gradNorm: {
    title: 'Gradient norm',
    description: 'Euclidean norm of the gradient ‖∇L(θ)‖',
    every: 1,
    facts: chart(5, 'Gradient norm ‖∇L‖', true),
  },
  paramNorm: {
    title: 'Parameter norm',
    description: 'Euclidean norm of the parameters ‖θ‖',
    every: 1,
    facts: chart(6, 'Parameter norm ‖θ‖'),
  },
  lr: {
    title: 'Learning rate',
    description: 'Learning rate used by each step',
    every: 1,
    facts: chart(4, 'Learning rate'),
  },
  hessianTop: {
    title: 'Top Hessian eigenvalue',
    description: 'Largest Hessian eigenvalue, by power iteration',
    every: 10,
    facts: chart(7, 'Hessian top eigenvalue λ₁'),
  },
  stepTime: {
    title: 'Step time',
    description: 'Wall-clock milliseconds per step',
    every: 1,
    facts: chart(10, 'Step time (ms)'),
  },
} as const satisfies Readonly<Record<string, ScalarMetric>>;

/** A metric block's name: `metric.<name>`. */
export type MetricName = keyof typeof SCALAR_METRICS | keyof typeof CURVATURE_METRICS;

/** Every metric's name, in catalog order (the protocol's MetricNameSchema is built from it). */
export const METRIC_NAMES = [...Object.keys(SCALAR_METRICS), ...Object.keys(CURVATURE_METRICS)] as [
  MetricName,
  ...MetricName[],
];

const scalarMetricBlocks: readonly BlockDefinition[] = Object.entries(SCALAR_METRICS).map(
  ([name, { title, description, every: fallback, facts }]) =>
    metricBlock(name, {
      title,
      description,
      facts,
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

/** The dashboard's charts, in display order: every metric whose facts name a chart. */
export const CHART_METRICS: readonly {
  readonly metric: MetricName;
  readonly title: string;
  readonly logByDefault: boolean;
}[] = metricBlocks
  .flatMap((block) => {
    const chart = block.facts?.chart;
    return chart ? [{ metric: block.type.slice('metric.'.length) as MetricName, ...chart }] : [];
  })
  .sort((a, b) => a.order - b.order)
  .map(({ metric, title, logByDefault }) => ({ metric, title, logByDefault }));
