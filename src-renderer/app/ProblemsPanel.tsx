/**
 * The open graph's problems in the blocks' words, the JSON path beside each. Clicking one shows
 * its block (selected, in view, focused); a missing block offers its palette entry, and the
 * problems that only follow from it fold under it.
 */
import {
  describeProblem,
  type FoldedProblem,
  foldedSummary,
  foldProblems,
  type GraphDocument,
  getBlock,
  type Problem,
} from '../../src-shared/graph';

function ProblemRow(props: {
  problem: Problem;
  graph: GraphDocument;
  onShowNode(id: string): void;
}) {
  const { nodeId, text } = describeProblem(props.graph, props.problem);
  return (
    <button
      type="button"
      className="problem-button"
      disabled={!nodeId}
      onClick={() => nodeId && props.onShowNode(nodeId)}
    >
      <span className="problem-text">{text}</span>
      {props.problem.path !== '' && <code className="problem-path">{props.problem.path}</code>}
    </button>
  );
}

function Entry(props: {
  entry: FoldedProblem;
  graph: GraphDocument;
  onShowNode(id: string): void;
  onAddBlock(type: string): void;
}) {
  const { problem, folded } = props.entry;
  const missing = problem.missingBlock ? getBlock(problem.missingBlock) : undefined;
  const summary = foldedSummary(props.entry);
  return (
    <li className={`problem${missing ? ' is-missing-block' : ''}`} data-testid="problem">
      <div className="problem-line">
        <ProblemRow problem={problem} graph={props.graph} onShowNode={props.onShowNode} />
        {missing && (
          <button
            type="button"
            className="problem-fix"
            onClick={() => props.onAddBlock(missing.type)}
          >
            Add {missing.title}
          </button>
        )}
      </div>
      {summary && (
        <details className="problem-folded">
          <summary>{summary}</summary>
          <ul>
            {folded.map((inner) => (
              <li key={`${inner.path}|${inner.message}`}>
                <ProblemRow problem={inner} graph={props.graph} onShowNode={props.onShowNode} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

export function ProblemsPanel(props: {
  problems: readonly Problem[];
  graph: GraphDocument;
  onShowNode(id: string): void;
  onAddBlock(type: string): void;
  onClose(): void;
}) {
  const entries = foldProblems(props.problems);
  return (
    <section className="problems-panel" aria-label="Problems" data-testid="problems-panel">
      <header className="problems-header">
        <h2 className="panel-title">Problems ({props.problems.length})</h2>
        <button type="button" className="link-button" onClick={props.onClose}>
          Close
        </button>
      </header>
      <ul className="problem-list">
        {entries.map((entry, index) => (
          <Entry
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
            key={index}
            entry={entry}
            graph={props.graph}
            onShowNode={props.onShowNode}
            onAddBlock={props.onAddBlock}
          />
        ))}
      </ul>
    </section>
  );
}
