/** The app shell: title bar, toolbar, palette, canvas, inspector, problems and status bar. */
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  duplicateSelectionWithWires,
  ungroupSelection,
} from '../../src-shared/editor/editor-actions';
import { bridge } from '../bridge';
import { CanvasToolbar } from '../canvas/CanvasToolbar';
import { GraphCanvas } from '../canvas/GraphCanvas';
import { motionDuration } from '../canvas/motion';
import type { QuickAddRequest } from '../canvas/QuickAdd';
import { revealNode } from '../canvas/revealNode';
import { RunDock } from '../dashboard/RunDock';
import { useAutosave } from '../document/useAutosave';
import { useDocument } from '../document/useDocument';
import { Palette } from '../editor/Palette';
import { useCanvasCommands } from '../editor/useCanvasCommands';
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

/** Window-level effects of the open document: its title, and asking before closing unsaved. */
function useDocumentWindow(dirty: boolean, fileName: string): void {
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${fileName} — Gradient Atlas`;
  }, [dirty, fileName]);

  // Closing with unsaved changes asks first: the browser's own prompt in web mode; in
  // Electron, main turns the refused unload into a native Save/Discard/Cancel dialog.
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}

/** A short message that dismisses itself after NOTICE_MS. */
function useNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice] as const;
}

function Workbench() {
  const store = useMemo(() => createStartupStore(localStorage), []);
  const flow = useReactFlow();
  const canvasArea = useRef<HTMLElement>(null);
  const [notice, setNotice] = useNotice();
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [fitRequest, setFitRequest] = useState(0);
  const [quickAdd, setQuickAdd] = useState<QuickAddRequest | null>(null);
  const { restore, restoreRecord, discardRecord } = useAutosave(store);
  const commands = useMemo(
    () =>
      createFileCommands({
        store,
        bridge,
        confirmDiscard: () => window.confirm('Discard the unsaved changes to this graph?'),
        report: setNotice,
        storage: localStorage,
      }),
    [store, setNotice],
  );
  const state = useDocument(store);
  useDocumentWindow(state.dirty, state.file.name);

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

  const fitView = useCallback(() => setFitRequest((n) => n + 1), []);
  const edit = useCanvasCommands({
    store,
    flow,
    canvasArea,
    notify: setNotice,
    openQuickAdd: setQuickAdd,
    fitView,
  });

  useEditorShortcuts(store, {
    group: edit.group,
    align: edit.align,
    addNote: edit.addNoteAt,
    autoLayout: () => void edit.autoLayout(),
    fitView,
    zoomIn: () => void flow.zoomIn({ duration: motionDuration(150) }),
    zoomOut: () => void flow.zoomOut({ duration: motionDuration(150) }),
    toggleHelp: () => setHelpOpen((open) => !open),
    closePopups: () => setQuickAdd(null),
    quickAdd: edit.quickAddAt,
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
        onFitView={fitView}
        onAutoLayout={() => void edit.autoLayout()}
        onHelp={() => setHelpOpen(true)}
      />
      <main className="workspace">
        <Palette onAdd={edit.addAtCenter} />
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
            onAddNote={() => edit.addNoteAt()}
            onAlign={edit.align}
            onGroup={edit.group}
            onUngroup={() => ungroupSelection(store)}
            onDuplicateWithWires={() => duplicateSelectionWithWires(store)}
          />
          <LandscapePanel store={store} />
          <SweepPanel store={store} />
          {restore.length > 0 && (
            <RestoreBanner
              records={restore}
              onRestore={(record) => {
                if (!restoreRecord(record)) {
                  setNotice('The autosaved graph could not be read; it was discarded.');
                }
              }}
              onDiscard={discardRecord}
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
            onAddBlock={edit.addAtCenter}
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
