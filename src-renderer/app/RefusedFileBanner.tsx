/** Why a file could not be opened; the open graph stays as it was. */
import type { RefusedFile } from '../../src-shared/editor/document-store';
import { ProblemList } from './ProblemList';

export function RefusedFileBanner(props: { refused: RefusedFile; onDismiss(): void }) {
  const { name, problems } = props.refused;
  return (
    <div className="refused" role="alert" data-testid="refused-file">
      <header className="refused-header">
        <strong>
          Could not open {name}: {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
        </strong>
        <button type="button" className="link-button" onClick={props.onDismiss}>
          Dismiss
        </button>
      </header>
      <p className="refused-note">The graph you had open is unchanged.</p>
      <ProblemList problems={problems} />
    </div>
  );
}
