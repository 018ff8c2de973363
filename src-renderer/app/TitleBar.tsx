/** The title bar: the app mark, the document's file name, its unsaved mark and graph name. */
export function TitleBar(props: { fileName: string; graphName: string; dirty: boolean }) {
  return (
    <header className="titlebar">
      <span className="app-mark">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            d="M3 18c3-9 6-13 9-13s4 6 9 13"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <circle cx="12" cy="5" r="2.2" fill="currentColor" />
        </svg>
      </span>
      <h1 className="app-name">Gradient Atlas</h1>
      <span className="title-sep" aria-hidden="true">
        /
      </span>
      <span className="doc-name" data-testid="document-name">
        {props.fileName}
      </span>
      {props.dirty && (
        <span className="dirty-mark" data-testid="unsaved-mark" title="Unsaved changes">
          ●<span className="visually-hidden"> unsaved changes</span>
        </span>
      )}
      <span className="graph-name">{props.graphName}</span>
    </header>
  );
}
