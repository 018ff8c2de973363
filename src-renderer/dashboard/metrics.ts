/** The charts the dashboard can show, in display order, with their titles. */
import type { MetricName } from '../../src-shared/protocol/events';

export const CHART_METRICS: readonly {
  metric: MetricName;
  title: string;
  logByDefault: boolean;
}[] = [
  { metric: 'loss', title: 'Loss', logByDefault: true },
  { metric: 'valLoss', title: 'Validation loss', logByDefault: true },
  { metric: 'accuracy', title: 'Accuracy', logByDefault: false },
  { metric: 'valAccuracy', title: 'Validation accuracy', logByDefault: false },
  { metric: 'lr', title: 'Learning rate', logByDefault: false },
  { metric: 'gradNorm', title: 'Gradient norm ‖∇L‖', logByDefault: true },
  { metric: 'paramNorm', title: 'Parameter norm ‖θ‖', logByDefault: false },
  { metric: 'hessianTop', title: 'Hessian top eigenvalue λ₁', logByDefault: false },
  { metric: 'hessianEigs', title: 'Hessian largest eigenvalue λ₁ (top-k)', logByDefault: false },
  { metric: 'hessianTrace', title: 'Hessian trace (Hutchinson)', logByDefault: false },
  { metric: 'stepTime', title: 'Step time (ms)', logByDefault: false },
];

export type XAxis = 'step' | 'epoch' | 'time';

export const X_LABELS: Record<XAxis, string> = {
  step: 'step',
  epoch: 'epoch',
  time: 'wall time (s)',
};
