/**
 * Which charts a graph asks for, and how each starts: one chart per metric its metric.* blocks
 * record (loss, lr and gradNorm when it has none), with the smoothing and log y of the
 * view.chart block each metric's series feeds (metric.X.series → view.chart.series).
 */
import type { GraphDocument } from '../../src-shared/graph';
import type { MetricName } from '../../src-shared/protocol/events';
import { CHART_METRICS } from './metrics';

export interface ChartSpec {
  readonly metric: MetricName;
  readonly title: string;
  readonly logY: boolean;
  readonly smoothing: number;
  /** Log y: decades shown below the top (0: all). */
  readonly decades: number;
}

/** Smoothing of a chart no view.chart block configures. */
export const DEFAULT_SMOOTHING = 0.6;
/** What a graph without metric blocks shows: what every step reports. */
const FALLBACK_METRICS: readonly MetricName[] = ['loss', 'lr', 'gradNorm'];

interface ChartSettings {
  logY: boolean;
  smoothing: number;
  decades: number;
}

function chartParams(params: Readonly<Record<string, unknown>>): ChartSettings {
  const { smoothing, decades } = params;
  return {
    logY: params.logY === true,
    smoothing: typeof smoothing === 'number' && smoothing >= 0 && smoothing < 1 ? smoothing : 0,
    decades: typeof decades === 'number' && Number.isInteger(decades) && decades > 0 ? decades : 0,
  };
}

export function chartSpecs(graph: GraphDocument | null): ChartSpec[] {
  const nodes = graph?.nodes ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const wired = new Map<MetricName, ChartSettings | null>();
  for (const node of nodes) {
    if (!node.type.startsWith('metric.')) continue;
    const metric = node.type.slice('metric.'.length) as MetricName;
    if (!CHART_METRICS.some((c) => c.metric === metric)) continue;
    const chart = graph!.edges
      .filter((e) => e.from.node === node.id)
      .map((e) => byId.get(e.to.node))
      .find((n) => n?.type === 'view.chart');
    // The first block of a metric that feeds a chart decides that chart's settings.
    if (chart) {
      if (!wired.get(metric)) wired.set(metric, chartParams(chart.params));
    } else if (!wired.has(metric)) {
      wired.set(metric, null);
    }
  }
  const metrics = wired.size > 0 ? wired : new Map(FALLBACK_METRICS.map((m) => [m, null]));
  return CHART_METRICS.filter((c) => metrics.has(c.metric)).map((c) => {
    const settings = metrics.get(c.metric);
    return {
      metric: c.metric,
      title: c.title,
      logY: settings?.logY ?? c.logByDefault,
      smoothing: settings?.smoothing ?? DEFAULT_SMOOTHING,
      decades: settings?.decades ?? 0,
    };
  });
}
