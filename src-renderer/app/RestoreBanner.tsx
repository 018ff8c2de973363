/**
 * After a crash or reload: offer back every autosaved, unsaved document left by a tab that is
 * gone (newest first). The open tab keeps autosaving its own document meanwhile.
 */
import { type AutosaveRecord, restoredGraph } from '../document/autosave';

export function RestoreBanner(props: {
  records: readonly AutosaveRecord[];
  onRestore(record: AutosaveRecord): void;
  onDiscard(record: AutosaveRecord): void;
}) {
  const [first, ...more] = props.records;
  if (!first) return null;
  const item = (record: AutosaveRecord) => (
    <li key={record.id} className="restore-item" data-testid="restore-item">
      <span>
        Unsaved changes to <strong>{record.file.name}</strong>
        {graphName(record)} from {new Date(record.savedAt).toLocaleString()} were kept.
      </span>
      <span className="restore-actions">
        <button type="button" className="primary-button" onClick={() => props.onRestore(record)}>
          Restore
        </button>
        <button type="button" className="link-button" onClick={() => props.onDiscard(record)}>
          Discard
        </button>
      </span>
    </li>
  );
  return (
    <div className="restore" role="alert" data-testid="restore-offer">
      <ul className="restore-list" aria-label="Autosaved documents">
        {item(first)}
        {more.map(item)}
      </ul>
    </div>
  );
}

/** The graph's own name, which tells two autosaves of one file apart. */
function graphName(record: AutosaveRecord): string {
  const name = restoredGraph(record)?.name;
  return name ? ` (“${name.length > 60 ? `${name.slice(0, 60)}…` : name}”)` : '';
}
