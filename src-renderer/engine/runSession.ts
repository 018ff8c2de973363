/**
 * What the Run / Pause / Step / Stop controls do, and live tweaks: it loads the open graph into
 * the engine as a new launch, drives it, and while a run is going turns edits of the graph
 * into `setParam` commands (or a notice offering a restart). It also keeps the decision
 * boundary fresh: one request in flight at a time, at most every BOUNDARY_MS while running.
 */
import type { Subscription } from 'rxjs';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { type GraphDocument, getBlock, problemLines, serializeGraph } from '../../src-shared/graph';
import type { EngineState } from '../../src-shared/protocol/engine';
import { hasCsvFile, readCsvFile } from '../document/csvFiles';
import { modelBundle } from '../document/modelFiles';
import type { EngineClient } from './engineClient';
import { planTweaks } from './liveTweaks';
import type { RunStore } from './runStore';

export const BOUNDARY_MS = 400;
export const BOUNDARY_RESOLUTION = 48;

export interface RunSession {
  /** Run (F5): start the open graph, or resume a paused run. */
  run(): void;
  pause(): void;
  /** Step (F10): one update; starts the graph paused when nothing is loaded. */
  step(): void;
  stop(): void;
  /** Stops and runs the open graph again (after an edit that needs it). */
  restart(): void;
  /**
   * Runs a variant of the open graph (a sweep trial: its values applied) as a launch of its
   * own, for its curves and landscape; edits of the document do not reach it. `maxSteps`
   * caps its runs (a trial the median rule stopped). Returns the launch number.
   */
  runVariant(graph: GraphDocument, maxSteps?: number): number;
  /** Paces training to at most this many steps per second (null: as fast as it goes), live. */
  setSpeed(stepsPerSecond: number | null): void;
  /** Which run the decision boundary shows. */
  focusBoundary(runKey: string | null): void;
  dispose(): void;
}

export function createRunSession(
  client: EngineClient,
  runs: RunStore,
  documents: DocumentStore,
  options: { maxSteps?: number } = {},
): RunSession {
  let launch = 0;
  let launchedGraph: GraphDocument | null = null;
  let launchedLoadId = -1;
  let boundaryRun: string | null = null;
  let boundaryInFlight = false;
  let lastBoundaryAt = 0;
  let boundaryTimer: ReturnType<typeof setTimeout> | null = null;
  let stepsPerSecond: number | null = null;
  const subscriptions: Subscription[] = [];

  // Tracked from the messages themselves: the run store only catches up on the next frame.
  let state: EngineState = 'idle';
  const engineState = () => state;
  /** What to do once the engine says the launch loaded (nothing, if loading failed). */
  let pending: 'start' | 'step' | null = null;
  /** Steps asked for while the launch loads: a quick second Step must not reload it. */
  let pendingSteps = 0;
  const active = () => engineState() === 'running' || engineState() === 'paused';

  /** The launch runs a variant of the document, not the document itself (no live tweaks). */
  let launchedVariant = false;
  const load = (variant?: { graph: GraphDocument; maxSteps?: number }): boolean => {
    const doc = documents.getSnapshot();
    if (!variant && doc.problems.length > 0) {
      runs.setNotice({
        kind: 'error',
        title: 'Fix the graph before running it',
        lines: problemLines(doc.graph, doc.problems),
      });
      return false;
    }
    launch += 1;
    pending = null;
    pendingSteps = 0;
    const sameDocument = doc.loadId === launchedLoadId;
    const graph = variant?.graph ?? doc.graph;
    launchedGraph = graph;
    launchedLoadId = doc.loadId;
    launchedVariant = variant !== undefined;
    runs.beginLaunch(launch, graph, !sameDocument);
    boundaryRun = pickBoundaryRun(graph);
    // The Worker has no file access: CSV files chosen in the inspector travel with the graph.
    const files: Record<string, string> = {};
    for (const node of graph.nodes) {
      const path = node.type === 'dataset.csv' ? node.params.path : undefined;
      if (typeof path === 'string' && hasCsvFile(path)) files[path] = readCsvFile(path);
      // Picked tfjs models travel the same way, found by the catalog's file params.
      for (const [name, spec] of Object.entries(getBlock(node.type)?.params ?? {})) {
        const value = node.params[name];
        if (spec.kind !== 'string' || spec.file !== 'layersModel' || typeof value !== 'string')
          continue;
        const bundle = modelBundle(value);
        if (bundle !== undefined) files[value] = bundle;
      }
    }
    const caps = [options.maxSteps, variant?.maxSteps].filter((n): n is number => n !== undefined);
    const maxSteps = caps.length > 0 ? Math.min(...caps) : undefined;
    client.send({
      type: 'load',
      graph: serializeGraph(graph),
      launch,
      ...(maxSteps ? { maxSteps } : {}),
      ...(Object.keys(files).length ? { files } : {}),
    });
    // A restarted engine host forgets the pace: every launch states it again.
    if (stepsPerSecond !== null) client.send({ type: 'setSpeed', stepsPerSecond });
    return true;
  };

  const requestBoundary = () => {
    if (!boundaryRun || boundaryInFlight) return;
    boundaryInFlight = true;
    lastBoundaryAt = performance.now();
    client.send({ type: 'boundary', run: boundaryRun, resolution: BOUNDARY_RESOLUTION });
  };

  const scheduleBoundary = () => {
    if (boundaryTimer !== null || !boundaryRun) return;
    const wait = Math.max(0, BOUNDARY_MS - (performance.now() - lastBoundaryAt));
    boundaryTimer = setTimeout(() => {
      boundaryTimer = null;
      requestBoundary();
    }, wait);
  };

  subscriptions.push(
    client.messages$.subscribe((m) => {
      if (m.type === 'boundary' || (m.type === 'error' && m.command === 'boundary')) {
        boundaryInFlight = false;
        if (m.type === 'error') boundaryRun = null; // this run has no boundary to draw
        if (engineState() === 'running') scheduleBoundary();
      } else if (m.type === 'error' && m.command === 'load') {
        pending = null; // that launch never loaded: the next click loads again
        pendingSteps = 0;
      } else if (m.type === 'state' && m.launch === launch) {
        state = m.state;
        if (m.state === 'loaded' && pending) {
          client.send({ type: pending });
          for (; pendingSteps > 0; pendingSteps--) client.send({ type: 'step' });
          pending = null;
        }
        if (m.state === 'running') scheduleBoundary();
        // Paused or finished: draw the boundary where the run stands.
        if (m.state === 'paused' || m.state === 'finished' || m.state === 'loaded')
          requestBoundary();
      } else if (m.type === 'events' && m.launch === launch && engineState() === 'paused') {
        scheduleBoundary(); // stepping while paused
      }
    }),
    client.frames$.subscribe((messages) => runs.apply(messages)),
    // The engine died: its runs are over, and the fresh engine has nothing loaded.
    client.hostLost$.subscribe((reason) => {
      state = 'idle';
      pending = null;
      boundaryInFlight = false;
      runs.hostLost(reason);
    }),
  );

  const unsubscribeDocument = documents.subscribe(() => {
    const doc = documents.getSnapshot();
    if (!launchedGraph || launchedVariant || doc.graph === launchedGraph) return;
    if (doc.loadId !== launchedLoadId || !active()) {
      return; // another document, or nothing running: the next Run loads it
    }
    const plan = planTweaks(launchedGraph, doc.graph);
    launchedGraph = doc.graph;
    for (const tweak of plan.tweaks) client.send({ type: 'setParam', ...tweak });
    if (plan.restart.length > 0) {
      runs.setNotice({
        kind: 'restart',
        title: 'This edit applies when the run restarts',
        lines: plan.restart,
      });
    }
  });

  return {
    run() {
      const s = engineState();
      if (pending)
        pending = 'start'; // a launch is loading: run it once it has
      else if (s === 'paused') client.send({ type: 'resume' });
      else if (s !== 'running' && s !== 'loaded' && load()) pending = 'start';
    },
    pause() {
      if (engineState() === 'running') client.send({ type: 'pause' });
    },
    step() {
      const s = engineState();
      if (pending === 'step')
        pendingSteps += 1; // one more, once the launch has loaded
      else if (pending)
        return; // it is about to run: nothing to step
      else if (s === 'paused' || s === 'loaded') client.send({ type: 'step' });
      else if (s === 'running') client.send({ type: 'pause' });
      else if (load()) pending = 'step';
    },
    stop() {
      if (active()) client.send({ type: 'stop' });
    },
    restart() {
      runs.setNotice(null);
      if (load()) pending = 'start';
    },
    runVariant(graph, maxSteps) {
      runs.setNotice(null);
      if (load({ graph, ...(maxSteps !== undefined ? { maxSteps } : {}) })) pending = 'start';
      return launch;
    },
    setSpeed(next) {
      stepsPerSecond = next;
      client.send({ type: 'setSpeed', stepsPerSecond: next });
    },
    focusBoundary(runKey) {
      const run = runs.getSnapshot().runs.find((r) => r.key === runKey);
      if (!run || run.launch !== launch) return;
      boundaryRun = run.runId;
      requestBoundary();
    },
    dispose() {
      for (const s of subscriptions) s.unsubscribe();
      unsubscribeDocument();
      if (boundaryTimer !== null) clearTimeout(boundaryTimer);
    },
  };
}

/** The first train block fed by a 2D classification dataset, if any. */
function pickBoundaryRun(graph: GraphDocument): string | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const train of graph.nodes.filter((n) => n.type === 'train')) {
    const feeds = graph.edges
      .filter((e) => e.to.node === train.id)
      .map((e) => byId.get(e.from.node));
    const model = feeds.find((n) => n?.type.startsWith('model.'));
    const modelFeeds = model
      ? graph.edges.filter((e) => e.to.node === model.id).map((e) => byId.get(e.from.node))
      : [];
    const dataset = [...feeds, ...modelFeeds].find((n) => n?.type.startsWith('dataset.'));
    const twoD = dataset && getBlock(dataset.type)?.facts?.features === 2;
    if (twoD && model?.type !== 'model.surface') return train.id;
  }
  return null;
}
