/**
 * Whether a wire may join two ports, and why not: the same rules validation applies to a
 * saved graph, asked while the person drags so the editor can refuse a bad wire with a reason.
 */
import {
  type GraphDocument,
  type GraphEdge,
  getBlock,
  type PortSpec,
} from '../../src-shared/graph';
import { edgeIds, freshEdgeId } from './ids';

export interface ConnectionAttempt {
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
  readonly targetPort: string;
}

export type ConnectionCheck =
  | { readonly ok: true; readonly edge: GraphEdge; readonly replaces: readonly string[] }
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

export function checkConnection(graph: GraphDocument, attempt: ConnectionAttempt): ConnectionCheck {
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
  const edge: GraphEdge = {
    id: freshEdgeId(edgeIds(graph)),
    from: { node: attempt.source, port: attempt.sourcePort },
    to: { node: attempt.target, port: attempt.targetPort },
  };
  return { ok: true, edge, replaces };
}

/** The ports of `type` on the given side of a block type (for quick-add after a wire drag). */
export function compatiblePorts(
  blockType: string,
  portType: string,
  side: 'inputs' | 'outputs',
): readonly PortSpec[] {
  return getBlock(blockType)?.[side].filter((spec) => spec.type === portType) ?? [];
}
