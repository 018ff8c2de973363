/**
 * compileGraph: a validated graph document → its blocks wired as streams along its edges, in
 * wiring order, each by its kind's stream definition (blocks/), with a RunController ticking
 * the runs the train blocks start. Nothing here knows any block kind.
 */
import { type Observable, Subject, Subscription } from 'rxjs';
import { type GraphDocument, type GraphNode, getBlock } from '../graph';
import { isFeedbackEdge, wiringOrder } from '../graph/wiring-order';
import type { RunEvent } from '../protocol/events';
import { readModeOf } from './backend';
import { BLOCK_STREAMS, type RunHandle, type WiredBlock } from './blocks';
import type { InputStreams } from './blocks/block-stream';
import { EventBus } from './blocks/event-bus';
import { LiveParams } from './blocks/live-params';
import { CompileError, type CompileOptions } from './compile-options';
import { RunController, type SteppedRun } from './training/run-controller';
import type { TrainRun } from './training/train-run';
import type { Dataset, Model } from './types';

export {
  type BackendInfo,
  CompileError,
  type CompileOptions,
  type Problem,
} from './compile-options';

export interface CompiledGraph {
  readonly controller: RunController;
  readonly runs: readonly TrainRun[];
  /** The model and dataset each run trains (the landscape needs them). */
  readonly runInputs: ReadonlyMap<
    string,
    { model: Model; dataset: Dataset | null; modelNode: string }
  >;
  /** What was wired: the blocks in order, and each one's input and output streams. */
  readonly streams: {
    readonly order: readonly string[];
    readonly inputs: ReadonlyMap<string, InputStreams>;
    readonly outputs: ReadonlyMap<string, WiredBlock['outputs']>;
  };
  dispose(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function compileGraph(graph: GraphDocument, options: CompileOptions): CompiledGraph {
  const at = (id: string) => `nodes[${graph.nodes.findIndex((n) => n.id === id)}]`;
  const problem = (id: string, message: string) => new CompileError([{ path: at(id), message }]);
  const bus = new EventBus();
  const subscriptions = new Subscription();
  const disposers: (() => void)[] = [];
  const live = new Map<string, LiveParams>();
  const inputs = new Map<string, InputStreams>();
  const outputs = new Map<string, WiredBlock['outputs']>();
  const feedback: { subject: Subject<unknown>; from: { node: string; port: string } }[] = [];
  const events: Observable<RunEvent>[] = [];
  const handles: RunHandle[] = [];
  const dispose = () => {
    subscriptions.unsubscribe();
    for (const teardown of disposers.splice(0).reverse()) teardown();
  };
  const streamsInto = (node: GraphNode, port: string) =>
    graph.edges
      .filter((e) => e.to.node === node.id && e.to.port === port)
      .map((e) => {
        if (!isFeedbackEdge(graph, e)) return outputs.get(e.from.node)![e.from.port]!;
        const subject = new Subject<unknown>(); // filled once its source is wired
        feedback.push({ subject, from: e.from });
        return subject.asObservable();
      });
  try {
    for (const node of wiringOrder(graph)) {
      const block = getBlock(node.type);
      if (!block) throw problem(node.id, `unknown block type '${node.type}'`);
      const own = Object.fromEntries(block.inputs.map((p) => [p.name, streamsInto(node, p.name)]));
      const seeded = options.seed !== undefined && 'seed' in node.params;
      const params = new LiveParams(
        node.id,
        seeded ? { ...node.params, seed: options.seed } : node.params,
      );
      const wired = BLOCK_STREAMS[block.kind].wire(own, {
        node,
        params,
        options,
        bus,
        subscriptions,
        onDispose: (teardown) => disposers.push(teardown),
        attempt: (build) => {
          try {
            return build();
          } catch (error) {
            if (error instanceof CompileError) throw error;
            throw problem(node.id, `${node.type} '${node.id}': ${messageOf(error)}`);
          }
        },
        refuse: (message, id = node.id) => problem(id, message),
      });
      live.set(node.id, params);
      inputs.set(node.id, own);
      outputs.set(node.id, wired.outputs);
      if (wired.events$) events.push(wired.events$);
      if (wired.run) handles.push(wired.run);
    }
    for (const { subject, from } of feedback) {
      subscriptions.add(outputs.get(from.node)![from.port]!.subscribe(subject));
    }
    if (handles.length === 0) {
      throw new CompileError([
        { path: 'nodes', message: 'the graph has no train block, so there is nothing to run' },
      ]);
    }
  } catch (error) {
    dispose();
    throw error instanceof CompileError
      ? error
      : new CompileError([{ path: 'graph', message: messageOf(error) }]);
  }
  for (const e$ of events) subscriptions.add(e$.subscribe({ next: bus.emit, error: bus.fail }));
  const runs = handles.map((h) => h.run);
  const reads = options.reads ?? readModeOf(options.backend.name);
  const stepped = reads === 'async' ? runs.map(readingLater) : runs;
  const controller = new RunController(
    stepped,
    () => runs.map((r) => r.startEvent(options.backend)),
    {
      clock: options.clock,
      edit: (node, name, value) => {
        const params = live.get(node);
        if (!params) throw new Error(`${node}.${name}: no active run uses this block`);
        return params.propose(name, value);
      },
      onFinished: () => subscriptions.unsubscribe(),
    },
  );
  return {
    controller,
    runs,
    runInputs: new Map(handles.map((h) => [h.run.id, h])),
    streams: { order: [...inputs.keys()], inputs, outputs },
    dispose,
  };
}

/** A run as the controller drives it when values are read back asynchronously. */
function readingLater(run: TrainRun): SteppedRun {
  return {
    get done() {
      return run.done;
    },
    get stepIndex() {
      return run.stepIndex;
    },
    step: () => run.stepAsync(),
    finish: (status, reason) => run.finishAsync(status, reason),
    // What the host reads once the runs are over (final θ for captures and exports).
    settle: () => run.fetchParams(),
  };
}
