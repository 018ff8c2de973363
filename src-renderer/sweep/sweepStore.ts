/** A sweep running in the app: its trials' summaries as they land, and how it stands. */
import { useSyncExternalStore } from 'react';
import { createListeners } from '../../src-shared/editor/listeners';
import { type GraphDocument, serializeGraph } from '../../src-shared/graph';
import type { TrialSummary } from '../../src-shared/protocol/sweep';
import { expandSweep } from '../../src-shared/sweep/expand';
import { runSweep } from '../../src-shared/sweep/run-sweep';
import { createWebPool } from './webPool';

export interface SweepState {
  readonly phase: 'idle' | 'running' | 'done' | 'stopped' | 'failed';
  readonly total: number;
  readonly trials: readonly TrialSummary[];
  readonly workers: number;
  readonly error?: string;
  /** `resultsKey` of the graph these results belong to; null before any sweep. */
  readonly source: string | null;
}

/**
 * What a sweep's results depend on: every block's type and params, the wires and the sweep,
 * not where the blocks sit on the canvas. Results of a different key are from other settings.
 */
export function resultsKey(graph: GraphDocument): string {
  return JSON.stringify([
    graph.nodes.map((n) => [n.id, n.type, n.params]),
    graph.edges.map((e) => [e.from, e.to]),
    graph.sweep ?? null,
  ]);
}

let state: SweepState = { phase: 'idle', total: 0, trials: [], workers: 0, source: null };
const listeners = createListeners();
let stopCurrent: (() => void) | null = null;

function set(next: SweepState) {
  state = next;
  listeners.notify();
}

export const sweepStore = {
  getSnapshot: () => state,
  subscribe: listeners.subscribe,
  async start(graph: GraphDocument): Promise<void> {
    stopCurrent?.();
    const pool = createWebPool();
    let stopped = false;
    stopCurrent = () => {
      stopped = true;
      pool.close();
    };
    set({
      phase: 'running',
      total: expandSweep(graph).length,
      trials: [],
      workers: pool.size,
      source: resultsKey(graph),
    });
    try {
      await runSweep(graph, serializeGraph(graph), (task) => pool.runTrial(task), {
        onOutcome: (o) => {
          if (stopped) return;
          set({ ...state, trials: [...state.trials, o.summary] });
        },
      });
      if (!stopped) set({ ...state, phase: 'done' });
    } catch (error) {
      if (!stopped) {
        set({
          ...state,
          phase: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
      }
    } finally {
      pool.close();
    }
  },
  stop() {
    stopCurrent?.();
    stopCurrent = null;
    if (state.phase === 'running') set({ ...state, phase: 'stopped' });
  },
};

export const useSweepState = (): SweepState =>
  useSyncExternalStore(sweepStore.subscribe, sweepStore.getSnapshot);
