/**
 * What the UI knows about each run before it starts, read from the graph it loads: which
 * blocks feed each train block (for per-node status) and the optimizer's key hyper-params
 * (for the runs table).
 */
import type { GraphDocument, GraphNode } from '../../src-shared/graph';

export interface RunPlan {
  readonly train: string;
  readonly optimizer: GraphNode | null;
  readonly schedule: GraphNode | null;
  readonly model: GraphNode | null;
  readonly dataset: GraphNode | null;
  /** Every block this run uses (train, its inputs, their inputs, its metric blocks). */
  readonly nodes: readonly string[];
}

const PRIMARY_HYPER = ['lr', 'momentum', 'beta1', 'beta2', 'beta', 'weightDecay', 'damping'];

export function planLaunch(graph: GraphDocument): Map<string, RunPlan> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const sources = (id: string) =>
    graph.edges.filter((e) => e.to.node === id).flatMap((e) => byId.get(e.from.node) ?? []);
  const sourceOf = (id: string, kind: string) =>
    sources(id).find((n) => n.type.startsWith(`${kind}.`)) ?? null;
  const plans = new Map<string, RunPlan>();
  for (const train of graph.nodes.filter((n) => n.type === 'train')) {
    const optimizer = sourceOf(train.id, 'optimizer');
    const model = sourceOf(train.id, 'model');
    const schedule = optimizer ? sourceOf(optimizer.id, 'schedule') : null;
    const dataset = sourceOf(train.id, 'dataset') ?? (model ? sourceOf(model.id, 'dataset') : null);
    const sinks = graph.edges
      .filter((e) => e.from.node === train.id)
      .flatMap((e) => byId.get(e.to.node) ?? [])
      .map((n) => n.id);
    const nodes = [train.id, optimizer?.id, schedule?.id, model?.id, dataset?.id, ...sinks];
    plans.set(train.id, {
      train: train.id,
      optimizer,
      schedule,
      model,
      dataset,
      nodes: [...new Set(nodes.filter((n): n is string => n !== undefined))],
    });
  }
  return plans;
}

/** The optimizer's key hyper-params, e.g. { lr: 0.001, beta1: 0.9 }. */
export function keyHyperParams(optimizer: GraphNode | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!optimizer) return out;
  for (const name of PRIMARY_HYPER) {
    if (name in optimizer.params) out[name] = optimizer.params[name];
  }
  if (optimizer.params.nesterov === true) out.nesterov = true;
  return out;
}
