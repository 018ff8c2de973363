/**
 * The runs of this session, outside React (components read it with useSyncExternalStore).
 * Runs stay listed after they finish so the next run compares against them; they can be
 * renamed, hidden or removed. This composes the small stores: records and how events change
 * them (runRecords.ts), colours (runColors.ts), steps/s (runRates.ts), engine notices
 * (engineNotices.ts) and the canvas badges (nodePhases.ts).
 */

import { createListeners } from '../../src-shared/editor/listeners';
import type { GraphDocument } from '../../src-shared/graph';
import type { BoundaryMessage, EngineMessage, EngineState } from '../../src-shared/protocol/engine';
import { type EngineNotice, errorNotice, hostLostNotice } from './engineNotices';
import { planLaunch, type RunPlan } from './launchPlan';
import { nodePhases } from './nodePhases';
import { nextRunColor } from './runColors';
import { createRateMeter } from './runRates';
import {
  applyRunEvents,
  isOpen,
  newRunRecord,
  type RunPhase,
  type RunRecord,
  setLaunchPhase,
} from './runRecords';

export type { EngineNotice } from './engineNotices';
export type { ParamMark, RunPhase, RunRecord, Series, SpectrumPoint } from './runRecords';

export interface EngineInfo {
  readonly backend: string | null;
  readonly reason: string;
  readonly host: string | null;
  readonly state: EngineState;
  readonly launch: number;
}

export interface RunStoreState {
  readonly runs: readonly RunRecord[];
  readonly engine: EngineInfo;
  readonly notice: EngineNotice | null;
  readonly boundary: BoundaryMessage | null;
  /** The graph of the latest launch (the dashboard's charts follow it), or null before one. */
  readonly graph: GraphDocument | null;
  /** The group of the latest launch. */
  readonly group: number;
  /** Increases whenever anything (series included) changes. */
  readonly version: number;
}

export interface RunStore {
  getSnapshot(): RunStoreState;
  subscribe(listener: () => void): () => void;
  /**
   * A graph is about to be loaded as `launch` (the plan names its runs' blocks).
   * `hideEarlier` hides earlier runs from the charts (another graph: nothing to compare).
   */
  beginLaunch(launch: number, graph: GraphDocument, hideEarlier?: boolean): void;
  apply(messages: readonly EngineMessage[]): void;
  rename(key: string, name: string): void;
  setVisible(key: string, visible: boolean): void;
  remove(key: string): void;
  setNotice(notice: EngineNotice | null): void;
  /** The engine's host died (Electron's compute window): open runs end as stopped, saying so. */
  hostLost(reason: string): void;
  /** Status of a block in the latest launch (for canvas badges), or null. */
  nodePhase(node: string): RunPhase | null;
}

/** Each launch's plan (its runs' blocks) and the group its runs join. */
interface LaunchPlan {
  readonly runs: Map<string, RunPlan>;
  readonly group: number;
}

export function createRunStore(now: () => number = () => performance.now()): RunStore {
  let state: RunStoreState = {
    runs: [],
    engine: { backend: null, reason: '', host: null, state: 'idle', launch: 0 },
    notice: null,
    boundary: null,
    graph: null,
    group: 0,
    version: 0,
  };
  const listeners = createListeners();
  const launches = new Map<number, LaunchPlan>();
  const rates = createRateMeter(now);
  let phases = new Map<string, RunPhase>();

  const emit = (next: Partial<RunStoreState>) => {
    state = { ...state, ...next, version: state.version + 1 };
    if (next.runs || next.engine) phases = nodePhases(state.runs, state.engine.launch);
    listeners.notify();
  };

  const mapRuns = (change: (r: RunRecord) => RunRecord) => state.runs.map(change);

  return {
    getSnapshot: () => state,
    subscribe: listeners.subscribe,
    beginLaunch(launch, graph, hideEarlier = false) {
      const group = hideEarlier && state.runs.length > 0 ? state.group + 1 : state.group;
      launches.set(launch, { runs: planLaunch(graph), group });
      const runs = mapRuns((r) => {
        // Older launches that never reported an end are over now.
        const ended = isOpen(r)
          ? { ...r, phase: 'stopped' as const, reason: r.reason ?? `stopped at step ${r.step}` }
          : r;
        return hideEarlier && ended.visible ? { ...ended, visible: false } : ended;
      });
      emit({ runs, notice: null, boundary: null, graph, group });
    },
    apply(messages) {
      if (messages.length === 0) return;
      const runs = new Map(state.runs.map((r) => [r.key, r]));
      let { engine, notice, boundary } = state;
      // Colours of visible runs, and of runs this batch creates (not in state.runs yet).
      const taken = state.runs.filter((r) => r.visible).map((r) => r.color);
      for (const m of messages) {
        switch (m.type) {
          case 'ready':
            engine = { ...engine, backend: m.backend, reason: m.reason, host: m.host };
            break;
          case 'state':
            engine = { ...engine, state: m.state, launch: Math.max(engine.launch, m.launch) };
            setLaunchPhase(runs, m.launch, m.state);
            break;
          case 'events': {
            const launch = launches.get(m.launch);
            // The engine's state as of this message (the store's catches up at the end).
            const paused = engine.launch === m.launch && engine.state === 'paused';
            const changed = applyRunEvents(m.launch, m.events, runs, (start) => {
              const color = nextRunColor(taken);
              taken.push(color);
              const plan = launch?.runs.get(start.run);
              return newRunRecord(start, {
                launch: m.launch,
                group: launch?.group ?? state.group,
                plan,
                color,
                paused,
              });
            });
            for (const r of changed) {
              if (r.phase !== 'running' && r.phase !== 'paused') continue;
              const stepsPerSecond = rates.sample(r.key, r.step, r.stepsPerSecond);
              runs.set(r.key, { ...r, stepsPerSecond });
            }
            break;
          }
          case 'error':
            if (m.command === 'engine' || m.command === 'startup') {
              // The host itself failed (worker script missing, no backend): say so where the
              // backend is shown instead of "starting…" forever.
              engine = { ...engine, backend: 'unavailable', reason: m.problems[0]?.message ?? '' };
            }
            notice = errorNotice(m);
            break;
          case 'boundary':
            boundary = m;
            break;
        }
      }
      emit({ runs: [...runs.values()], engine, notice, boundary });
    },
    rename(key, name) {
      const trimmed = name.trim().slice(0, 80);
      if (!trimmed) return;
      emit({ runs: mapRuns((r) => (r.key === key ? { ...r, name: trimmed } : r)) });
    },
    setVisible(key, visible) {
      emit({ runs: mapRuns((r) => (r.key === key ? { ...r, visible } : r)) });
    },
    remove(key) {
      rates.forget(key);
      emit({ runs: state.runs.filter((r) => r.key !== key) });
    },
    setNotice(notice) {
      emit({ notice });
    },
    hostLost(reason) {
      const runs = mapRuns((r) =>
        isOpen(r) ? { ...r, phase: 'stopped' as const, reason: 'stopped: engine crashed' } : r,
      );
      // The fresh engine has nothing loaded: Run is available again at once.
      emit({ runs, engine: { ...state.engine, state: 'idle' }, notice: hostLostNotice(reason) });
    },
    nodePhase: (node) => phases.get(node) ?? null,
  };
}
