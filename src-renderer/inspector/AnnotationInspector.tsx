/** The inspector for a selected group frame (title, members, ungroup) or sticky note (text). */

import type { DocumentState, DocumentStore } from '../../src-shared/editor/documentStore';
import { ungroupSelection } from '../../src-shared/editor/editorActions';
import { getBlock } from '../../src-shared/graph';

export function GroupInspector(props: { id: string; state: DocumentState; store: DocumentStore }) {
  const { store } = props;
  const group = props.state.graph.groups?.find((candidate) => candidate.id === props.id);
  if (!group) return null;
  const titles = group.nodes.map((id) => {
    const node = props.state.graph.nodes.find((candidate) => candidate.id === id);
    return `${(node && getBlock(node.type)?.title) ?? id} (${id})`;
  });
  return (
    <div className="inspector-node" data-testid="inspector-group">
      <p className="inspector-kind">group</p>
      <h3 className="inspector-title">{group.title || 'Untitled group'}</h3>
      <div className="param">
        <label className="param-label" htmlFor="group-title">
          Title
        </label>
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
        <p className="param-help">
          Drag the frame by its title to move it with its blocks; drop a block inside to add it.
        </p>
      </div>
      <p className="hint">
        {titles.length} blocks: {titles.join(', ') || 'none'}
      </p>
      <button type="button" className="secondary-button" onClick={() => ungroupSelection(store)}>
        Ungroup (keep the blocks)
      </button>
    </div>
  );
}

export function NoteInspector(props: { id: string; state: DocumentState; store: DocumentStore }) {
  const note = props.state.graph.notes?.find((candidate) => candidate.id === props.id);
  if (!note) return null;
  return (
    <div className="inspector-node" data-testid="inspector-note">
      <p className="inspector-kind">note</p>
      <h3 className="inspector-title">Sticky note</h3>
      <div className="param">
        <label className="param-label" htmlFor="note-text">
          Text
        </label>
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
        <p className="param-help">Saved with the graph; shown on the canvas.</p>
      </div>
    </div>
  );
}
