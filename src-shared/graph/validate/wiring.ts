/**
 * The wiring rules, asked one wire at a time: whether a wire may join two ports and why not.
 * The editor asks them while a wire is dragged (to light up the ports that would take it) and
 * when it is dropped (to refuse it with a reason). The answer comes from validation itself
 * (`checkEdges`, and the cycle rule's `forwardEdges`): the document with the wire added is
 * checked, so the editor can never allow what validation would report.
 */
import { getBlock } from '../catalog/index';
import type { PortSpec } from '../ports';
import type { GraphDocument, GraphEdge } from '../schema';
import type { NodeEntry } from './context';
import { forwardEdges, reaches } from './cycles';
import { checkEdges, type EdgeRefusal } from './edges';

export interface WireAttempt {
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
  readonly targetPort: string;
}

export type WireCheck =
  | { readonly ok: true; readonly replaces: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const describePort = (spec: PortSpec, title: string): string =>
  `${title}'s "${spec.name}" (${spec.type})`;

function entries(graph: GraphDocument): Map<string, NodeEntry> {
  const byId = new Map<string, NodeEntry>();
  graph.nodes.forEach((node, index) => {
    if (!byId.has(node.id)) byId.set(node.id, { node, index, block: getBlock(node.type) });
  });
  return byId;
}

/** What the editor says when validation refuses the wire for `rule`. */
function refusalReason(
  rule: EdgeRefusal,
  attempt: WireAttempt,
  from: NodeEntry,
  to: NodeEntry,
): string {
  const fromSpec = from.block?.outputs.find((spec) => spec.name === attempt.sourcePort);
  const toSpec = to.block?.inputs.find((spec) => spec.name === attempt.targetPort);
  switch (rule) {
    case 'ends':
      return 'one end of the wire is not a block';
    case 'ports':
      return fromSpec
        ? `a wire must end at an input, not "${attempt.targetPort}"`
        : `a wire must start at an output, not "${attempt.sourcePort}"`;
    case 'types':
      return `${describePort(fromSpec!, from.block!.title)} cannot feed ${describePort(toSpec!, to.block!.title)}: the types differ`;
    case 'repeat':
    case 'single':
      return 'these ports are already connected';
  }
}

export function checkWire(graph: GraphDocument, attempt: WireAttempt): WireCheck {
  const nodes = entries(graph);
  const from = nodes.get(attempt.source);
  const to = nodes.get(attempt.target);
  if (!from || !to) return { ok: false, reason: 'one end of the wire is not a block' };
  // A single input keeps one wire: the new one replaces the old.
  const toSpec = to.block?.inputs.find((spec) => spec.name === attempt.targetPort);
  const replaces = toSpec?.multiple
    ? []
    : graph.edges
        .filter((edge) => edge.to.node === attempt.target && edge.to.port === attempt.targetPort)
        .map((edge) => edge.id);
  // The cycle rule at its smallest, said first: it is the clearer reason.
  if (attempt.source === attempt.target && !toSpec?.feedback) {
    return { ok: false, reason: 'a block cannot feed itself' };
  }
  const wire: GraphEdge = {
    id: '\u0000wire',
    from: { node: attempt.source, port: attempt.sourcePort },
    to: { node: attempt.target, port: attempt.targetPort },
  };
  // A replaced wire that repeats this one is still "already connected", not replaced.
  const repeated = graph.edges.some(
    (edge) =>
      replaces.includes(edge.id) &&
      edge.from.node === attempt.source &&
      edge.from.port === attempt.sourcePort,
  );
  const kept = repeated ? graph.edges : graph.edges.filter((edge) => !replaces.includes(edge.id));
  const candidate = [...kept, wire];
  const { resolved, refused } = checkEdges(candidate, nodes, new Set());
  const rule = refused.get(candidate.length - 1);
  if (rule) return { ok: false, reason: refusalReason(rule, attempt, from, to) };
  const added = resolved[resolved.length - 1]!;
  if (!added.toPort.feedback && reaches(forwardEdges(resolved), attempt.target, attempt.source)) {
    return {
      ok: false,
      reason: `the wire would close a loop (${added.to.block!.title} already feeds ${added.from.block!.title}); only feedback inputs may close one`,
    };
  }
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
