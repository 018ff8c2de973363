/**
 * The wiring rules, asked one wire at a time: whether a wire may join two ports and why not.
 * The editor asks them while a wire is dragged (to light up the ports that would take it) and
 * when it is dropped (to refuse it with a reason); they agree with what validation reports.
 */
import { getBlock } from '../catalog/index';
import type { PortSpec } from '../ports';
import type { GraphDocument, GraphEdge } from '../schema';

export interface WireAttempt {
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
  readonly targetPort: string;
}

export type WireCheck =
  | { readonly ok: true; readonly replaces: readonly string[] }
  | { readonly ok: false; readonly reason: string };

function port(graph: GraphDocument, nodeId: string, name: string, side: 'inputs' | 'outputs') {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  const block = node && getBlock(node.type);
  return { node, block, spec: block?.[side].find((candidate) => candidate.name === name) };
}

/** True when `to` can already reach `from` along wires that do not end in a feedback input. */
function reaches(graph: GraphDocument, from: string, to: string): boolean {
  const feedback = (edge: GraphEdge): boolean => {
    const node = graph.nodes.find((candidate) => candidate.id === edge.to.node);
    const spec = node && getBlock(node.type)?.inputs.find((input) => input.name === edge.to.port);
    return spec?.feedback === true;
  };
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === to) return true;
    for (const edge of graph.edges) {
      if (edge.from.node !== current || seen.has(edge.to.node) || feedback(edge)) continue;
      seen.add(edge.to.node);
      queue.push(edge.to.node);
    }
  }
  return false;
}

const describePort = (spec: PortSpec, title: string): string =>
  `${title}'s "${spec.name}" (${spec.type})`;

export function checkWire(graph: GraphDocument, attempt: WireAttempt): WireCheck {
  const from = port(graph, attempt.source, attempt.sourcePort, 'outputs');
  const to = port(graph, attempt.target, attempt.targetPort, 'inputs');
  if (!from.node || !to.node) return { ok: false, reason: 'one end of the wire is not a block' };
  if (!from.spec || !from.block) {
    return { ok: false, reason: `a wire must start at an output, not "${attempt.sourcePort}"` };
  }
  if (!to.spec || !to.block) {
    return { ok: false, reason: `a wire must end at an input, not "${attempt.targetPort}"` };
  }
  if (attempt.source === attempt.target) {
    return { ok: false, reason: 'a block cannot feed itself' };
  }
  if (from.spec.type !== to.spec.type) {
    return {
      ok: false,
      reason: `${describePort(from.spec, from.block.title)} cannot feed ${describePort(to.spec, to.block.title)}: the types differ`,
    };
  }
  const duplicate = graph.edges.some(
    (edge) =>
      edge.from.node === attempt.source &&
      edge.from.port === attempt.sourcePort &&
      edge.to.node === attempt.target &&
      edge.to.port === attempt.targetPort,
  );
  if (duplicate) return { ok: false, reason: 'these ports are already connected' };
  if (!to.spec.feedback && reaches(graph, attempt.target, attempt.source)) {
    return {
      ok: false,
      reason: `the wire would close a loop (${to.block.title} already feeds ${from.block.title}); only feedback inputs may close one`,
    };
  }
  // A single input keeps one wire: the new one replaces the old.
  const replaces = to.spec.multiple
    ? []
    : graph.edges
        .filter((edge) => edge.to.node === attempt.target && edge.to.port === attempt.targetPort)
        .map((edge) => edge.id);
  return { ok: true, replaces };
}

/** One end of a wire being dragged: a block's port, on its output ('out') or input side. */
export interface WireEnd {
  readonly node: string;
  readonly port: string;
  readonly side: 'in' | 'out';
}

/** `node` + NUL + `port`: a port's key in `acceptingPorts`. */
export const portKey = (node: string, port: string): string => `${node}\u0000${port}`;

/** Every port (on the other side) that would take a wire dragged from `from`, by `portKey`. */
export function acceptingPorts(graph: GraphDocument, from: WireEnd): Set<string> {
  const accepting = new Set<string>();
  for (const node of graph.nodes) {
    const block = getBlock(node.type);
    for (const spec of (from.side === 'out' ? block?.inputs : block?.outputs) ?? []) {
      const attempt =
        from.side === 'out'
          ? { source: from.node, sourcePort: from.port, target: node.id, targetPort: spec.name }
          : { source: node.id, sourcePort: spec.name, target: from.node, targetPort: from.port };
      if (checkWire(graph, attempt).ok) accepting.add(portKey(node.id, spec.name));
    }
  }
  return accepting;
}
