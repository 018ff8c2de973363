/** The charts the dashboard can show, in display order, with their titles: the catalog's. */
export { CHART_METRICS } from '../../src-shared/graph/catalog/metrics';

export type XAxis = 'step' | 'epoch' | 'time';

export const X_LABELS: Record<XAxis, string> = {
  step: 'step',
  epoch: 'epoch',
  time: 'wall time (s)',
};
