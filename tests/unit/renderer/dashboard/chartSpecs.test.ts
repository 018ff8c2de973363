/** Which charts a graph asks for: its metric blocks, with their view.chart's settings. */
import { describe, expect, it } from 'vitest';
import { chartSpecs } from '../../../../src-renderer/dashboard/chartSpecs';
import type { GraphDocument } from '../../../../src-shared/graph';

const at = { x: 0, y: 0 };
function graph(
  nodes: [id: string, type: string, params?: Record<string, unknown>][],
  edges: [from: string, to: string][],
): GraphDocument {
  return {
    format: 'gradient-atlas/graph',
    version: 1,
    name: 'g',
    nodes: nodes.map(([id, type, params]) => ({ id, type, params: params ?? {}, position: at })),
    edges: edges.map(([from, to], i) => ({
      id: `e${i}`,
      from: { node: from, port: 'series' },
      to: { node: to, port: 'series' },
    })),
  } as unknown as GraphDocument;
}

describe('chartSpecs', () => {
  it('shows loss, lr and gradNorm with their defaults when no metric block is wired', () => {
    expect(chartSpecs(null)).toEqual([
      { metric: 'loss', title: 'Loss', logY: true, smoothing: 0.6, decades: 0 },
      { metric: 'lr', title: 'Learning rate', logY: false, smoothing: 0.6, decades: 0 },
      { metric: 'gradNorm', title: 'Gradient norm ‖∇L‖', logY: true, smoothing: 0.6, decades: 0 },
    ]);
  });

  it("takes each metric's settings from the view.chart its series feeds", () => {
    const specs = chartSpecs(
      graph(
        [
          ['l1', 'metric.loss'],
          ['l2', 'metric.loss'],
          ['acc', 'metric.accuracy'],
          ['pn', 'metric.paramNorm'],
          ['c1', 'view.chart', { smoothing: 0, logY: false }],
          ['c2', 'view.chart', { smoothing: 0.9, logY: true, decades: 5 }],
        ],
        [
          ['l1', 'c1'],
          ['l2', 'c1'],
          ['acc', 'c2'],
        ],
      ),
    );
    expect(specs).toEqual([
      { metric: 'loss', title: 'Loss', logY: false, smoothing: 0, decades: 0 },
      { metric: 'accuracy', title: 'Accuracy', logY: true, smoothing: 0.9, decades: 5 },
      // Wired but charted by no block: the dashboard's defaults.
      { metric: 'paramNorm', title: 'Parameter norm ‖θ‖', logY: false, smoothing: 0.6, decades: 0 },
    ]);
  });

  it('reads a view.chart without params as its catalog defaults (0, linear)', () => {
    const specs = chartSpecs(
      graph(
        [
          ['l', 'metric.gradNorm'],
          ['c', 'view.chart'],
        ],
        [['l', 'c']],
      ),
    );
    expect(specs).toEqual([
      { metric: 'gradNorm', title: 'Gradient norm ‖∇L‖', logY: false, smoothing: 0, decades: 0 },
    ]);
  });
});
