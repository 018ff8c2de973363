/**
 * Auto-layout as data: the layered, left-to-right request for the blocks to lay out (ELK's
 * JSON graph, the whole graph or only the chosen blocks), and the positions its answer gives,
 * shifted so the layout keeps its top-left corner where it was and snapped to the grid. The
 * renderer hands the request to elkjs (src-renderer/editor/autoLayout.ts).
 */
import type { GraphDocument, Position } from '../graph';
import { DEFAULT_BLOCK_SIZE, type SizeOf, snap } from './editor-actions';

export interface LayoutRequest {
  readonly id: 'root';
  readonly layoutOptions: Readonly<Record<string, string>>;
  readonly children: { id: string; width: number; height: number }[];
  readonly edges: { id: string; sources: string[]; targets: string[] }[];
}

/** What comes back: each block's top-left corner in the layout's own frame. */
export interface LayoutAnswer {
  readonly children?: readonly { id: string; x?: number; y?: number }[];
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

const chosenNodes = (graph: GraphDocument, ids: readonly string[]) => {
  const chosen = new Set(ids.length > 0 ? ids : graph.nodes.map((node) => node.id));
  return { chosen, nodes: graph.nodes.filter((node) => chosen.has(node.id)) };
};

/** The request for the blocks `ids` (all blocks when empty); null when there are none. */
export function layoutRequest(
  graph: GraphDocument,
  ids: readonly string[],
  sizeOf: SizeOf,
): LayoutRequest | null {
  const { chosen, nodes } = chosenNodes(graph, ids);
  if (nodes.length === 0) return null;
  return {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: nodes.map((node) => ({ id: node.id, ...(sizeOf(node.id) ?? DEFAULT_BLOCK_SIZE) })),
    edges: graph.edges
      .filter((edge) => chosen.has(edge.from.node) && chosen.has(edge.to.node))
      .map((edge) => ({ id: edge.id, sources: [edge.from.node], targets: [edge.to.node] })),
  };
}

/** New positions from the layout's answer, snapped, with the top-left corner kept. */
export function layoutPositions(
  graph: GraphDocument,
  ids: readonly string[],
  answer: LayoutAnswer,
): Record<string, Position> {
  const { nodes } = chosenNodes(graph, ids);
  const origin = {
    x: Math.min(...nodes.map((node) => node.position.x)),
    y: Math.min(...nodes.map((node) => node.position.y)),
  };
  const children = answer.children ?? [];
  // ELK pads the layout; shift it so its top-left block lands where the top-left one was.
  const left = Math.min(...children.map((child) => child.x ?? 0));
  const top = Math.min(...children.map((child) => child.y ?? 0));
  const positions: Record<string, Position> = {};
  for (const child of children) {
    positions[child.id] = {
      x: snap(origin.x + (child.x ?? 0) - left),
      y: snap(origin.y + (child.y ?? 0) - top),
    };
  }
  return positions;
}
