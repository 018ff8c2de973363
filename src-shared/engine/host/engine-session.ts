/**
 * The engine behind the host protocol, the same in every host (Web Worker, Electron compute
 * window, Node): takes validated commands, compiles and drives the graph, and posts batched
 * events and state changes back. A bad command is answered with an error and changes nothing.
 */
import type { Subscription } from 'rxjs';
import { parseGraphText } from '../../graph';
import type { EngineCommand, EngineMessage, EngineState } from '../../protocol/engine';
import { parseEngineCommand } from '../../protocol/engine';
import type { DoneEvent } from '../../protocol/events';
import { type BackendChoice, readModeOf } from '../backend';
import type { Clock } from '../clock';
import { type CompiledGraph, CompileError, compileGraph } from '../compile-graph';
import { exportLayersModel, exportUnavailable } from '../models';
import { type ReadMode, readIn } from '../readback';
import type { TrainRun } from '../training/train-run';
import type { Dataset, Model } from '../types';
import { type BoundaryGrid, boundaryOf, boundaryUnavailable } from './decision-boundary';
import { createEventBatcher, type EventBatcher } from './event-batcher';
import { LandscapeTask } from './landscape-task';

export interface EngineSessionOptions {
  readonly backend: BackendChoice;
  readonly host: 'worker' | 'electron' | 'node';
  /** How often batched events are sent, ms. */
  readonly batchMs?: number;
  readonly readText?: (path: string) => string;
  /** Paces runs and batches events (tests pass a manual one); default: the host's own. */
  readonly clock?: Clock;
}

type Problem = { path: string; message: string };

/** What a run's decision boundary needs once its tensors are gone (after it finished). */
interface RunSnapshot {
  readonly model: Model;
  readonly dataset: Dataset;
  readonly values: Float32Array[];
  readonly step: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class EngineSession {
  private compiled: CompiledGraph | null = null;
  private subscriptions: Subscription[] = [];
  private batcher: EventBatcher | null = null;
  private state: EngineState = 'idle';
  private launch = 0;
  /** The pace of every launch (kept across loads, like the UI's setting), null: max. */
  private stepsPerSecond: number | null = null;
  private finished: Promise<void> | null = null;
  private snapshots = new Map<string, RunSnapshot>();
  /** Every finished run's model and final parameters, for exportModel. */
  private finals = new Map<string, { model: Model; values: Float32Array[]; step: number }>();
  private nodeTypes = new Map<string, string>();
  /** Runs of the loaded graph that have sent their done event. */
  private endedRuns = new Set<string>();
  private readonly landscapes: LandscapeTask;
  /** How this engine reads values back ('async' on WebGPU). */
  private readonly reads: ReadMode;

  constructor(
    private readonly post: (message: EngineMessage) => void,
    private readonly options: EngineSessionOptions,
  ) {
    this.reads = readModeOf(options.backend.name);
    this.landscapes = new LandscapeTask((message) => this.post(message), this.reads);
    post({
      type: 'ready',
      backend: options.backend.name,
      reason: options.backend.reason,
      host: options.host,
    });
    post({ type: 'state', launch: 0, state: 'idle' });
  }

  /** Resolves when the current run loop ends (tests await it). */
  get whenFinished(): Promise<void> {
    return this.finished ?? Promise.resolve();
  }

  handle(data: unknown): void {
    const parsed = parseEngineCommand(data);
    if (!parsed.ok) {
      this.fail('unknown', [{ path: 'command', message: parsed.message }]);
      return;
    }
    try {
      this.dispatch(parsed.command);
    } catch (error) {
      // A bug in the engine must not kill the host: report it against the command.
      this.fail(parsed.command.type, [{ path: 'engine', message: messageOf(error) }]);
    }
  }

  dispose(): void {
    this.unload();
  }

  private dispatch(command: EngineCommand): void {
    const controller = this.compiled?.controller;
    const live = controller && this.state !== 'finished' ? controller : null;
    const notLoaded = (): void =>
      this.fail(command.type, [{ path: 'graph', message: 'no graph is loaded; load one first' }]);
    switch (command.type) {
      case 'load':
        this.load(command);
        return;
      case 'start':
        if (!controller || this.state !== 'loaded') {
          this.fail('start', [
            {
              path: 'graph',
              message:
                this.state === 'idle'
                  ? 'load a graph before starting'
                  : `cannot start: the run is ${this.state}; load the graph again to rerun it`,
            },
          ]);
          return;
        }
        // A failing step is reported through events$'s error (see load); the promise is quiet.
        this.finished = controller.start().catch(() => {});
        return;
      case 'pause':
        if (live) live.pause();
        else notLoaded();
        return;
      case 'resume':
        if (live) live.resume();
        else notLoaded();
        return;
      case 'step':
        if (!live) {
          notLoaded();
          return;
        }
        if (this.state === 'loaded') this.finished = live.startPaused().catch(() => {});
        live.step();
        return;
      case 'stop':
        live?.stop();
        return;
      case 'setSpeed':
        this.stepsPerSecond = command.stepsPerSecond;
        controller?.setSpeed(command.stepsPerSecond);
        return;
      case 'setParam':
        if (!live) {
          this.fail('setParam', [{ path: command.node, message: 'no run is going' }]);
          return;
        }
        try {
          this.refuseStructuralEdit(command.node, command.name);
          live.setParam(command.node, command.name, command.value);
        } catch (error) {
          this.fail('setParam', [
            { path: `${command.node}.${command.name}`, message: messageOf(error) },
          ]);
        }
        return;
      case 'boundary':
        this.readingRuns('boundary', () => this.boundary(command.run, command.resolution));
        return;
      case 'exportModel':
        this.readingRuns('exportModel', () => this.exportModel(command.run));
        return;
      case 'landscape':
        this.readingRuns('landscape', () =>
          this.landscapes.start(command, this.state === 'finished' ? null : this.compiled),
        );
        return;
      case 'landscapeCancel':
        this.landscapes.cancel();
        return;
    }
  }

  /**
   * Runs host code that reads the live runs' θ synchronously. Where the engine reads
   * asynchronously, it runs between two steps, once θ has been fetched to the host.
   */
  private readingRuns(command: string, work: () => void): void {
    const compiled = this.compiled;
    if (this.reads === 'sync' || !compiled || this.state === 'finished') {
      work();
      return;
    }
    compiled.controller
      .between(async () => {
        await Promise.all(compiled.runs.map((run) => run.fetchParams()));
        if (this.compiled === compiled) work();
      })
      .catch((error: unknown) =>
        this.fail(command, [{ path: 'engine', message: messageOf(error) }]),
      );
  }

  /** Models and datasets are built once per load: changing one means a new run. */
  private refuseStructuralEdit(node: string, name: string): void {
    const type = this.nodeTypes.get(node);
    if (type && !/^(optimizer|schedule)\.|^train$/.test(type)) {
      throw new Error(
        `${node}.${name} (${type}) cannot change while running; restart the run to apply it`,
      );
    }
  }

  private load(command: Extract<EngineCommand, { type: 'load' }>): void {
    const parsed = parseGraphText(command.graph);
    if (!parsed.ok) {
      this.fail('load', parsed.problems);
      return;
    }
    // Compile first: a graph that cannot run leaves the loaded one as it was.
    const files = command.files;
    let compiled: CompiledGraph;
    try {
      compiled = compileGraph(parsed.graph, {
        backend: this.options.backend,
        traceParams: command.traceParams ?? false,
        maxSteps: command.maxSteps,
        clock: this.options.clock,
        readText: (path) => {
          if (files && Object.hasOwn(files, path)) return files[path]!;
          if (this.options.readText) return this.options.readText(path);
          throw new Error(`${path}: this file was not sent with the graph; choose it again`);
        },
      });
    } catch (error) {
      if (error instanceof CompileError) this.fail('load', error.problems);
      else this.fail('load', [{ path: 'graph', message: messageOf(error) }]);
      return;
    }
    this.unload();
    this.endedRuns = new Set();
    this.nodeTypes = new Map(parsed.graph.nodes.map((n) => [n.id, n.type]));
    this.launch = command.launch ?? this.launch + 1;
    const launch = this.launch;
    this.compiled = compiled;
    compiled.controller.setSpeed(this.stepsPerSecond);
    this.landscapes.load(parsed.graph, launch);
    const batcher = createEventBatcher(
      (events) => this.post({ type: 'events', launch, events }),
      this.options.batchMs ?? 50,
      this.options.clock,
    );
    this.batcher = batcher;
    this.subscriptions.push(
      compiled.controller.events$.subscribe({
        next: (e) => {
          if (e.type === 'done') this.endedRuns.add(e.run);
          batcher.push(e);
        },
        complete: () => batcher.flush(),
        error: (error: unknown) => {
          // A step threw: the runs it ended say why, and the engine stays available.
          this.endOpenRuns(compiled, batcher, messageOf(error));
          this.fail('run', [{ path: 'run', message: messageOf(error) }]);
        },
      }),
      compiled.controller.state$.subscribe((s) => {
        if (s === 'idle') return;
        // The steps taken so far go out with the state, not a batch interval after it; the
        // state goes out before the work a finished run leaves (captures), so Stop shows at once.
        if (s === 'paused' || s === 'finished') batcher.flush();
        this.setState(s);
        if (s === 'finished') {
          this.snapshot(compiled);
          this.landscapes.capture(compiled);
          compiled.dispose();
        }
      }),
    );
    this.state = 'idle';
    this.setState('loaded');
  }

  /**
   * An uncaught error in the host while a run was going (a throw outside the step loop, an
   * unhandled rejection): the open runs end with its message, the engine stays available.
   */
  failRun(error: unknown): void {
    const compiled = this.compiled;
    const batcher = this.batcher;
    const message = messageOf(error);
    if (compiled && batcher && this.state !== 'finished' && this.state !== 'loaded') {
      this.endOpenRuns(compiled, batcher, message);
      compiled.controller.stop();
    }
    this.fail('run', [{ path: 'run', message }]);
  }

  private endOpenRuns(compiled: CompiledGraph, batcher: EventBatcher, message: string): void {
    // By the time a step's error arrives the runs are disposed: what they sent tells which
    // ones are still open.
    for (const run of compiled.runs) {
      if (this.endedRuns.has(run.id)) continue;
      this.endedRuns.add(run.id);
      batcher.push(this.stopRun(run, `stopped: ${message.split('\n')[0]}`));
    }
    batcher.flush();
  }

  /** Keeps the final parameters of runs that can draw a decision boundary. */
  private snapshot(compiled: CompiledGraph): void {
    for (const run of compiled.runs) {
      const inputs = compiled.runInputs.get(run.id);
      if (inputs && !exportUnavailable(inputs.model)) {
        try {
          const values = run.currentParamList();
          this.finals.set(run.id, { model: inputs.model, values, step: run.stepIndex });
        } catch {
          // Already disposed (a crash mid-run): nothing to export.
        }
      }
      if (!inputs?.dataset || boundaryUnavailable(inputs.model, inputs.dataset)) continue;
      try {
        this.snapshots.set(run.id, {
          model: inputs.model,
          dataset: inputs.dataset,
          values: run.currentParamList(),
          step: run.stepIndex,
        });
      } catch {
        // Already disposed (a crash mid-run): that run simply has no final boundary.
      }
    }
  }

  private boundary(runId: string, resolution: number): void {
    const compiled = this.compiled;
    const where = [{ path: runId, message: '' }];
    let source: RunSnapshot | undefined;
    if (compiled && this.state !== 'finished') {
      const run = compiled.runs.find((r) => r.id === runId);
      const inputs = compiled.runInputs.get(runId);
      if (run && inputs) {
        const why = boundaryUnavailable(inputs.model, inputs.dataset);
        if (why || !inputs.dataset) {
          this.fail('boundary', [{ path: runId, message: why ?? 'no data' }]);
          return;
        }
        source = {
          model: inputs.model,
          dataset: inputs.dataset,
          values: run.currentParamList(),
          step: run.stepIndex,
        };
      }
    } else {
      source = this.snapshots.get(runId);
    }
    if (!source) {
      where[0]!.message = `no run '${runId}' with a decision boundary in the loaded graph`;
      this.fail('boundary', where);
      return;
    }
    const { step } = source;
    const post = (grid: BoundaryGrid) =>
      this.post({ type: 'boundary', launch: this.launch, run: runId, step, ...grid });
    const grid = readIn(
      this.reads,
      boundaryOf(source.model, source.dataset, source.values, resolution),
    );
    if (grid instanceof Promise) {
      grid.then(post, (error: unknown) =>
        this.fail('boundary', [{ path: runId, message: messageOf(error) }]),
      );
    } else post(grid);
  }

  /** The run's model at its parameters now (live) or at the end, as model.json + weights.bin. */
  private exportModel(runId: string): void {
    const compiled = this.compiled;
    let source = this.finals.get(runId);
    if (compiled && this.state !== 'finished') {
      const run = compiled.runs.find((r) => r.id === runId);
      const model = compiled.runInputs.get(runId)?.model;
      if (run && model) source = { model, values: run.currentParamList(), step: run.stepIndex };
    }
    if (!source) {
      const why = compiled?.runInputs.get(runId)?.model;
      const message = why
        ? (exportUnavailable(why) ?? 'it has no parameters')
        : `no run '${runId}' in the loaded graph`;
      this.fail('exportModel', [{ path: runId, message: `cannot export: ${message}` }]);
      return;
    }
    const why = exportUnavailable(source.model);
    if (why) {
      this.fail('exportModel', [{ path: runId, message: `cannot export: ${why}` }]);
      return;
    }
    const artifacts = exportLayersModel(source.model, source.values);
    this.post({
      type: 'modelExport',
      launch: this.launch,
      run: runId,
      step: source.step,
      modelJson: JSON.stringify(artifacts.modelJson),
      weights: artifacts.weights,
    });
  }

  private unload(): void {
    const compiled = this.compiled;
    if (compiled && this.batcher && this.state !== 'finished') {
      // The loop ends later, unobserved: say now that these runs stopped.
      for (const run of compiled.runs) {
        if (!run.done) this.batcher.push(this.stopRun(run, `stopped at step ${run.stepIndex}`));
      }
      this.batcher.flush();
    }
    this.landscapes.cancel();
    compiled?.controller.stop();
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
    this.batcher?.dispose();
    this.batcher = null;
    this.compiled?.dispose();
    this.compiled = null;
    this.snapshots.clear();
    this.finals.clear();
  }

  /** A stopped run's done event; one that reads asynchronously may be mid-step: no reads. */
  private stopRun(run: TrainRun, reason: string): DoneEvent {
    return this.reads === 'sync' ? run.finish('stopped', reason) : run.abandon(reason);
  }

  private setState(state: EngineState): void {
    if (state === this.state) return;
    this.state = state;
    this.post({ type: 'state', launch: this.launch, state });
  }

  private fail(command: string, problems: readonly Problem[]): void {
    this.post({
      type: 'error',
      command,
      problems: problems.map((p) => ({ path: p.path, message: p.message })),
    });
  }
}
