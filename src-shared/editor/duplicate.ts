/**
 * Duplicate with wires (Ctrl+Shift+D): the copies keep their internal wires, and also the
 * wires that joined the originals to the rest of the graph: every wire coming in (a copy's
 * input is free), and each wire going out where the receiving input takes several wires.
 * Copying one optimizer-train-loss chain of a race this way leaves it fully wired.
 */
import type { GraphDocument, GraphEdge } from '../graph';
import { copyBlocks, pasteBlocks } from './clipboard';
import { applyCommand, type GraphCommand } from './commands';
import { checkConnection } from './wires';

export function duplicateWithWires(
  graph: GraphDocument,
  ids: readonly string[],
  offset: { x: number; y: number },
): { command: GraphCommand; ids: string[] } | null {
  const chosen = new Set(ids);
  const payload = copyBlocks(graph, ids);
  if (payload.nodes.length === 0) return null;
  const pasted = pasteBlocks(graph, payload, offset);
  const copyOf = new Map(payload.nodes.map((node, i) => [node.id, pasted.nodes[i]!.id]));
  let result = applyCommand(graph, { type: 'add', nodes: pasted.nodes, edges: pasted.edges });
  const extra: GraphEdge[] = [];
  for (const edge of graph.edges) {
    const fromInside = chosen.has(edge.from.node);
    const toInside = chosen.has(edge.to.node);
    if (fromInside === toInside) continue;
    const check = checkConnection(result, {
      source: copyOf.get(edge.from.node) ?? edge.from.node,
      sourcePort: edge.from.port,
      target: copyOf.get(edge.to.node) ?? edge.to.node,
      targetPort: edge.to.port,
    });
    // Never take a wire away from the originals' neighbours.
    if (!check.ok || check.replaces.length > 0) continue;
    extra.push(check.edge);
    result = applyCommand(result, { type: 'connect', edge: check.edge, replaces: [] });
  }
  return {
    command: { type: 'add', nodes: pasted.nodes, edges: [...pasted.edges, ...extra] },
    ids: pasted.nodes.map((node) => node.id),
  };
}
