/**
 * The numbers behind the inspector's learning-rate plot: which base lr a schedule scales (the
 * lr of the optimizer it feeds), how many intervals to show, and the lr at each.
 */
import { previewSchedule } from '../../src-shared/engine/schedules/index';
import type { GraphDocument } from '../../src-shared/graph';

export const DEFAULT_BASE_LR = 0.01;
const MIN_INTERVALS = 20;
const MAX_INTERVALS = 2000;
const DEFAULT_INTERVALS = 100;

/** The lr of the optimizer the schedule's output feeds, or DEFAULT_BASE_LR. */
export function baseLrFor(graph: GraphDocument, scheduleId: string): number {
  const edge = graph.edges.find((candidate) => candidate.from.node === scheduleId);
  const optimizer = edge && graph.nodes.find((node) => node.id === edge.to.node);
  const lr = optimizer?.params.lr;
  return typeof lr === 'number' && lr > 0 ? lr : DEFAULT_BASE_LR;
}

/** Enough intervals to show a schedule's shape: its own horizon, with a margin. */
export function previewLength(params: Readonly<Record<string, unknown>>): number {
  const number = (key: string): number | undefined => {
    const value = params[key];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const milestones = Array.isArray(params.milestones) ? params.milestones : [];
  const lastMilestone =
    milestones.length > 0 ? Number(milestones[milestones.length - 1]) : undefined;
  const horizon =
    number('tMax') ??
    number('totalIters') ??
    number('totalSteps') ??
    (number('t0') !== undefined ? number('t0')! * 3 : undefined) ??
    (number('stepSize') !== undefined ? number('stepSize')! * 4 : undefined) ??
    lastMilestone;
  const length = horizon === undefined ? DEFAULT_INTERVALS : Math.ceil(horizon * 1.25);
  return Math.min(MAX_INTERVALS, Math.max(MIN_INTERVALS, length));
}

export interface SchedulePreview {
  readonly baseLr: number;
  readonly lrs: readonly number[];
}

/** The lr over the first intervals; null when the params cannot make a schedule. */
export function schedulePreview(graph: GraphDocument, nodeId: string): SchedulePreview | null {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return null;
  const baseLr = baseLrFor(graph, nodeId);
  const n = previewLength(node.params);
  try {
    const lrs = previewSchedule(node.type, node.params, { baseLr, totalIntervals: n }, n);
    return lrs.length > 0 && lrs.every(Number.isFinite) ? { baseLr, lrs } : null;
  } catch {
    // Invalid params are reported by validation and marked in the fields above.
    return null;
  }
}
