/**
 * The landscape side of an engine session: one computation at a time, for a view.landscape
 * block of the loaded graph (or every run), while the runs train or after they finished.
 * Partial surfaces are posted at most every `throttleMs`; a new request or a new graph cancels
 * the one in flight. A finished run's tensors are freed, so `capture` builds each view's job
 * (center, trajectories: plain arrays) just before that happens.
 */
import type { Subscription } from 'rxjs';
import type { GraphDocument } from '../../graph';
import type {
  LandscapeCommand,
  LandscapeProgressMessage,
  LandscapeResultMessage,
  WireLandscape,
} from '../../protocol/landscape';
import type { CompiledGraph } from '../compileGraph';
import { computeLandscape, type LandscapeResult } from '../landscape';
import { type LandscapeJob, landscapeJob, landscapeViews } from '../landscapeJob';

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

/** The parts of a result the viewer draws (no θ vectors: they can be large). */
export function toWire(result: LandscapeResult): WireLandscape {
  const c = result.curvature?.center;
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
      steps: [...p.steps],
      alpha: [...p.alpha],
      beta: [...p.beta],
      offPlane: [...p.offPlane],
      loss: [...p.loss],
      trueLoss: [...p.trueLoss],
    })),
    ...(c ? { curvature: { lambdaMax: c.lambdaMax, lambdaMin: c.lambdaMin, kind: c.kind } } : {}),
    notes: [...result.notes],
  };
}

export class LandscapeTask {
  private graph: GraphDocument | null = null;
  private launch = 0;
  /** Jobs built when the runs finished, by view id (or the reason there is none). */
  private captured = new Map<string, LandscapeJob | Error>();
  private running: Subscription | null = null;

  constructor(
    private readonly post: (message: LandscapeTaskMessage) => void,
    private readonly throttleMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A new graph was loaded: forget the previous one's captures and cancel its work. */
  load(graph: GraphDocument, launch: number): void {
    this.cancel();
    this.graph = graph;
    this.launch = launch;
    this.captured.clear();
  }

  /** Called while the runs' tensors still exist, right before they are freed. */
  capture(compiled: CompiledGraph): void {
    if (!this.graph) return;
    for (const view of landscapeViews(this.graph)) {
      try {
        this.captured.set(view.id, landscapeJob(this.graph, compiled, view));
      } catch (error) {
        this.captured.set(view.id, error instanceof Error ? error : new Error(messageOf(error)));
      }
    }
  }

  cancel(): void {
    this.running?.unsubscribe();
    this.running = null;
  }

  dispose(): void {
    this.cancel();
    this.captured.clear();
    this.graph = null;
  }

  start(command: LandscapeCommand, compiled: CompiledGraph | null): void {
    this.cancel();
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
    let job: LandscapeJob;
    try {
      job = this.jobFor(graph, compiled, view, command);
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
          this.post({ type: 'landscapeResult', ...about, result: toWire(p.result) });
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
                  grid: s.grid,
                  alphas: [...s.alphas],
                  betas: [...s.betas],
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

  private jobFor(
    graph: GraphDocument,
    compiled: CompiledGraph | null,
    view: { id: string; params: Record<string, unknown>; runs: string[] },
    command: LandscapeCommand,
  ): LandscapeJob {
    const overrides = {
      grid: command.grid,
      range: command.range,
      directions: command.directions,
      curvature: command.curvature,
    };
    if (compiled) return landscapeJob(graph, compiled, view, overrides);
    const captured = this.captured.get(view.id);
    if (!captured) throw new Error('the runs of this graph have not started yet');
    if (captured instanceof Error) throw captured;
    const options = captured.input.options ?? {};
    return {
      ...captured,
      input: {
        ...captured.input,
        options: {
          ...options,
          ...(overrides.grid !== undefined ? { grid: overrides.grid } : {}),
          ...(overrides.range !== undefined ? { range: overrides.range } : {}),
          ...(overrides.directions !== undefined ? { directions: overrides.directions } : {}),
          ...(overrides.curvature !== undefined ? { curvature: overrides.curvature } : {}),
        },
      },
    };
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
