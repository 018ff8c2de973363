/**
 * Where the viewer lives in the app: a "Landscape" button over the workspace opens the viewer
 * in a panel covering the canvas (the graph stays one click away). The landscape stores exist
 * from the app's start so they see every launch begin and end: one per possible pane, all
 * asking the engine through one queue. A graph whose view.landscape blocks are marked
 * `sideBySide` opens them side by side; the viewer's toggle switches for the session.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { useDocument } from '../document/useDocument';
import { engineRuntime } from '../engine/runtime';
import { LandscapeViewer, MAX_PANES } from './LandscapeViewer';
import { landscapeViews, sideBySideViews } from './landscapeBlock';
import { createLandscapeQueue } from './landscapeQueue';
import { createLandscapeStore } from './landscapeStore';
import './landscape.css';
import { Icon } from '../app/icons';

export function LandscapePanel({ store }: { store: DocumentStore }) {
  const runtime = useMemo(() => engineRuntime(store), [store]);
  const queue = useMemo(() => createLandscapeQueue(runtime.client), [runtime]);
  const stores = useMemo(
    () => Array.from({ length: MAX_PANES }, () => createLandscapeStore(queue.channel())),
    [queue],
  );
  const doc = useDocument(store);
  const [open, setOpen] = useState(false);
  /** The person's side-by-side choice for this document (null: the document's). */
  const [panesChoice, setPanesChoice] = useState<boolean | null>(null);
  useEffect(
    () => () => {
      for (const s of stores) s.dispose();
      queue.dispose();
    },
    [stores, queue],
  );
  // Another document: the landscapes shown (and the engine's launch) belong to the old graph.
  const loadId = useRef(doc.loadId);
  useEffect(() => {
    if (loadId.current === doc.loadId) return;
    loadId.current = doc.loadId;
    for (const s of stores) s.documentChanged();
    setPanesChoice(null);
  }, [stores, doc.loadId]);

  const viewsKey = landscapeViews(doc.graph).join('\n');
  const markedKey = sideBySideViews(doc.graph).join('\n');
  const views = useMemo(() => (viewsKey ? viewsKey.split('\n') : []), [viewsKey]);
  const available = views.length >= 2;
  const on = available && (panesChoice ?? markedKey !== '');
  const paneViews = useMemo(
    () => (on ? (markedKey ? markedKey.split('\n') : views).slice(0, MAX_PANES) : null),
    [on, markedKey, views],
  );
  const panes = useMemo(() => stores.slice(0, paneViews?.length ?? 1), [stores, paneViews]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new document resets the views chosen
  useEffect(() => {
    // The engine grows live paths on one plane only: side by side, panes draw start and end.
    for (const s of stores) s.setLiveGrowth(!paneViews);
    paneViews?.forEach((v, k) => {
      stores[k]!.selectView(v);
    });
    stores.forEach((s, k) => {
      s.setOpen(open && k < panes.length);
    });
  }, [stores, paneViews, panes, open, doc.loadId]);

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
            panes={panes}
            views={views}
            sideBySide={{ available, on, set: setPanesChoice }}
            runs={runtime.runs}
            documents={store}
            title={doc.graph.name}
          />
        </section>
      )}
    </>
  );
}
