/** The app shell: title bar, toolbar, palette, canvas, inspector, problems and status bar. */
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AlignMode } from '../../src-shared/editor/align';
import {
  addBlock,
  addNote,
  alignSelection,
  duplicateSelectionWithWires,
  GRID,
  groupSelection,
  type SizeOf,
  ungroupSelection,
} from '../../src-shared/editor/editorActions';
import { bridge } from '../bridge';
import { CanvasToolbar } from '../canvas/CanvasToolbar';
import { GraphCanvas } from '../canvas/GraphCanvas';
import { motionDuration } from '../canvas/motion';
import type { QuickAddRequest } from '../canvas/QuickAdd';
import { revealNode } from '../canvas/revealNode';
import { RunDock } from '../dashboard/RunDock';
import {
  type AutosaveRecord,
  migrateLegacyAutosave,
  restoredGraph,
  startAutosave,
} from '../document/autosave';
import { holdTabLock, indexedDbAutosaveStore, orphanedAutosaves } from '../document/autosaveStore';
import { useDocument } from '../document/useDocument';
import { computeLayout } from '../editor/autoLayout';
import { Palette } from '../editor/Palette';
import { useEditorShortcuts } from '../editor/useEditorShortcuts';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { LandscapePanel } from '../landscape/LandscapePanel';
import { SweepPanel } from '../sweep/SweepPanel';
import { createFileCommands } from './fileCommands';
import { HelpOverlay } from './HelpOverlay';
import { createStartupStore } from './initialDocument';
import { ProblemsPanel } from './ProblemsPanel';
import { RefusedFileBanner } from './RefusedFileBanner';
import { RestoreBanner } from './RestoreBanner';
import { StartGallery } from './StartGallery';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';
import { Toolbar } from './Toolbar';
import { useFileDrop } from './useFileDrop';
import { useShortcuts } from './useShortcuts';

const NOTICE_MS = 6000;

function Workbench() {
  const store = useMemo(() => createStartupStore(localStorage), []);
  const flow = useReactFlow();
  const canvasArea = useRef<HTMLElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [fitRequest, setFitRequest] = useState(0);
  const [quickAdd, setQuickAdd] = useState<QuickAddRequest | null>(null);
  const autosaves = useMemo(indexedDbAutosaveStore, []);
  /** This tab's autosave record: a new one per page load, held by a lock while the tab lives. */
  const tabId = useMemo(() => crypto.randomUUID(), []);
  const [restore, setRestore] = useState<readonly AutosaveRecord[]>([]);
  const commands = useMemo(
    () =>
      createFileCommands({
        store,
        bridge,
        confirmDiscard: () => window.confirm('Discard the unsaved changes to this graph?'),
        report: setNotice,
        storage: localStorage,
      }),
    [store],
  );
  const state = useDocument(store);

  useEffect(() => {
    document.title = `${state.dirty ? '• ' : ''}${state.file.name} — Gradient Atlas`;
  }, [state.dirty, state.file.name]);

  // Closing with unsaved changes asks first: the browser's own prompt in web mode; in
  // Electron, main turns the refused unload into a native Save/Discard/Cancel dialog.
  useEffect(() => {
    if (!state.dirty) return;
    const ask = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [state.dirty]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Autosave from the start (the restore offer may stay up a while); offer what tabs that
  // are gone left behind.
  useEffect(() => {
    holdTabLock(tabId);
    let cancelled = false;
    void migrateLegacyAutosave(localStorage, autosaves)
      .then(() => orphanedAutosaves(autosaves))
      .then((records) => {
        if (!cancelled) setRestore(records);
      })
      .catch(() => {}); // no IndexedDB (private mode): nothing to offer
    const stop = startAutosave(store, autosaves, { id: tabId });
    return () => {
      cancelled = true;
      stop();
    };
  }, [autosaves, store, tabId]);

  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        const actions = {
          new: commands.newDocument,
          open: commands.open,
          save: commands.save,
          saveAs: commands.saveAs,
        };
        void actions[command]();
      }),
    [commands],
  );
  useShortcuts(commands);
  const dropping = useFileDrop(commands.openFile);

  /** Adds a block in the middle of the view, beside any block already there. */
  const addAtCenter = useCallback(
    (type: string) => {
      const bounds = canvasArea.current?.getBoundingClientRect();
      if (!bounds) return;
      const center = flow.screenToFlowPosition({
        x: bounds.left + bounds.width / 2,
        y: bounds.top + bounds.height / 2,
      });
      const taken = store.getSnapshot().graph.nodes.map((node) => node.position);
      let at = { x: center.x - 100, y: center.y - 40 };
      const near = (p: { x: number; y: number }) =>
        Math.abs(p.x - at.x) < GRID * 2 && Math.abs(p.y - at.y) < GRID * 2;
      for (let step = 0; step < 50 && taken.some(near); step += 1) {
        at = { x: at.x + GRID * 2, y: at.y + GRID * 2 };
      }
      addBlock(store, type, at);
    },
    [flow, store],
  );

  /** Lays out the selection (two or more blocks) or else the whole graph, as one undo step. */
  const autoLayout = useCallback(async () => {
    const { graph, selection, loadId } = store.getSnapshot();
    const ids = selection.nodes.length > 1 ? selection.nodes : [];
    const sizes = new Map(flow.getNodes().map((node) => [node.id, node.measured]));
    const positions = await computeLayout(graph, ids, (id) => {
      const size = sizes.get(id);
      return size?.width && size.height ? { width: size.width, height: size.height } : undefined;
    });
    // A different document may have been opened while the layout ran.
    if (store.getSnapshot().loadId !== loadId) return;
    store.execute({ type: 'move', positions }, { label: 'Auto-layout' });
    if (ids.length === 0) requestAnimationFrame(() => setFitRequest((n) => n + 1));
  }, [flow, store]);

  /** Block sizes as the canvas measured them. */
  const sizeOf = useCallback<SizeOf>(
    (id) => {
      const size = flow.getNode(id)?.measured;
      return size?.width && size.height ? { width: size.width, height: size.height } : undefined;
    },
    [flow],
  );
  const align = useCallback(
    (mode: AlignMode) => {
      const min = mode.startsWith('distribute') ? 3 : 2;
      if (!alignSelection(store, mode, sizeOf)) {
        setNotice(
          `Select at least ${min} blocks to ${mode.startsWith('distribute') ? 'distribute' : 'align'} them.`,
        );
      }
    },
    [store, sizeOf],
  );
  const group = useCallback(() => {
    if (!groupSelection(store, sizeOf)) setNotice('Select blocks to group them in a frame.');
  }, [store, sizeOf]);
  /** A note at a window point, or in the middle of the view when the point is off the canvas. */
  const noteAt = useCallback(
    (point?: { x: number; y: number }) => {
      const bounds = canvasArea.current?.getBoundingClientRect();
      if (!bounds) return;
      const inside =
        point &&
        point.x >= bounds.left &&
        point.x <= bounds.right &&
        point.y >= bounds.top &&
        point.y <= bounds.bottom;
      const at = inside
        ? point
        : { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 };
      addNote(store, flow.screenToFlowPosition(at));
    },
    [flow, store],
  );

  useEditorShortcuts(store, {
    group,
    align,
    addNote: noteAt,
    autoLayout: () => void autoLayout(),
    fitView: () => setFitRequest((n) => n + 1),
    zoomIn: () => void flow.zoomIn({ duration: motionDuration(150) }),
    zoomOut: () => void flow.zoomOut({ duration: motionDuration(150) }),
    toggleHelp: () => setHelpOpen((open) => !open),
    closePopups: () => setQuickAdd(null),
    quickAdd: (point) => {
      const bounds = canvasArea.current?.getBoundingClientRect();
      if (!bounds) return;
      const inside =
        point.x >= bounds.left &&
        point.x <= bounds.right &&
        point.y >= bounds.top &&
        point.y <= bounds.bottom;
      const at = inside
        ? point
        : { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 };
      setQuickAdd({
        at: { x: at.x - bounds.left, y: at.y - bounds.top },
        flowPosition: flow.screenToFlowPosition(at),
      });
    },
  });

  return (
    <div className="app" data-testid="app-shell">
      <button
        type="button"
        className="skip-link"
        onClick={() => {
          document
            .querySelector<HTMLElement>('#graph-canvas .react-flow__pane, #graph-canvas')
            ?.focus();
          document.querySelector<HTMLElement>('#graph-canvas .react-flow__node')?.focus();
        }}
      >
        Skip to canvas
      </button>
      <TitleBar fileName={state.file.name} graphName={state.graph.name} dirty={state.dirty} />
      <Toolbar
        commands={commands}
        store={store}
        undoLabel={state.undoLabel}
        redoLabel={state.redoLabel}
        onUndo={store.undo}
        onRedo={store.redo}
        onFitView={() => setFitRequest((n) => n + 1)}
        onAutoLayout={() => void autoLayout()}
        onHelp={() => setHelpOpen(true)}
      />
      <main className="workspace">
        <Palette onAdd={addAtCenter} />
        <section
          id="graph-canvas"
          className="canvas-area"
          aria-label="Graph canvas"
          tabIndex={-1}
          ref={canvasArea}
        >
          <GraphCanvas
            store={store}
            onRefused={setNotice}
            quickAdd={quickAdd}
            onQuickAdd={setQuickAdd}
            fitRequest={fitRequest}
            emptyOffer={<StartGallery onOpen={commands.openExample} />}
          />
          <CanvasToolbar
            selection={state.selection}
            onAddNote={() => noteAt()}
            onAlign={align}
            onGroup={group}
            onUngroup={() => ungroupSelection(store)}
            onDuplicateWithWires={() => duplicateSelectionWithWires(store)}
          />
          <LandscapePanel store={store} />
          <SweepPanel store={store} />
          {restore.length > 0 && (
            <RestoreBanner
              records={restore}
              onRestore={(record) => {
                const graph = restoredGraph(record);
                if (graph) store.load(graph, record.file, { dirty: true });
                else setNotice('The autosaved graph could not be read; it was discarded.');
                // This tab's own autosave holds it from now on.
                void autosaves.delete(record.id).catch(() => {});
                setRestore((records) => records.filter((r) => r.id !== record.id));
              }}
              onDiscard={(record) => {
                void autosaves.delete(record.id).catch(() => {});
                setRestore((records) => records.filter((r) => r.id !== record.id));
              }}
            />
          )}
          {state.refused && (
            <RefusedFileBanner refused={state.refused} onDismiss={store.dismissRefused} />
          )}
          {notice && (
            <div className="toast" role="alert" data-testid="notice">
              <span>{notice}</span>
              <button type="button" className="link-button" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </div>
          )}
        </section>
        <InspectorPanel state={state} store={store} />
      </main>
      <div className="bottom-area">
        <RunDock store={store} />
        {problemsOpen && state.problems.length > 0 && (
          <ProblemsPanel
            problems={state.problems}
            graph={state.graph}
            onShowNode={(id) => revealNode(flow, store, id)}
            onAddBlock={addAtCenter}
            onClose={() => setProblemsOpen(false)}
          />
        )}
        <StatusBar
          state={state}
          problemsOpen={problemsOpen}
          onToggleProblems={() => setProblemsOpen((open) => !open)}
        />
      </div>
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">Drop a graph (.json) to open it</div>
        </div>
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Workbench />
    </ReactFlowProvider>
  );
}
