/** A sticky note: free text on the canvas, moved by its grip, resizable when selected. */
import type { NodeProps } from '@xyflow/react';
import { memo, useRef } from 'react';
import { AnnotationBox } from './AnnotationBox';
import type { NoteFlowNode } from './annotations';
import { useStore } from './storeContext';

function NoteNodeView({ data, selected }: NodeProps<NoteFlowNode>) {
  const store = useStore();
  // Each focus of the text area is one undo step, however much is typed.
  const session = useRef(0);
  return (
    <AnnotationBox kind="note" id={data.noteId} selected={selected}>
      <div className="note-grip" title="Drag to move the note">
        <span aria-hidden="true">⋮⋮</span> Note
      </div>
      <textarea
        className="note-text nodrag nowheel"
        aria-label="Note text"
        value={data.text}
        maxLength={10_000}
        placeholder="Write a note…"
        onFocus={() => {
          session.current += 1;
        }}
        onChange={(event) =>
          store.execute(
            { type: 'updateNote', id: data.noteId, changes: { text: event.target.value } },
            { coalesce: `note-text.${data.noteId}.${session.current}`, label: 'Edit note' },
          )
        }
      />
    </AnnotationBox>
  );
}

export const NoteNode = memo(NoteNodeView);
