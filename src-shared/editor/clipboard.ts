/**
 * Copy and paste of blocks: the copied blocks and the wires between them travel as JSON (the
 * system clipboard carries them between documents and windows); pasting gives every block and
 * wire a fresh id and keeps the internal wires joined to the new ids.
 */
import { z } from 'zod';
import {
  checkParamValue,
  defaultValue,
  type GraphDocument,
  type GraphEdge,
  GraphEdgeSchema,
  type GraphNode,
  GraphNodeSchema,
  getBlock,
  LIMITS,
  type ParamSpec,
} from '../graph';
import { edgeIds, freshEdgeId, freshId, idBase, nodeIds } from './ids';

export const CLIPBOARD_FORMAT = 'gradient-atlas/clipboard';

export interface ClipboardPayload {
  readonly format: typeof CLIPBOARD_FORMAT;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

const ClipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  nodes: z.array(GraphNodeSchema).max(LIMITS.maxNodes),
  edges: z.array(GraphEdgeSchema).max(LIMITS.maxEdges),
});

/** The selected blocks and the wires whose both ends are selected. */
export function copyBlocks(graph: GraphDocument, ids: readonly string[]): ClipboardPayload {
  const chosen = new Set(ids);
  return {
    format: CLIPBOARD_FORMAT,
    nodes: graph.nodes.filter((node) => chosen.has(node.id)),
    edges: graph.edges.filter((edge) => chosen.has(edge.from.node) && chosen.has(edge.to.node)),
  };
}

/** Exactly the block's params: bad or missing values at their default, unknown keys dropped. */
function cleanParams(
  params: Readonly<Record<string, unknown>>,
  specs: Readonly<Record<string, ParamSpec>>,
): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const check = Object.hasOwn(params, name) ? checkParamValue(params[name], spec) : null;
    clean[name] = check?.ok ? check.value : defaultValue(spec);
  }
  return clean;
}

/**
 * Reads clipboard text; null when it is not blocks copied from this app. Blocks of unknown
 * types are dropped (with their wires) and bad params reset: a paste adds only what the
 * catalog describes.
 */
export function readClipboardText(text: string): ClipboardPayload | null {
  if (text.length > LIMITS.maxTextLength) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ClipboardSchema.safeParse(json);
  if (!parsed.success) return null;
  const nodes = parsed.data.nodes.flatMap((node) => {
    const block = getBlock(node.type);
    return block ? [{ ...node, params: cleanParams(node.params, block.params) }] : [];
  });
  const kept = new Set(nodes.map((node) => node.id));
  const edges = parsed.data.edges.filter(
    (edge) => kept.has(edge.from.node) && kept.has(edge.to.node),
  );
  return { format: CLIPBOARD_FORMAT, nodes, edges };
}

/**
 * The blocks and wires to add when pasting into `graph`: fresh ids, internal wires remapped,
 * positions shifted by `offset` (so a paste over its original is visibly a copy).
 */
export function pasteBlocks(
  graph: GraphDocument,
  payload: ClipboardPayload,
  offset: { x: number; y: number },
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const takenNodes = nodeIds(graph);
  const takenEdges = edgeIds(graph);
  const renamed = new Map<string, string>();
  const nodes = payload.nodes.map((node) => {
    const id = freshId(idBase(node.type), takenNodes);
    renamed.set(node.id, id);
    return {
      ...node,
      id,
      params: structuredClone(node.params),
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    };
  });
  const edges = payload.edges.flatMap((edge) => {
    const from = renamed.get(edge.from.node);
    const to = renamed.get(edge.to.node);
    if (!from || !to) return [];
    return [
      {
        id: freshEdgeId(takenEdges),
        from: { node: from, port: edge.from.port },
        to: { node: to, port: edge.to.port },
      },
    ];
  });
  return { nodes, edges };
}
