/** After a crash or reload: offer back the autosaved, unsaved document. */
import type { AutosaveRecord } from '../document/autosave';

export function RestoreBanner(props: {
  record: AutosaveRecord;
  onRestore(): void;
  onDiscard(): void;
}) {
  const when = new Date(props.record.savedAt).toLocaleString();
  return (
    <div className="restore" role="alert" data-testid="restore-offer">
      <span>
        Unsaved changes to <strong>{props.record.file.name}</strong> from {when} were kept.
      </span>
      <span className="restore-actions">
        <button type="button" className="primary-button" onClick={props.onRestore}>
          Restore
        </button>
        <button type="button" className="link-button" onClick={props.onDiscard}>
          Discard
        </button>
      </span>
    </div>
  );
}
