/**
 * A block type at run time: given its input ports as Observables (port name → the streams
 * wired into it, in edge order) and its params, it returns its output ports as Observables.
 * Every block kind registers one of these (blocks/index.ts); compileGraph wires them along the
 * graph's edges and knows nothing of any kind.
 */
import type { Observable, Subscription } from 'rxjs';
import type { GraphNode } from '../../graph';
import type { RunEvent } from '../../protocol/events';
import type { CompileOptions } from '../compile-options';
import type { TrainRun } from '../training/train-run';
import type { Dataset, Model } from '../types';
import type { EventBus } from './event-bus';
import type { LiveParams } from './live-params';

export type InputStreams = Readonly<Record<string, readonly Observable<unknown>[]>>;

/** A run a train block starts: what the controller drives and hosts read. */
export interface RunHandle {
  readonly run: TrainRun;
  readonly model: Model;
  readonly dataset: Dataset | null;
  readonly modelNode: string;
}

export interface WiredBlock {
  readonly outputs: Readonly<Record<string, Observable<unknown>>>;
  /** What the block reports (run events, metric series): the controller's events$. */
  readonly events$?: Observable<RunEvent>;
  readonly run?: RunHandle;
}

export interface BlockContext {
  readonly node: GraphNode;
  /** The node's params (a compile-wide seed already applied). */
  readonly params: LiveParams;
  readonly options: CompileOptions;
  readonly bus: EventBus;
  /** Stream subscriptions, torn down when the graph's runs end or it is disposed. */
  readonly subscriptions: Subscription;
  /** Frees what the block holds (tensors) when the compiled graph is disposed. */
  onDispose(teardown: () => void): void;
  /** Builds, turning an error into a CompileError that names this block. */
  attempt<T>(build: () => T): T;
  /** A CompileError with this message, at this block (or at the block `node`). */
  refuse(message: string, node?: string): Error;
}

export interface BlockStreamDefinition {
  wire(inputs: InputStreams, ctx: BlockContext): WiredBlock;
}
