/**
 * Editing actions shared by the canvas, palette, keyboard and menus; each is one undoable
 * command (or none) on the document store.
 */
import { defaultParams, type GraphNode, getBlock } from '../../src-shared/graph';
import { applyCommand, type GraphCommand } from '../document/commands';
import type { DocumentStore } from '../document/documentStore';
import { copyBlocks, pasteBlocks, readClipboardText } from './clipboard';
import { type ConnectionAttempt, checkConnection } from './connectionRules';
import { freshId, idBase, nodeIds } from './ids';

export const GRID = 20;

export const snap = (value: number): number => Math.round(value / GRID) * GRID;

/** Where a copy lands relative to its original. */
const PASTE_OFFSET = { x: 2 * GRID, y: 2 * GRID };

export interface AddedBlock {
  readonly id: string;
}

/** A wire dragged out of a port and released on empty canvas. */
export interface LooseWire {
  readonly nodeId: string;
  readonly port: string;
  readonly side: 'in' | 'out';
}

/**
 * Adds a block of `type` at `position` (snapped), selected; with a loose wire, also joins the
 * wire to the new block's first port that fits it, as one undo step. Null for an unknown type.
 */
export function addBlock(
  store: DocumentStore,
  type: string,
  position: { x: number; y: number },
  wire?: LooseWire,
): AddedBlock | null {
  const block = getBlock(type);
  if (!block) return null;
  const { graph } = store.getSnapshot();
  const node: GraphNode = {
    id: freshId(idBase(type), nodeIds(graph)),
    type,
    params: defaultParams(type),
    position: { x: snap(position.x), y: snap(position.y) },
  };
  const add: GraphCommand = { type: 'add', nodes: [node], edges: [] };
  const commands: GraphCommand[] = [add];
  if (wire) {
    const withNode = applyCommand(graph, add);
    const attempts = (wire.side === 'out' ? block.inputs : block.outputs).map((port) =>
      wire.side === 'out'
        ? { source: wire.nodeId, sourcePort: wire.port, target: node.id, targetPort: port.name }
        : { source: node.id, sourcePort: port.name, target: wire.nodeId, targetPort: wire.port },
    );
    for (const attempt of attempts) {
      const check = checkConnection(withNode, attempt);
      if (!check.ok) continue;
      commands.push({ type: 'connect', edge: check.edge, replaces: check.replaces });
      break;
    }
  }
  store.execute(commands, {
    select: { nodes: [node.id], edges: [] },
    label: `Add ${block.title}`,
  });
  return { id: node.id };
}

/** Connects two ports, or says why not. */
export function connect(store: DocumentStore, attempt: ConnectionAttempt): string | null {
  const check = checkConnection(store.getSnapshot().graph, attempt);
  if (!check.ok) return check.reason;
  store.execute({ type: 'connect', edge: check.edge, replaces: check.replaces });
  return null;
}

export function deleteSelection(store: DocumentStore): boolean {
  const { selection } = store.getSnapshot();
  return store.execute({ type: 'remove', nodes: selection.nodes, edges: selection.edges });
}

export function selectAll(store: DocumentStore): void {
  const { graph } = store.getSnapshot();
  store.select({
    nodes: graph.nodes.map((node) => node.id),
    edges: graph.edges.map((edge) => edge.id),
  });
}

/** The selected blocks as clipboard text, or null when nothing is selected. */
export function copySelection(store: DocumentStore): string | null {
  const { graph, selection } = store.getSnapshot();
  if (selection.nodes.length === 0) return null;
  return JSON.stringify(copyBlocks(graph, selection.nodes));
}

export function cutSelection(store: DocumentStore): string | null {
  const text = copySelection(store);
  if (text !== null) {
    const { selection } = store.getSnapshot();
    store.execute({ type: 'remove', nodes: selection.nodes, edges: [] }, { label: 'Cut' });
  }
  return text;
}

/** Pastes copied blocks (fresh ids, wires kept), selected; false when the text is not blocks. */
export function pasteText(store: DocumentStore, text: string): boolean {
  const payload = readClipboardText(text);
  if (!payload || payload.nodes.length === 0) return false;
  const { graph } = store.getSnapshot();
  const pasted = pasteBlocks(graph, payload, PASTE_OFFSET);
  store.execute(
    { type: 'add', nodes: pasted.nodes, edges: pasted.edges },
    { select: { nodes: pasted.nodes.map((node) => node.id), edges: [] }, label: 'Paste' },
  );
  return true;
}

export function duplicateSelection(store: DocumentStore): boolean {
  const text = copySelection(store);
  return text !== null && pasteText(store, text);
}
