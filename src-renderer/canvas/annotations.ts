/**
 * Group frames and sticky notes as React Flow nodes. Their flow ids carry a prefix with a
 * colon, which block ids cannot contain, so the three kinds never collide on the canvas.
 */
import type { Node } from '@xyflow/react';
import type { Selection } from '../../src-shared/editor/document-store';
import type { GraphDocument } from '../../src-shared/graph';
import type { Position, Size } from '../../src-shared/graph/schema';

export type FrameNodeData = {
  readonly groupId: string;
  readonly title: string;
  readonly count: number;
};
export type NoteNodeData = { readonly noteId: string; readonly text: string };
export type FrameFlowNode = Node<FrameNodeData, 'frame'>;
export type NoteFlowNode = Node<NoteNodeData, 'note'>;

const GROUP_PREFIX = 'group:';
const NOTE_PREFIX = 'note:';

export const frameFlowId = (id: string): string => `${GROUP_PREFIX}${id}`;
export const noteFlowId = (id: string): string => `${NOTE_PREFIX}${id}`;

/** What a canvas node id stands for in the document. */
export function canvasItem(flowId: string): { kind: 'nodes' | 'groups' | 'notes'; id: string } {
  if (flowId.startsWith(GROUP_PREFIX)) return { kind: 'groups', id: flowId.slice(6) };
  if (flowId.startsWith(NOTE_PREFIX)) return { kind: 'notes', id: flowId.slice(5) };
  return { kind: 'nodes', id: flowId };
}

/** Where a frame or note sits on the canvas, as React Flow places a node. */
function placement(flowId: string, position: Position, size: Size, selected: boolean) {
  return {
    id: flowId,
    position: { x: position.x, y: position.y },
    width: size.width,
    height: size.height,
    selected,
  };
}

export function toFrameNodes(graph: GraphDocument, selection: Selection): FrameFlowNode[] {
  const selected = new Set(selection.groups ?? []);
  return (graph.groups ?? []).map((group) => ({
    ...placement(frameFlowId(group.id), group.position, group.size, selected.has(group.id)),
    type: 'frame',
    zIndex: -1,
    dragHandle: '.frame-title',
    className: 'frame-wrapper',
    // The body lets clicks through to the canvas; the title bar and resize handles do not.
    style: { pointerEvents: 'none' },
    ariaLabel: `Group ${group.title || 'untitled'}, ${group.nodes.length} blocks`,
    data: { groupId: group.id, title: group.title, count: group.nodes.length },
  }));
}

export function toNoteNodes(graph: GraphDocument, selection: Selection): NoteFlowNode[] {
  const selected = new Set(selection.notes ?? []);
  return (graph.notes ?? []).map((note) => ({
    ...placement(
      noteFlowId(note.id),
      note.position,
      note.size ?? { width: 240, height: 140 },
      selected.has(note.id),
    ),
    type: 'note',
    dragHandle: '.note-grip',
    ariaLabel: `Note: ${note.text.slice(0, 80) || 'empty'}`,
    data: { noteId: note.id, text: note.text },
  }));
}
