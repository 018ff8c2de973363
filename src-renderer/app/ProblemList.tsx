/** Problems as the user reads them everywhere: `<json path>: <message>`. */
import type { Problem } from '../../src-shared/graph';

export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => (
        // Two identical problems are possible in a hostile file; the index keeps keys unique.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
        <li key={index} className="problem">
          {problem.path !== '' && (
            <>
              <code className="problem-path">{problem.path}</code>:{' '}
            </>
          )}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
