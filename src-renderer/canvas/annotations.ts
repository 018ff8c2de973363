/**
 * Group frames and sticky notes as React Flow nodes. Their flow ids carry a prefix with a
 * colon, which block ids cannot contain, so the three kinds never collide on the canvas.
 */
import type { Node } from '@xyflow/react';
import type { Selection } from '../../src-shared/editor/documentStore';
import type { GraphDocument } from '../../src-shared/graph';

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

export function toFrameNodes(graph: GraphDocument, selection: Selection): FrameFlowNode[] {
  const selected = new Set(selection.groups ?? []);
  return (graph.groups ?? []).map((group) => ({
    id: frameFlowId(group.id),
    type: 'frame',
    position: { x: group.position.x, y: group.position.y },
    width: group.size.width,
    height: group.size.height,
    selected: selected.has(group.id),
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
    id: noteFlowId(note.id),
    type: 'note',
    position: { x: note.position.x, y: note.position.y },
    width: note.size?.width ?? 240,
    height: note.size?.height ?? 140,
    selected: selected.has(note.id),
    dragHandle: '.note-grip',
    ariaLabel: `Note: ${note.text.slice(0, 80) || 'empty'}`,
    data: { noteId: note.id, text: note.text },
  }));
}
