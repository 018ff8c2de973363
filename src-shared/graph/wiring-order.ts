/**
 * The order in which a graph's blocks can be wired: every block after the blocks its inputs
 * read, except through feedback inputs (they deliver the previous step's value, so a cycle
 * through one is allowed). Ties keep the document's order, so the order is stable.
 */
import { getBlock } from './catalog';
import type { GraphDocument, GraphEdge, GraphNode } from './schema';

/** Whether an edge enters a feedback input (it does not order the blocks). */
export function isFeedbackEdge(graph: GraphDocument, edge: GraphEdge): boolean {
  const target = graph.nodes.find((n) => n.id === edge.to.node);
  const port = target && getBlock(target.type)?.inputs.find((p) => p.name === edge.to.port);
  return port?.feedback === true;
}

export function wiringOrder(graph: GraphDocument): GraphNode[] {
  const waitsOn = new Map<string, Set<string>>(graph.nodes.map((n) => [n.id, new Set<string>()]));
  for (const edge of graph.edges) {
    if (!isFeedbackEdge(graph, edge)) waitsOn.get(edge.to.node)?.add(edge.from.node);
  }
  const order: GraphNode[] = [];
  const placed = new Set<string>();
  while (order.length < graph.nodes.length) {
    const next = graph.nodes.find(
      (n) => !placed.has(n.id) && [...waitsOn.get(n.id)!].every((id) => placed.has(id)),
    );
    if (!next) throw new Error('the graph has a cycle that does not pass through a feedback input');
    order.push(next);
    placed.add(next.id);
  }
  return order;
}
