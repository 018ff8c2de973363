/**
 * Which edits of the graph can reach a running run at its next step (optimizer and schedule
 * params, the batch size), which need a restart (anything else: model, data, wiring), and
 * which the engine never sees (a view's own settings, such as the recorder's).
 */
import { type GraphDocument, type GraphNode, getBlock } from '../../src-shared/graph';

export interface ParamTweak {
  readonly node: string;
  readonly name: string;
  readonly value: number | boolean | string | number[];
}

export interface TweakPlan {
  readonly tweaks: readonly ParamTweak[];
  /** Why a restart is needed, one line per edit ([] when none). */
  readonly restart: readonly string[];
}

/**
 * Settings a view keeps in the graph for itself (structured params, such as the recorder's)
 * and params the catalog marks `display` (a chart's log axis, side-by-side panes): no run
 * depends on them.
 */
export function isViewSetting(node: GraphNode, name: string): boolean {
  const spec = getBlock(node.type)?.params[name];
  return spec?.kind === 'structured' || spec?.display === true;
}

export function isLiveParam(node: GraphNode, name: string): boolean {
  if (node.type.startsWith('optimizer.') || node.type.startsWith('schedule.')) return true;
  return node.type === 'train' && name === 'batchSize';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function tweakValue(value: unknown): ParamTweak['value'] | null {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value;
  return null;
}

/** The difference between the graph a run was started from and the edited one. */
export function planTweaks(before: GraphDocument, after: GraphDocument): TweakPlan {
  const tweaks: ParamTweak[] = [];
  const restart: string[] = [];
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  for (const node of after.nodes) {
    const prior = old.get(node.id);
    if (!prior) {
      restart.push(`block '${node.id}' was added`);
      continue;
    }
    if (prior.type !== node.type) {
      restart.push(`'${node.id}' changed from ${prior.type} to ${node.type}`);
      continue;
    }
    const names = new Set([...Object.keys(prior.params), ...Object.keys(node.params)]);
    for (const name of names) {
      if (same(prior.params[name], node.params[name]) || isViewSetting(node, name)) continue;
      const value = tweakValue(node.params[name]);
      if (isLiveParam(node, name) && value !== null) tweaks.push({ node: node.id, name, value });
      else restart.push(`${node.type} '${node.id}'.${name} changed`);
    }
  }
  for (const node of before.nodes) {
    if (!now.has(node.id)) restart.push(`block '${node.id}' was removed`);
  }
  const wires = (g: GraphDocument) =>
    new Set(g.edges.map((e) => `${e.from.node}.${e.from.port}>${e.to.node}.${e.to.port}`));
  const a = wires(before);
  const b = wires(after);
  if (a.size !== b.size || [...a].some((w) => !b.has(w))) restart.push('the wiring changed');
  return { tweaks, restart };
}
