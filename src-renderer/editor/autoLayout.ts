/**
 * Auto-layout with elkjs: layered, left to right in the direction data flows. Lays out the
 * whole graph, or only the chosen blocks, keeping their top-left corner where it was.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { GraphDocument, Position } from '../../src-shared/graph';
import { snap } from './editorActions';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Used for a block not yet measured on screen. */
export const DEFAULT_BLOCK_SIZE: Size = { width: 200, height: 90 };

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

const elk = new ELK();

/** New positions for the blocks `ids` (all blocks when empty), snapped to the grid. */
export async function computeLayout(
  graph: GraphDocument,
  ids: readonly string[],
  sizeOf: (id: string) => Size | undefined,
): Promise<Record<string, Position>> {
  const chosen = new Set(ids.length > 0 ? ids : graph.nodes.map((node) => node.id));
  const nodes = graph.nodes.filter((node) => chosen.has(node.id));
  if (nodes.length === 0) return {};
  const result = await elk.layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: nodes.map((node) => ({ id: node.id, ...(sizeOf(node.id) ?? DEFAULT_BLOCK_SIZE) })),
    edges: graph.edges
      .filter((edge) => chosen.has(edge.from.node) && chosen.has(edge.to.node))
      .map((edge) => ({ id: edge.id, sources: [edge.from.node], targets: [edge.to.node] })),
  });
  const origin = {
    x: Math.min(...nodes.map((node) => node.position.x)),
    y: Math.min(...nodes.map((node) => node.position.y)),
  };
  const children = result.children ?? [];
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
