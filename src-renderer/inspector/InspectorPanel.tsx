/**
 * The inspector: the selected block's params as typed controls (every valid edit is an
 * undoable command), its problems, and for optimizers and schedules the update rule. With
 * nothing selected it names the graph.
 */

import type { DocumentState, DocumentStore } from '../../src-shared/editor/document-store';
import { formatProblem, getBlock } from '../../src-shared/graph';
import { kindStyle } from '../canvas/kindColors';
import { csvColumns } from '../document/csvFiles';
import { sweepProps } from '../sweep/sweepField';
import { GroupInspector, NoteInspector } from './AnnotationInspector';
import { ParamField } from './ParamField';
import { PortConnections } from './PortConnections';
import { SchedulePlot } from './SchedulePlot';
import { schedulePreview } from './schedulePreview';
import { UpdateRule } from './UpdateRule';

function GraphSummary({ state, store }: { state: DocumentState; store: DocumentStore }) {
  const count = state.selection.nodes.length;
  return (
    <div className="inspector-empty">
      <label className="param-label" htmlFor="graph-name">
        Graph name
      </label>
      <input
        id="graph-name"
        className="param-input graph-name-input"
        value={state.graph.name}
        maxLength={200}
        onChange={(event) =>
          store.execute({ type: 'rename', name: event.target.value }, { coalesce: 'rename' })
        }
      />
      <p>
        {state.graph.nodes.length} blocks · {state.graph.edges.length} wires
      </p>
      <p className="hint">
        {count > 1 ? `${count} blocks selected.` : 'Select a block to edit its parameters.'}
      </p>
    </div>
  );
}

export function InspectorPanel({ state, store }: { state: DocumentState; store: DocumentStore }) {
  const selectedId = state.selection.nodes.length === 1 ? state.selection.nodes[0] : undefined;
  const index = state.graph.nodes.findIndex((candidate) => candidate.id === selectedId);
  const node = index === -1 ? undefined : state.graph.nodes[index];
  const block = node && getBlock(node.type);
  const preview = node && block?.kind === 'schedule' ? schedulePreview(state.graph, node.id) : null;
  // One frame or note selected (and no block): its own inspector.
  const { groups = [], notes = [] } = state.selection;
  const [group] = groups;
  const [note] = notes;
  const annotation =
    state.selection.nodes.length > 0 || groups.length + notes.length !== 1
      ? null
      : group !== undefined
        ? { kind: 'group' as const, id: group }
        : note !== undefined
          ? { kind: 'note' as const, id: note }
          : null;
  const problems = state.problems.filter(
    (problem) => problem.path === `nodes[${index}]` || problem.path.startsWith(`nodes[${index}].`),
  );
  return (
    <aside className="side-panel inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      <div className="panel-scroll">
        {!node && annotation?.kind === 'group' && (
          <GroupInspector id={annotation.id} state={state} store={store} />
        )}
        {!node && annotation?.kind === 'note' && (
          <NoteInspector id={annotation.id} state={state} store={store} />
        )}
        {!node && !annotation && <GraphSummary state={state} store={store} />}
        {node && (
          <div
            className="inspector-node"
            style={kindStyle(block?.kind ?? 'unknown')}
            data-testid="inspector-node"
            key={node.id}
          >
            <p className="inspector-kind">{block?.kind ?? 'unknown'}</p>
            <h3 className="inspector-title">{block?.title ?? node.type}</h3>
            <p className="inspector-type">
              {node.type} · <code>{node.id}</code>
            </p>
            {block?.description && <p className="inspector-help">{block.description}</p>}
            {problems.length > 0 && (
              <ul className="inspector-problems">
                {problems.map((problem) => (
                  <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
                ))}
              </ul>
            )}
            {block &&
              Object.entries(block.params)
                // Structured settings (recording) are edited in the view that owns them.
                .filter(([, spec]) => spec.kind !== 'structured')
                .map(([name, spec]) => (
                  <ParamField
                    key={name}
                    nodeId={node.id}
                    name={name}
                    spec={spec}
                    value={node.params[name]}
                    surface={
                      spec.kind === 'point' && node.type === 'model.surface'
                        ? String(node.params.fn)
                        : undefined
                    }
                    csvFile={node.type === 'dataset.csv' && name === 'path'}
                    suggestions={
                      node.type === 'dataset.csv' && name === 'target'
                        ? csvColumns(String(node.params.path ?? ''))
                        : undefined
                    }
                    onApply={(value, coalesce) =>
                      store.execute(
                        { type: 'setParam', node: node.id, param: name, value },
                        { coalesce },
                      )
                    }
                    {...sweepProps(state.graph, node.id, name, spec, store)}
                  />
                ))}
            <PortConnections graph={state.graph} nodeId={node.id} store={store} />
            {block?.kind === 'schedule' && preview && (
              <SchedulePlot preview={preview} interval={String(node.params.interval ?? 'step')} />
            )}
            {block?.updateRule && <UpdateRule latex={block.updateRule} />}
          </div>
        )}
      </div>
    </aside>
  );
}
