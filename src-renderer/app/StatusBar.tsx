/** The status bar: whether the graph is valid (click to list problems), its size, the host. */
import type { DocumentState } from '../../src-shared/editor/document-store';
import { EngineStatus } from '../engine/EngineStatus';

export function StatusBar(props: {
  state: DocumentState;
  problemsOpen: boolean;
  onToggleProblems(): void;
}) {
  const { graph, problems } = props.state;
  const valid = problems.length === 0;
  const empty = graph.nodes.length === 0;
  return (
    <footer className="statusbar">
      <button
        type="button"
        className={`status-validity ${empty ? 'is-empty' : valid ? 'is-valid' : 'is-invalid'}`}
        data-testid="graph-status"
        aria-expanded={valid ? undefined : props.problemsOpen}
        disabled={valid}
        onClick={props.onToggleProblems}
      >
        <span className="status-dot" aria-hidden="true" />
        {empty
          ? 'Empty graph'
          : valid
            ? 'Valid graph'
            : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`}
      </button>
      <span className="status-item">
        {graph.nodes.length} blocks · {graph.edges.length} wires
      </span>
      <span className="status-spacer" />
      <EngineStatus />
    </footer>
  );
}
