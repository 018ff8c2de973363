/**
 * A group frame: a titled, resizable box behind its blocks. Dragging the title moves the frame
 * with its blocks; double-click (or Enter on the focused title) renames it.
 */
import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo, useState } from 'react';
import type { FrameFlowNode } from './annotations';
import { useStore } from './storeContext';

function FrameNodeView({ data, selected }: NodeProps<FrameFlowNode>) {
  const store = useStore();
  const [editing, setEditing] = useState(false);
  const rename = (title: string): void => {
    store.execute(
      { type: 'updateGroup', id: data.groupId, changes: { title } },
      { coalesce: `group-title.${data.groupId}`, label: 'Rename group' },
    );
  };
  return (
    <div
      className={`frame${selected ? ' is-selected' : ''}`}
      data-testid="group-frame"
      data-group-id={data.groupId}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={160}
        minHeight={100}
        lineClassName="frame-resize-line"
        handleClassName="frame-resize-handle"
        onResizeEnd={(_event, box) =>
          store.execute(
            {
              type: 'updateGroup',
              id: data.groupId,
              changes: {
                position: { x: Math.round(box.x), y: Math.round(box.y) },
                size: { width: Math.round(box.width), height: Math.round(box.height) },
              },
            },
            { label: 'Resize group' },
          )
        }
      />
      <div className="frame-title" title="Drag to move the group with its blocks">
        {editing ? (
          <input
            className="frame-title-input nodrag"
            aria-label="Group title"
            value={data.title}
            maxLength={200}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this frame
            autoFocus
            onChange={(event) => rename(event.target.value)}
            onBlur={() => setEditing(false)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="frame-title-text nodrag"
            title="Rename the group"
            onClick={() => setEditing(true)}
          >
            {data.title || 'Untitled group'}
          </button>
        )}
        <span className="frame-count">{data.count} blocks</span>
      </div>
    </div>
  );
}

export const FrameNode = memo(FrameNodeView);
