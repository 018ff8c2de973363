/**
 * Group frames and sticky notes: a frame is a titled box around blocks that move with it. The
 * geometry here is pure: the frame drawn around a selection, which frame a moved block now
 * sits in, and where a frame's members go when it is dragged.
 */
import type { GraphDocument, GraphGroup, GraphNote, Position } from '../graph';
import type { Box } from './align';
import type { GraphCommand } from './commands';
import { freshId } from './ids';

/** Space between a frame's edge and its blocks; the title bar takes more above. */
export const FRAME_PADDING = 30;
export const FRAME_TITLE_SPACE = 40;
export const NOTE_SIZE = { width: 240, height: 140 } as const;

/** The frame drawn around `boxes`: their bounding box plus padding and room for the title. */
export function frameAround(boxes: readonly Box[]): Pick<GraphGroup, 'position' | 'size'> {
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return {
    position: { x: left - FRAME_PADDING, y: top - FRAME_TITLE_SPACE },
    size: {
      width: right - left + 2 * FRAME_PADDING,
      height: bottom - top + FRAME_TITLE_SPACE + FRAME_PADDING,
    },
  };
}

/** A new frame titled `title` around the blocks `ids` (each block in one frame at most). */
export function groupBlocks(
  graph: GraphDocument,
  ids: readonly string[],
  boxOf: (id: string) => Box | undefined,
  title = 'Group',
): { commands: GraphCommand[]; id: string } | null {
  const boxes = ids.map(boxOf).filter((box): box is Box => box !== undefined);
  if (boxes.length === 0) return null;
  const id = freshId('group', new Set((graph.groups ?? []).map((group) => group.id)));
  const chosen = new Set(boxes.map((box) => box.id));
  const group: GraphGroup = { id, title, nodes: [...chosen], ...frameAround(boxes) };
  // Blocks leave the frames they were in: membership is what moves with what.
  const leave: GraphCommand[] = (graph.groups ?? [])
    .filter((other) => other.nodes.some((node) => chosen.has(node)))
    .map((other) => ({
      type: 'updateGroup',
      id: other.id,
      changes: { nodes: other.nodes.filter((node) => !chosen.has(node)) },
    }));
  return { commands: [...leave, { type: 'add', nodes: [], edges: [], groups: [group] }], id };
}

export function newNote(graph: GraphDocument, position: Position, text = ''): GraphNote {
  const id = freshId('note', new Set((graph.notes ?? []).map((note) => note.id)));
  return { id, text, position: { x: position.x, y: position.y }, size: { ...NOTE_SIZE } };
}

function contains(group: GraphGroup, point: Position): boolean {
  return (
    point.x >= group.position.x &&
    point.x <= group.position.x + group.size.width &&
    point.y >= group.position.y &&
    point.y <= group.position.y + group.size.height
  );
}

/**
 * After blocks `moved` were dropped: each joins the smallest frame its centre lies in, or no
 * frame when it lies in none. Frames that were dragged keep their members.
 */
export function membershipChanges(
  graph: GraphDocument,
  moved: readonly string[],
  boxOf: (id: string) => Box | undefined,
): GraphCommand[] {
  const groups = graph.groups ?? [];
  if (groups.length === 0) return [];
  const members = new Map(groups.map((group) => [group.id, [...group.nodes]]));
  for (const id of moved) {
    const box = boxOf(id);
    if (!box) continue;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const home = groups
      .filter((group) => contains(group, centre))
      .sort((a, b) => a.size.width * a.size.height - b.size.width * b.size.height)[0];
    for (const [groupId, nodes] of members) {
      const inside = nodes.includes(id);
      if (groupId === home?.id && !inside) nodes.push(id);
      else if (groupId !== home?.id && inside) nodes.splice(nodes.indexOf(id), 1);
    }
  }
  return groups.flatMap((group): GraphCommand[] => {
    const nodes = members.get(group.id) ?? group.nodes;
    const same =
      nodes.length === group.nodes.length && nodes.every((id, i) => id === group.nodes[i]);
    return same ? [] : [{ type: 'updateGroup', id: group.id, changes: { nodes } }];
  });
}

/**
 * Where the members of dragged frames go: each frame moved from its saved position to
 * `framesAt`; its blocks shift by the same amount (blocks dragged themselves are skipped).
 */
export function membersFollow(
  graph: GraphDocument,
  framesAt: ReadonlyMap<string, Position>,
  draggedBlocks: ReadonlySet<string>,
): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const group of graph.groups ?? []) {
    const to = framesAt.get(group.id);
    if (!to) continue;
    const dx = to.x - group.position.x;
    const dy = to.y - group.position.y;
    for (const id of group.nodes) {
      if (draggedBlocks.has(id) || positions.has(id)) continue;
      const node = graph.nodes.find((candidate) => candidate.id === id);
      if (node) positions.set(id, { x: node.position.x + dx, y: node.position.y + dy });
    }
  }
  return positions;
}
