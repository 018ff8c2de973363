/** The open graph's problems, each as `path: message`; clicking one selects its block. */
import { formatProblem, type GraphDocument, type Problem } from '../../src-shared/graph';
import { problemNodeId } from '../canvas/flowModel';

export function ProblemsPanel(props: {
  problems: readonly Problem[];
  graph: GraphDocument;
  onSelectNode(id: string): void;
  onClose(): void;
}) {
  return (
    <section className="problems-panel" aria-label="Problems" data-testid="problems-panel">
      <header className="problems-header">
        <h2 className="panel-title">Problems ({props.problems.length})</h2>
        <button type="button" className="link-button" onClick={props.onClose}>
          Close
        </button>
      </header>
      <ul className="problem-list">
        {props.problems.map((problem, index) => {
          const id = problemNodeId(props.graph, problem);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
            <li key={index} className="problem">
              <button
                type="button"
                className="problem-button"
                disabled={!id}
                onClick={() => id && props.onSelectNode(id)}
              >
                {formatProblem(problem)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
