/**
 * The viewer's side of the landscape protocol, outside React: asks the engine for a landscape,
 * keeps the latest partial surface and result of the current request (answers to replaced
 * requests are dropped), and refreshes on its own while the viewer is open: when a launch
 * starts (after START_DELAY_MS, so there is a path to fit a plane to) and finishes; while runs
 * train, an analytic surface is recomputed every REFRESH_MS (cheap and exact), and a network's
 * paths grow on the plane already drawn every LIVE_MS (no surface recompute until the end).
 * A new launch or another document clears what is shown at once: answers about an earlier
 * launch are dropped, so the viewer never draws the landscape of another graph. Requests go
 * through a pane's channel of the landscape queue (side-by-side panes take turns).
 */
import type { Subscription } from 'rxjs';
import { createListeners } from '../../src-shared/editor/listeners';
import type { EngineMessage } from '../../src-shared/protocol/engine';
import type { WireLandscape } from '../../src-shared/protocol/landscape';
import type { LandscapeChannel } from './landscapeQueue';

export const REFRESH_MS = 1000;
export const LIVE_MS = 500;
export const START_DELAY_MS = 800;
/** Analytic surfaces are cheap and exact: draw them finely. */
export const ANALYTIC_GRID = 121;

export interface SurfaceSnapshot {
  readonly grid: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly loss: Float32Array;
}

export interface LandscapeState {
  readonly status: 'idle' | 'computing' | 'done' | 'error';
  readonly request: number;
  readonly launch: number;
  readonly view: string | null;
  /** The view.landscape block asked for (null: the graph's first). */
  readonly selectedView: string | null;
  readonly surfaceFn: string | null;
  readonly phase: string;
  readonly fraction: number;
  readonly surface: SurfaceSnapshot | null;
  readonly result: WireLandscape | null;
  readonly error: string | null;
}

export interface LandscapeStore {
  getSnapshot(): LandscapeState;
  subscribe(listener: () => void): () => void;
  /** Asks for the landscape now (replacing any request in flight). */
  compute(): void;
  cancel(): void;
  /** Shows another view.landscape block of the graph (computed now when there is a run). */
  selectView(view: string | null): void;
  /**
   * Another document was loaded: clears the landscape, and nothing is computed again until
   * that document runs (the engine still holds the previous graph's launch).
   */
  documentChanged(): void;
  /**
   * Asks for a λmax/λmin lattice of `grid` × `grid` points with every landscape from now on
   * (null: none; each point costs two power iterations), recomputing now if there is a run.
   */
  setCurvatureMap(grid: number | null): void;
  /** Whether the viewer is shown (refreshes happen only then). */
  setOpen(open: boolean): void;
  /**
   * Whether a training network's paths grow on the drawn plane (on by default). Side-by-side
   * panes turn it off: the engine grows paths on its last landscape only, so two panes would
   * recompute whole surfaces in turn; theirs are drawn after the start and at the end.
   */
  setLiveGrowth(on: boolean): void;
  dispose(): void;
}

const INITIAL: LandscapeState = {
  status: 'idle',
  request: 0,
  launch: 0,
  view: null,
  selectedView: null,
  surfaceFn: null,
  phase: '',
  fraction: 0,
  surface: null,
  result: null,
  error: null,
};

/** ?landscapeGrid=N caps the grid (tests and slow machines). */
function gridFromUrl(): number | undefined {
  if (typeof location === 'undefined') return undefined;
  const v = Number(new URLSearchParams(location.search).get('landscapeGrid'));
  return Number.isInteger(v) && v >= 3 ? v : undefined;
}

/** Whether two results' paths end at the same steps (grown paths only ever add points). */
function sameHeads(a: WireLandscape, b: WireLandscape): boolean {
  return (
    a.paths.length === b.paths.length &&
    a.paths.every((p, i) => {
      const q = b.paths[i]!;
      return (
        p.run === q.run && p.steps.length === q.steps.length && p.steps.at(-1) === q.steps.at(-1)
      );
    })
  );
}

export function createLandscapeStore(channel: LandscapeChannel): LandscapeStore {
  let state = INITIAL;
  let open = false;
  let engineState = 'idle';
  let engineLaunch = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let analytic = false;
  let liveGrowth = true;
  /** Launches up to this one belong to an earlier document (never shown). */
  let staleLaunch = -1;
  const listeners = createListeners();
  const urlGrid = gridFromUrl();
  const set = (next: Partial<LandscapeState>) => {
    state = { ...state, ...next };
    listeners.notify();
  };
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  /** Forgets the shown landscape (answers about other launches are dropped on arrival). */
  const clear = (status: 'idle' | 'computing', phase = '') => {
    clearTimer();
    analytic = false;
    set({
      status,
      view: null,
      surfaceFn: null,
      phase,
      fraction: 0,
      surface: null,
      result: null,
      error: null,
    });
  };
  /** Whether the engine holds a launch of the open document. */
  const hasLaunch = () => engineState !== 'idle' && engineLaunch > staleLaunch;
  const viewParam = () => (state.selectedView ? { view: state.selectedView } : {});
  let curvatureGrid: number | null = null;
  const curvatureParam = () => (curvatureGrid ? { curvatureMap: curvatureGrid } : {});

  /** The request whose answer only grows the paths (the surface stays as it is). */
  let pathsRequest = -1;
  /** Asks the engine for the landscape as the viewer now wants it (view, grid, curvature). */
  const sendRequest = (request: number, extra: { pathsOnly?: true } = {}) => {
    const grid = urlGrid ?? (analytic ? ANALYTIC_GRID : undefined);
    channel.send({
      type: 'landscape',
      request,
      ...viewParam(),
      ...(grid ? { grid } : {}),
      curvature: true,
      ...curvatureParam(),
      ...extra,
    });
  };
  const compute = () => {
    clearTimer();
    const request = channel.nextRequest();
    set({ status: 'computing', request, phase: 'setup', fraction: 0, error: null });
    sendRequest(request);
  };
  const growPaths = () => {
    timer = null;
    const request = channel.nextRequest();
    pathsRequest = request;
    set({ request });
    sendRequest(request, { pathsOnly: true });
  };
  const live = () => engineState === 'running' || engineState === 'paused';

  const onMessage = (m: EngineMessage) => {
    if (m.type === 'state') {
      if (m.launch < engineLaunch) return;
      const startedNew = m.launch > engineLaunch;
      engineLaunch = m.launch;
      const before = engineState;
      engineState = m.state;
      // Another graph (or another run of it): its landscape is not the one shown.
      if (startedNew) clear(open ? 'computing' : 'idle', open ? 'waiting for the run' : '');
      if (!open) return;
      if (m.state === 'finished' && before !== 'finished') compute();
      else if (m.state === 'running' && (startedNew || before === 'loaded')) {
        clearTimer();
        timer = setTimeout(compute, START_DELAY_MS);
      }
      return;
    }
    if (m.type === 'error' && m.command === 'landscape' && state.status === 'computing') {
      set({ status: 'error', error: m.problems.map((p) => `${p.path}: ${p.message}`).join('\n') });
      return;
    }
    if (m.type !== 'landscapeProgress' && m.type !== 'landscapeResult') return;
    if (m.request !== state.request) return;
    if (m.launch !== engineLaunch || m.launch <= staleLaunch) return;
    const about = { launch: m.launch, view: m.view, surfaceFn: m.surfaceFn ?? null };
    if (m.type === 'landscapeProgress') {
      // The engine had no landscape to grow paths on and computes a whole one.
      if (m.request === pathsRequest) pathsRequest = -1;
      const s = m.surface;
      set({
        ...about,
        phase: m.phase,
        fraction: m.fraction,
        ...(s ? { surface: { grid: s.grid, xs: s.alphas, ys: s.betas, loss: s.loss } } : {}),
      });
      return;
    }
    const r = m.result;
    analytic = r.model.task === 'surface';
    // Grown paths on the same surface: keep the surface object (the mesh is not rebuilt).
    const sameSurface =
      m.request === pathsRequest && state.surface?.grid === r.grid && state.launch === m.launch;
    // Nothing new (a paused run): keep everything, so the viewer redraws nothing.
    const unchanged = sameSurface && state.result !== null && sameHeads(state.result, r);
    if (!unchanged)
      set({
        ...about,
        status: 'done',
        phase: 'done',
        fraction: 1,
        result: r,
        surface: sameSurface
          ? state.surface
          : { grid: r.grid, xs: r.axes[0].values, ys: r.axes[1].values, loss: r.loss },
      });
    if (!open || !live()) return;
    if (analytic) timer = setTimeout(compute, REFRESH_MS);
    else if (liveGrowth) timer = setTimeout(growPaths, LIVE_MS);
  };

  const subscription: Subscription = channel.messages$.subscribe(onMessage);
  return {
    getSnapshot: () => state,
    subscribe: listeners.subscribe,
    compute,
    cancel() {
      clearTimer();
      channel.cancel();
      if (state.status === 'computing') set({ status: state.result ? 'done' : 'idle' });
    },
    selectView(view) {
      if (view === state.selectedView) return;
      clear(hasLaunch() ? 'computing' : 'idle');
      set({ selectedView: view });
      if (hasLaunch()) compute();
    },
    setCurvatureMap(grid) {
      if (grid === curvatureGrid) return;
      curvatureGrid = grid;
      if (grid && hasLaunch()) compute();
    },
    documentChanged() {
      staleLaunch = engineLaunch;
      clear('idle');
      set({ selectedView: null });
    },
    setOpen(next) {
      const opened = next && !open;
      open = next;
      if (!open) clearTimer();
      // Opening after a run (or during one) shows its landscape at once.
      if (opened && hasLaunch() && state.status !== 'computing') compute();
    },
    setLiveGrowth(on) {
      liveGrowth = on;
    },
    dispose() {
      clearTimer();
      subscription.unsubscribe();
      listeners.clear();
    },
  };
}
