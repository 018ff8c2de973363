/** Editing a document's sweep from the inspector: a new axis from a param's current value. */
import type { GraphDocument, NumberParam, Sweep, SweepAxis } from '../../src-shared/graph';

/**
 * An axis around `value`: a decade either side on a log scale (5 values), else from the
 * param's lower bound to twice the value (5 values); always inside the param's rule.
 */
export function axisFor(node: string, param: string, spec: NumberParam, value: unknown): SweepAxis {
  const v = typeof value === 'number' && Number.isFinite(value) ? value : (spec.default ?? 1);
  const inside = (x: number) => {
    let y = x;
    if (spec.min !== undefined)
      y = Math.max(y, spec.exclusiveMin ? spec.min + Math.abs(spec.min || 1) * 1e-6 : spec.min);
    if (spec.max !== undefined)
      y = Math.min(y, spec.exclusiveMax ? spec.max - Math.abs(spec.max || 1) * 1e-6 : spec.max);
    return spec.integer ? Math.round(y) : Number(y.toPrecision(6));
  };
  if (spec.scale === 'log' && v > 0) {
    return { node, param, range: [inside(v / 10), inside(v * 10)], scale: 'log', count: 5 };
  }
  const low = inside(spec.min ?? 0);
  const high = inside(v > low ? v * 2 : low + 1);
  if (spec.max !== undefined && spec.max <= 1 && (spec.min ?? 0) >= 0) {
    return { node, param, values: [0, 0.5, 0.9, 0.99].map(inside), scale: 'linear' };
  }
  return { node, param, range: [low, high], scale: 'linear', count: 5 };
}

/** The document's sweep with one more axis (a new grid sweep when there is none). */
export function withAxis(sweep: Sweep | undefined, axis: SweepAxis): Sweep {
  if (!sweep) return { axes: [axis], method: 'grid', seed: 0 };
  return { ...sweep, axes: [...sweep.axes, axis] };
}

export const isSwept = (graph: GraphDocument, node: string, param: string): boolean =>
  graph.sweep?.axes.some((a) => a.node === node && a.param === param) ?? false;
