/**
 * The box of a group frame or a note: its element (CSS class `frame` or `note`, with
 * is-selected) and the resize handles shown while it is selected; a finished resize is one
 * undoable update of the item's position and size (whole pixels).
 */
import { NodeResizer } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useStore } from './storeContext';

/** What differs between the two kinds of annotation. */
const KINDS = {
  frame: {
    minWidth: 160,
    minHeight: 100,
    testId: 'group-frame',
    idAttribute: 'data-group-id',
    command: 'updateGroup',
    label: 'Resize group',
  },
  note: {
    minWidth: 140,
    minHeight: 80,
    testId: 'sticky-note',
    idAttribute: 'data-note-id',
    command: 'updateNote',
    label: 'Resize note',
  },
} as const;

export interface AnnotationBoxProps {
  readonly kind: keyof typeof KINDS;
  /** The group's or note's id in the document. */
  readonly id: string;
  readonly selected?: boolean;
  readonly children: ReactNode;
}

export function AnnotationBox({ kind, id, selected, children }: AnnotationBoxProps) {
  const store = useStore();
  const spec = KINDS[kind];
  return (
    <div
      className={`${kind}${selected ? ' is-selected' : ''}`}
      data-testid={spec.testId}
      {...{ [spec.idAttribute]: id }}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={spec.minWidth}
        minHeight={spec.minHeight}
        lineClassName={`${kind}-resize-line`}
        handleClassName={`${kind}-resize-handle`}
        onResizeEnd={(_event, box) =>
          store.execute(
            {
              type: spec.command,
              id,
              changes: {
                position: { x: Math.round(box.x), y: Math.round(box.y) },
                size: { width: Math.round(box.width), height: Math.round(box.height) },
              },
            },
            { label: spec.label },
          )
        }
      />
      {children}
    </div>
  );
}
