/**
 * The landscape side of an engine session: one computation at a time, for a view.landscape
 * block of the loaded graph (or every run), while the runs train or after they finished.
 * Partial surfaces are posted at most every `throttleMs`; a new request or a new graph cancels
 * the one in flight. A finished run's tensors are freed, so `capture` builds each view's job
 * (center, trajectories: plain arrays) just before that happens. While runs train, a
 * `pathsOnly` request grows their paths on the last full landscape's plane (see livePaths).
 * Path points carry the runs' real step numbers, the x of the step charts.
 */

import type { Subscription } from 'rxjs';
import type { GraphDocument } from '../../graph';
import type {
  LandscapeCommand,
  LandscapeProgressMessage,
  LandscapeResultMessage,
  WireLandscape,
} from '../../protocol/landscape';
import type { CompiledGraph } from '../compile-graph';
import { computeLandscape, type LandscapeResult } from '../landscape';
import { type LandscapeJob, landscapeJob, landscapeViews } from '../landscape-job';
import { type ReadMode, readIn } from '../readback';
import { LivePaths } from './live-paths';

type Problem = { path: string; message: string };

export type LandscapeTaskMessage =
  | LandscapeProgressMessage
  | LandscapeResultMessage
  | { type: 'error'; command: string; problems: Problem[] };

export interface LandscapeSource {
  readonly graph: GraphDocument;
  readonly launch: number;
  /** The compiled graph while its runs still hold tensors; null once they finished. */
  readonly compiled: CompiledGraph | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Recorded step numbers of each run, by trajectory index (what a result's `steps` index). */
export type RunSteps = ReadonlyMap<string, readonly number[]>;

/** The steps of `view`'s runs, read in the same tick as the job's trajectories. */
function runSteps(compiled: CompiledGraph, runs: readonly string[]): RunSteps {
  const byId = new Map(compiled.runs.map((r) => [r.id, r]));
  return new Map(runs.map((id) => [id, byId.get(id)?.trajectory().steps ?? []]));
}

/** The parts of a result the viewer draws (no θ vectors: they can be large). */
/** A grid's size and its axes' values as plain arrays, for the wire. */
function gridAxes(g: {
  readonly grid: number;
  readonly alphas: ArrayLike<number>;
  readonly betas: ArrayLike<number>;
}) {
  return { grid: g.grid, alphas: Array.from(g.alphas), betas: Array.from(g.betas) };
}

export function toWire(result: LandscapeResult, steps: RunSteps = new Map()): WireLandscape {
  const c = result.curvature?.center;
  const map = result.curvature?.map;
  return {
    axes: [
      { name: result.axes[0].name, values: [...result.axes[0].values] },
      { name: result.axes[1].name, values: [...result.axes[1].values] },
    ],
    grid: result.grid,
    loss: result.loss,
    directions: {
      type: result.directions.type,
      ...(result.directions.explainedVariance
        ? { explainedVariance: [...result.directions.explainedVariance] as [number, number] }
        : {}),
    },
    model: { type: result.model.type, task: result.model.task, size: result.model.size },
    paths: result.paths.map((p) => ({
      run: p.run,
      steps: p.steps.map((i) => steps.get(p.run)?.[i] ?? i),
      alpha: [...p.alpha],
      beta: [...p.beta],
      offPlane: [...p.offPlane],
      loss: [...p.loss],
      trueLoss: [...p.trueLoss],
    })),
    ...(c ? { curvature: { lambdaMax: c.lambdaMax, lambdaMin: c.lambdaMin, kind: c.kind } } : {}),
    ...(map
      ? {
          curvatureMap: {
            ...gridAxes(map),
            lambdaMax: [...map.lambdaMax],
            lambdaMin: [...map.lambdaMin],
          },
        }
      : {}),
    notes: [...result.notes],
  };
}

export class LandscapeTask {
  private graph: GraphDocument | null = null;
  private launch = 0;
  /** Jobs built when the runs finished, by view id (or the reason there is none). */
  private captured = new Map<string, { job: LandscapeJob; steps: RunSteps } | Error>();
  private running: Subscription | null = null;
  /** The last full landscape (its job and what was posted), which live paths build on. */
  private lastFull: { job: LandscapeJob; wire: WireLandscape; launch: number } | null = null;
  private live: LivePaths | null = null;

  constructor(
    private readonly post: (message: LandscapeTaskMessage) => void,
    /** How the engine reads values back ('async' on WebGPU). */
    private readonly reads: ReadMode = 'sync',
    private readonly throttleMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A new graph was loaded: forget the previous one's captures and cancel its work. */
  load(graph: GraphDocument, launch: number): void {
    this.cancel();
    this.forgetFull();
    this.graph = graph;
    this.launch = launch;
    this.captured.clear();
  }

  /** Called while the runs' tensors still exist, right before they are freed. */
  capture(compiled: CompiledGraph): void {
    // The runs are over: their paths stop growing.
    this.live?.dispose();
    this.live = null;
    if (!this.graph) return;
    for (const view of landscapeViews(this.graph)) {
      try {
        const job = landscapeJob(this.graph, compiled, view);
        this.captured.set(view.id, { job, steps: runSteps(compiled, job.runs) });
      } catch (error) {
        this.captured.set(view.id, error instanceof Error ? error : new Error(messageOf(error)));
      }
    }
  }

  /** Stops the computation in flight and frees the live paths' tensors (the host unloads). */
  cancel(): void {
    this.stopRunning();
    this.live?.dispose();
    this.live = null;
  }

  private stopRunning(): void {
    this.running?.unsubscribe();
    this.running = null;
  }

  dispose(): void {
    this.cancel();
    this.forgetFull();
    this.captured.clear();
    this.graph = null;
  }

  private forgetFull(): void {
    this.live?.dispose();
    this.live = null;
    this.lastFull = null;
  }

  start(command: LandscapeCommand, compiled: CompiledGraph | null): void {
    this.stopRunning();
    const fail = (path: string, message: string) =>
      this.post({ type: 'error', command: 'landscape', problems: [{ path, message }] });
    const graph = this.graph;
    if (!graph) {
      fail('graph', 'load and run a graph before asking for its landscape');
      return;
    }
    const views = landscapeViews(graph);
    const view = command.view ? views.find((v) => v.id === command.view) : views[0];
    if (!view) {
      fail(command.view ?? 'view', `no view.landscape block '${command.view}' in the loaded graph`);
      return;
    }
    if (command.pathsOnly && compiled && this.growPaths(command, compiled, view.id)) return;
    let job: LandscapeJob;
    let steps: RunSteps;
    try {
      ({ job, steps } = this.jobFor(graph, compiled, view, command));
    } catch (error) {
      fail(view.id, messageOf(error));
      return;
    }
    const surfaceFn = this.surfaceName(graph, job);
    const about = {
      launch: this.launch,
      request: command.request,
      view: job.view,
      runs: [...job.runs],
      ...(surfaceFn ? { surfaceFn } : {}),
    };
    let lastPost = Number.NEGATIVE_INFINITY;
    this.running = computeLandscape(job.input).subscribe({
      next: (p) => {
        if (p.result) {
          const wire = toWire(p.result, steps);
          this.forgetFull();
          this.lastFull = { job, wire, launch: about.launch };
          this.post({ type: 'landscapeResult', ...about, result: wire });
          return;
        }
        const t = this.now();
        const surfaceDone = p.surface?.done === true && p.phase === 'surface';
        if (t - lastPost < this.throttleMs && !surfaceDone) return;
        lastPost = t;
        const s = p.surface;
        this.post({
          type: 'landscapeProgress',
          ...about,
          phase: p.phase,
          fraction: Math.min(1, Math.max(0, p.fraction)),
          ...(s
            ? {
                surface: {
                  ...gridAxes(s),
                  loss: s.loss,
                  count: s.count,
                },
              }
            : {}),
        });
      },
      error: (error: unknown) => {
        this.running = null;
        fail(job.view, messageOf(error));
      },
      complete: () => {
        this.running = null;
      },
    });
  }

  /**
   * Answers a `pathsOnly` request from the last full landscape of `view` in this launch: the
   * same surface, the runs' paths grown to their current steps. False when there is none yet
   * (the caller then computes a full landscape).
   */
  private growPaths(command: LandscapeCommand, compiled: CompiledGraph, view: string): boolean {
    const full = this.lastFull;
    if (!full || full.launch !== this.launch || full.job.view !== view) return false;
    const fail = (error: unknown) =>
      this.post({
        type: 'error',
        command: 'landscape',
        problems: [{ path: view, message: `live paths: ${messageOf(error)}` }],
      });
    const post = (paths: WireLandscape['paths']) => {
      const fn = this.graph ? this.surfaceName(this.graph, full.job) : undefined;
      this.post({
        type: 'landscapeResult',
        launch: this.launch,
        request: command.request,
        view: full.job.view,
        runs: [...full.job.runs],
        ...(fn ? { surfaceFn: fn } : {}),
        result: { ...full.wire, paths },
      });
    };
    try {
      this.live ??= new LivePaths(full.job);
      const byId = new Map(compiled.runs.map((r) => [r.id, r]));
      // θ is read now; the points are evaluated from these copies (later, on WebGPU).
      const trajectories = full.job.runs.flatMap((id) => {
        const run = byId.get(id);
        return run ? [run.trajectory()] : [];
      });
      const paths = readIn(this.reads, this.live.pathsOf(trajectories));
      if (paths instanceof Promise) paths.then(post, fail);
      else post(paths);
    } catch (error) {
      fail(error);
    }
    return true;
  }

  private jobFor(
    graph: GraphDocument,
    compiled: CompiledGraph | null,
    view: { id: string; params: Record<string, unknown>; runs: string[] },
    command: LandscapeCommand,
  ): { job: LandscapeJob; steps: RunSteps } {
    const overrides = {
      grid: command.grid,
      range: command.range,
      directions: command.directions,
      curvature: command.curvature,
      curvatureGrid: command.curvatureMap,
    };
    if (compiled) {
      const job = landscapeJob(graph, compiled, view, overrides);
      return { job, steps: runSteps(compiled, job.runs) };
    }
    const captured = this.captured.get(view.id);
    if (!captured) throw new Error('the runs of this graph have not started yet');
    if (captured instanceof Error) throw captured;
    const options = captured.job.input.options ?? {};
    const job: LandscapeJob = {
      ...captured.job,
      input: {
        ...captured.job.input,
        options: {
          ...options,
          ...(overrides.grid !== undefined ? { grid: overrides.grid } : {}),
          ...(overrides.range !== undefined ? { range: overrides.range } : {}),
          ...(overrides.directions !== undefined ? { directions: overrides.directions } : {}),
          ...(overrides.curvature !== undefined ? { curvature: overrides.curvature } : {}),
          ...(overrides.curvatureGrid !== undefined
            ? { curvature: true, curvatureGrid: overrides.curvatureGrid }
            : {}),
        },
      },
    };
    return { job, steps: captured.steps };
  }

  private surfaceName(graph: GraphDocument, job: LandscapeJob): string | undefined {
    if (job.input.model.task !== 'surface') return undefined;
    const firstRun = job.runs[0];
    const modelEdge = graph.edges.find(
      (e) =>
        e.to.node === firstRun &&
        graph.nodes.find((n) => n.id === e.from.node)?.type === 'model.surface',
    );
    const fn = graph.nodes.find((n) => n.id === modelEdge?.from.node)?.params.fn;
    return typeof fn === 'string' ? fn : undefined;
  }
}
