/**
 * A group frame: a titled, resizable box behind its blocks. Dragging the title moves the frame
 * with its blocks; double-click (or Enter on the focused title) renames it.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { AnnotationBox } from './AnnotationBox';
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
    <AnnotationBox kind="frame" id={data.groupId} selected={selected}>
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
    </AnnotationBox>
  );
}

export const FrameNode = memo(FrameNodeView);
