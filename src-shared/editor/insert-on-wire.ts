/**
 * Dropping a block on a wire puts it between the wire's two blocks: the wire's source feeds
 * one of the new block's inputs, and one of the new block's outputs feeds the wire's target.
 * When that output takes the wire's own input (a single input) the old wire is replaced;
 * otherwise (a model dropped on a dataset → train wire) the old wire stays, as it must.
 */
import { type GraphDocument, getBlock } from '../graph';
import { applyCommand, type GraphCommand } from './commands';
import { type ConnectionAttempt, checkConnection } from './wires';

export type InsertPlan =
  | { readonly ok: true; readonly commands: readonly GraphCommand[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Tries attempts in order: the first that the rules allow and that replaces no wire but
 * (possibly) `mayReplace`, the wire being split.
 */
function firstFit(
  graph: GraphDocument,
  attempts: readonly ConnectionAttempt[],
  mayReplace: string | null = null,
) {
  for (const attempt of attempts) {
    const check = checkConnection(graph, attempt);
    if (check.ok && check.replaces.every((id) => id === mayReplace)) return check;
  }
  return null;
}

/** Preferred first: ports named or typed like the wire's own. */
function byPreference<T extends { name: string; type: string }>(
  ports: readonly T[],
  name: string,
  type: string,
): T[] {
  const rank = (port: T): number => (port.name === name ? 0 : port.type === type ? 1 : 2);
  return [...ports].sort((a, b) => rank(a) - rank(b));
}

/**
 * The commands that put block `nodeId` (already in `graph`, with no wires) on wire `edgeId`,
 * or why it does not fit there.
 */
export function planInsertOnWire(graph: GraphDocument, nodeId: string, edgeId: string): InsertPlan {
  const edge = graph.edges.find((candidate) => candidate.id === edgeId);
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  const block = node && getBlock(node.type);
  if (!edge || !node || !block) return { ok: false, reason: 'the wire or block is gone' };
  if (edge.from.node === nodeId || edge.to.node === nodeId) {
    return { ok: false, reason: 'the block is already on this wire' };
  }
  const wired = graph.edges.some((other) => other.from.node === nodeId || other.to.node === nodeId);
  if (wired) return { ok: false, reason: 'only a block without wires can be dropped on a wire' };
  const source = graph.nodes.find((candidate) => candidate.id === edge.from.node);
  const target = graph.nodes.find((candidate) => candidate.id === edge.to.node);
  const sourceBlock = source && getBlock(source.type);
  const targetBlock = target && getBlock(target.type);
  if (!sourceBlock || !targetBlock) return { ok: false, reason: 'the wire joins unknown blocks' };
  const wireType = sourceBlock.outputs.find((output) => output.name === edge.from.port)?.type ?? '';

  const into = firstFit(
    graph,
    byPreference(block.inputs, edge.to.port, wireType).map((input) => ({
      source: edge.from.node,
      sourcePort: edge.from.port,
      target: nodeId,
      targetPort: input.name,
    })),
  );
  if (!into) {
    return { ok: false, reason: `${block.title} has no input for a ${wireType} wire` };
  }
  const withInput = applyCommand(graph, { type: 'connect', edge: into.edge, replaces: [] });
  const outOf = firstFit(
    withInput,
    block.outputs.flatMap((output) =>
      byPreference(targetBlock.inputs, edge.to.port, output.type).map((input) => ({
        source: nodeId,
        sourcePort: output.name,
        target: edge.to.node,
        targetPort: input.name,
      })),
    ),
    edge.id,
  );
  if (!outOf) {
    return { ok: false, reason: `${block.title} has no output that ${targetBlock.title} takes` };
  }
  return {
    ok: true,
    commands: [
      { type: 'connect', edge: into.edge, replaces: [] },
      { type: 'connect', edge: outOf.edge, replaces: outOf.replaces },
    ],
  };
}
