/**
 * Where the viewer lives in the app: a "Landscape" button over the workspace opens the viewer
 * in a panel covering the canvas (the graph stays one click away). The landscape store exists
 * from the app's start so it sees every launch begin and end.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentStore } from '../../src-shared/editor/documentStore';
import { useDocument } from '../document/useDocument';
import { engineRuntime } from '../engine/runtime';
import { LandscapeViewer } from './LandscapeViewer';
import { createLandscapeStore } from './landscapeStore';
import './landscape.css';
import { Icon } from '../app/icons';

export function LandscapePanel({ store }: { store: DocumentStore }) {
  const runtime = useMemo(() => engineRuntime(store), [store]);
  const landscapes = useMemo(() => createLandscapeStore(runtime.client), [runtime]);
  const doc = useDocument(store);
  const [open, setOpen] = useState(false);
  useEffect(() => () => landscapes.dispose(), [landscapes]);
  useEffect(() => landscapes.setOpen(open), [landscapes, open]);
  // Another document: the landscape shown (and the engine's launch) belong to the old graph.
  const loadId = useRef(doc.loadId);
  useEffect(() => {
    if (loadId.current === doc.loadId) return;
    loadId.current = doc.loadId;
    landscapes.documentChanged();
  }, [landscapes, doc.loadId]);

  return (
    <>
      <button
        type="button"
        className={`landscape-toggle${open ? ' is-open' : ''}`}
        data-testid="landscape-toggle"
        aria-pressed={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? (
          '← Graph'
        ) : (
          <>
            <Icon name="landscape" /> Landscape
          </>
        )}
      </button>
      {open && (
        <section className="landscape-panel" aria-label="Loss landscape viewer">
          <LandscapeViewer
            landscapes={landscapes}
            runs={runtime.runs}
            documents={store}
            title={doc.graph.name}
          />
        </section>
      )}
    </>
  );
}
