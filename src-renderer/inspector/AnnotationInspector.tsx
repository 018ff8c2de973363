/** The inspector for a selected group frame (title, members, ungroup) or sticky note (text). */

import type { ReactNode } from 'react';
import type { DocumentState, DocumentStore } from '../../src-shared/editor/document-store';
import { ungroupSelection } from '../../src-shared/editor/editor-actions';
import { getBlock } from '../../src-shared/graph';

/** What both panels show: the kind, a title and the one editable field, with its help. */
function AnnotationPanel(props: {
  kind: 'group' | 'note';
  title: string;
  field: { id: string; label: string; help: string };
  input: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="inspector-node" data-testid={`inspector-${props.kind}`}>
      <p className="inspector-kind">{props.kind}</p>
      <h3 className="inspector-title">{props.title}</h3>
      <div className="param">
        <label className="param-label" htmlFor={props.field.id}>
          {props.field.label}
        </label>
        {props.input}
        <p className="param-help">{props.field.help}</p>
      </div>
      {props.children}
    </div>
  );
}

export function GroupInspector(props: { id: string; state: DocumentState; store: DocumentStore }) {
  const { store } = props;
  const group = props.state.graph.groups?.find((candidate) => candidate.id === props.id);
  if (!group) return null;
  const titles = group.nodes.map((id) => {
    const node = props.state.graph.nodes.find((candidate) => candidate.id === id);
    return `${(node && getBlock(node.type)?.title) ?? id} (${id})`;
  });
  return (
    <AnnotationPanel
      kind="group"
      title={group.title || 'Untitled group'}
      field={{
        id: 'group-title',
        label: 'Title',
        help: 'Drag the frame by its title to move it with its blocks; drop a block inside to add it.',
      }}
      input={
        <input
          id="group-title"
          className="param-input"
          value={group.title}
          maxLength={200}
          onChange={(event) =>
            store.execute(
              { type: 'updateGroup', id: group.id, changes: { title: event.target.value } },
              { coalesce: `group-title.${group.id}`, label: 'Rename group' },
            )
          }
        />
      }
    >
      <p className="hint">
        {titles.length} blocks: {titles.join(', ') || 'none'}
      </p>
      <button type="button" className="secondary-button" onClick={() => ungroupSelection(store)}>
        Ungroup (keep the blocks)
      </button>
    </AnnotationPanel>
  );
}

export function NoteInspector(props: { id: string; state: DocumentState; store: DocumentStore }) {
  const note = props.state.graph.notes?.find((candidate) => candidate.id === props.id);
  if (!note) return null;
  return (
    <AnnotationPanel
      kind="note"
      title="Sticky note"
      field={{ id: 'note-text', label: 'Text', help: 'Saved with the graph; shown on the canvas.' }}
      input={
        <textarea
          id="note-text"
          className="param-input note-text-input"
          value={note.text}
          rows={8}
          maxLength={10_000}
          onChange={(event) =>
            props.store.execute(
              { type: 'updateNote', id: note.id, changes: { text: event.target.value } },
              { coalesce: `note-text.${note.id}.inspector`, label: 'Edit note' },
            )
          }
        />
      }
    />
  );
}
