/**
 * Editing actions shared by the canvas, palette, keyboard and menus; each is one undoable
 * command (or none) on the document store.
 */
import { defaultParams, type GraphNode, getBlock } from '../graph';
import { type AlignMode, alignBoxes, type Box } from './align';
import { copyBlocks, pasteBlocks, readClipboardText } from './clipboard';
import { applyCommand, type GraphCommand } from './commands';
import type { DocumentStore } from './document-store';
import { duplicateWithWires } from './duplicate';
import { freeOffset } from './free-spot';
import { groupBlocks, newNote } from './group-frames';
import { freshId, idBase, nodeIds } from './ids';
import { planInsertOnWire } from './insert-on-wire';
import { type ConnectionAttempt, checkConnection } from './wires';

/** Measured block sizes, by id (the canvas knows them; the document does not). */
export type SizeOf = (id: string) => { width: number; height: number } | undefined;

/** A block's size before the canvas has measured it. */
export const DEFAULT_BLOCK_SIZE = { width: 200, height: 96 } as const;

export const GRID = 20;

export const snap = (value: number): number => Math.round(value / GRID) * GRID;

/** Where a copy lands relative to its original. */
const PASTE_OFFSET = { x: 2 * GRID, y: 2 * GRID };

export interface AddedBlock {
  readonly id: string;
  /** Dropped on a wire it does not fit: why it was only added. */
  readonly notInserted?: string;
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
/** Every block's box, measured where the canvas knows its size. */
const allBoxes = (store: DocumentStore, sizeOf: SizeOf = () => undefined): Box[] =>
  blockBoxes(
    store,
    store.getSnapshot().graph.nodes.map((node) => node.id),
    sizeOf,
  );

export function addBlock(
  store: DocumentStore,
  type: string,
  position: { x: number; y: number },
  wire?: LooseWire,
  onWire?: string,
  sizeOf?: SizeOf,
): AddedBlock | null {
  const block = getBlock(type);
  if (!block) return null;
  const { graph } = store.getSnapshot();
  const wanted = { x: snap(position.x), y: snap(position.y) };
  // A block dropped on a wire goes where it was dropped; any other goes to the nearest free spot.
  const shift = onWire
    ? { x: 0, y: 0 }
    : freeOffset([{ id: '', ...wanted, ...DEFAULT_BLOCK_SIZE }], allBoxes(store, sizeOf), GRID);
  const node: GraphNode = {
    id: freshId(idBase(type), nodeIds(graph)),
    type,
    params: defaultParams(type),
    position: { x: wanted.x + shift.x, y: wanted.y + shift.y },
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
  // Dropped on a wire: added and inserted as one step, or just added when it does not fit.
  const refusal = onWire && !wire ? insertOnWire(store, node.id, onWire, commands) : null;
  if (onWire && !wire && refusal === null) return { id: node.id };
  store.execute(commands, {
    select: { nodes: [node.id], edges: [] },
    label: `Add ${block.title}`,
  });
  return refusal ? { id: node.id, notInserted: refusal } : { id: node.id };
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
  return store.execute({
    type: 'remove',
    nodes: selection.nodes,
    edges: selection.edges,
    groups: selection.groups ?? [],
    notes: selection.notes ?? [],
  });
}

export function selectAll(store: DocumentStore): void {
  const { graph } = store.getSnapshot();
  const ids = (items: readonly { id: string }[] = []) => items.map((item) => item.id);
  store.select({
    nodes: ids(graph.nodes),
    edges: ids(graph.edges),
    groups: ids(graph.groups),
    notes: ids(graph.notes),
  });
}

/** The blocks' boxes on the canvas: document positions with measured (or default) sizes. */
export function blockBoxes(store: DocumentStore, ids: readonly string[], sizeOf: SizeOf): Box[] {
  const { graph } = store.getSnapshot();
  return ids.flatMap((id) => {
    const node = graph.nodes.find((candidate) => candidate.id === id);
    if (!node) return [];
    const size = sizeOf(id) ?? DEFAULT_BLOCK_SIZE;
    return [{ id, ...node.position, width: size.width, height: size.height }];
  });
}

/** Aligns or distributes the selected blocks; false when too few are selected. */
export function alignSelection(store: DocumentStore, mode: AlignMode, sizeOf: SizeOf): boolean {
  const boxes = blockBoxes(store, store.getSnapshot().selection.nodes, sizeOf);
  const positions = alignBoxes(boxes, mode);
  if (Object.keys(positions).length === 0) return false;
  return store.execute({ type: 'move', positions }, { label: 'Align' });
}

/** Puts a titled frame around the selected blocks; the new frame is selected. */
export function groupSelection(store: DocumentStore, sizeOf: SizeOf): boolean {
  const { graph, selection } = store.getSnapshot();
  const boxOf = (id: string): Box | undefined => blockBoxes(store, [id], sizeOf)[0];
  const grouped = groupBlocks(graph, selection.nodes, boxOf);
  if (!grouped) return false;
  return store.execute(grouped.commands, {
    select: { nodes: [], edges: [], groups: [grouped.id] },
    label: 'Group',
  });
}

/** Removes the selected frames; their blocks stay where they are. */
export function ungroupSelection(store: DocumentStore): boolean {
  const { selection, graph } = store.getSnapshot();
  const frames = selection.groups ?? [];
  const members = (graph.groups ?? [])
    .filter((group) => frames.includes(group.id))
    .flatMap((group) => group.nodes);
  return store.execute(
    { type: 'remove', nodes: [], edges: [], groups: frames },
    { select: { nodes: members, edges: [] }, label: 'Ungroup' },
  );
}

/** Adds an empty sticky note at `position` (snapped), selected. */
export function addNote(store: DocumentStore, position: { x: number; y: number }): string {
  const note = newNote(store.getSnapshot().graph, { x: snap(position.x), y: snap(position.y) });
  store.execute(
    { type: 'add', nodes: [], edges: [], notes: [note] },
    { select: { nodes: [], edges: [], notes: [note.id] }, label: 'Add note' },
  );
  return note.id;
}

/** Duplicates the selected blocks with their wires to the rest of the graph, selected. */
export function duplicateSelectionWithWires(store: DocumentStore): boolean {
  const { graph, selection } = store.getSnapshot();
  const duplicated = duplicateWithWires(graph, selection.nodes, PASTE_OFFSET);
  if (!duplicated) return false;
  return store.execute(duplicated.command, {
    select: { nodes: duplicated.ids, edges: [] },
    label: 'Duplicate with wires',
  });
}

/**
 * Drops block `nodeId` on wire `edgeId`. `before` are commands of the same gesture that come
 * first (adding the block, moving it); all of it is one undo step. Returns the refusal reason.
 */
export function insertOnWire(
  store: DocumentStore,
  nodeId: string,
  edgeId: string,
  before: readonly GraphCommand[] = [],
): string | null {
  const graph = before.reduce(applyCommand, store.getSnapshot().graph);
  const plan = planInsertOnWire(graph, nodeId, edgeId);
  if (!plan.ok) return plan.reason;
  store.execute([...before, ...plan.commands], {
    select: { nodes: [nodeId], edges: [] },
    label: 'Insert on wire',
  });
  return null;
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
export function pasteText(store: DocumentStore, text: string, sizeOf?: SizeOf): boolean {
  const payload = readClipboardText(text);
  if (!payload || payload.nodes.length === 0) return false;
  const { graph } = store.getSnapshot();
  // Beside its original, or the nearest place from there where it covers no block.
  const copied = payload.nodes.map((node) => ({
    id: node.id,
    x: node.position.x + PASTE_OFFSET.x,
    y: node.position.y + PASTE_OFFSET.y,
    ...(sizeOf?.(node.id) ?? DEFAULT_BLOCK_SIZE),
  }));
  const shift = freeOffset(copied, allBoxes(store, sizeOf), GRID);
  const pasted = pasteBlocks(graph, payload, {
    x: PASTE_OFFSET.x + shift.x,
    y: PASTE_OFFSET.y + shift.y,
  });
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
