/**
 * Every edit of the document is one of these small declarative commands, applied by a pure
 * function. The store keeps the document before and after each one, so undo and redo restore
 * exactly the document that was there.
 */
import type { GraphDocument, GraphEdge, GraphNode, Position } from '../../src-shared/graph';

export type GraphCommand =
  /** Adds nodes and wires (new blocks, paste, duplicate); ids must be fresh. */
  | {
      readonly type: 'add';
      readonly nodes: readonly GraphNode[];
      readonly edges: readonly GraphEdge[];
    }
  /** Removes nodes (and every wire touching them) and wires. */
  | {
      readonly type: 'remove';
      readonly nodes: readonly string[];
      readonly edges: readonly string[];
    }
  | { readonly type: 'move'; readonly positions: Readonly<Record<string, Position>> }
  | {
      readonly type: 'setParam';
      readonly node: string;
      readonly param: string;
      readonly value: unknown;
    }
  /** Adds a wire, first removing the wires it replaces (a single input's old wire). */
  | { readonly type: 'connect'; readonly edge: GraphEdge; readonly replaces: readonly string[] }
  | { readonly type: 'rename'; readonly name: string };

function remove(graph: GraphDocument, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>) {
  const nodes = graph.nodes.filter((node) => !nodeIds.has(node.id));
  const edges = graph.edges.filter(
    (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.from.node) && !nodeIds.has(edge.to.node),
  );
  if (nodes.length === graph.nodes.length && edges.length === graph.edges.length) return graph;
  const groups = graph.groups?.map((group) => ({
    ...group,
    nodes: group.nodes.filter((id) => !nodeIds.has(id)),
  }));
  return { ...graph, nodes, edges, ...(groups ? { groups } : {}) };
}

/** Applies a command; returns the same object when it changes nothing. */
export function applyCommand(graph: GraphDocument, command: GraphCommand): GraphDocument {
  switch (command.type) {
    case 'add':
      if (command.nodes.length === 0 && command.edges.length === 0) return graph;
      return {
        ...graph,
        nodes: [...graph.nodes, ...command.nodes],
        edges: [...graph.edges, ...command.edges],
      };
    case 'remove':
      return remove(graph, new Set(command.nodes), new Set(command.edges));
    case 'move': {
      let moved = false;
      const nodes = graph.nodes.map((node) => {
        const to = Object.hasOwn(command.positions, node.id) ? command.positions[node.id] : null;
        if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
        moved = true;
        return { ...node, position: { x: to.x, y: to.y } };
      });
      return moved ? { ...graph, nodes } : graph;
    }
    case 'setParam': {
      let changed = false;
      const nodes = graph.nodes.map((node) => {
        if (node.id !== command.node) return node;
        if (Object.is(node.params[command.param], command.value)) return node;
        changed = true;
        return { ...node, params: { ...node.params, [command.param]: command.value } };
      });
      return changed ? { ...graph, nodes } : graph;
    }
    case 'connect': {
      const replaced = new Set(command.replaces);
      const kept = graph.edges.filter((edge) => !replaced.has(edge.id));
      return { ...graph, edges: [...kept, command.edge] };
    }
    case 'rename':
      return command.name === graph.name ? graph : { ...graph, name: command.name };
  }
}
