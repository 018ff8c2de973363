/**
 * The runs of this session, outside React (components read it with useSyncExternalStore):
 * one record per run of every launch, with its series per metric, status, backend and live
 * param changes. Runs stay listed after they finish so the next run compares against them;
 * they can be renamed, hidden or removed. Series arrays grow in place (charts read them on
 * each new snapshot); everything else is replaced when it changes.
 */
import type { GraphDocument } from '../../src-shared/graph';
import type { BoundaryMessage, EngineMessage, EngineState } from '../../src-shared/protocol/engine';
import type { MetricName, RunEvent, Spectrum, StartEvent } from '../../src-shared/protocol/events';
import { keyHyperParams, planLaunch, type RunPlan } from './launchPlan';
import { nextRunColor } from './runColors';

export type RunPhase = 'loaded' | 'running' | 'paused' | 'completed' | 'diverged' | 'stopped';

/** Points of one metric of one run; x by step, epoch (fractional) or wall time (s). */
export interface Series {
  readonly step: number[];
  readonly epoch: number[];
  readonly time: number[];
  readonly value: (number | null)[];
}

/** One `hessianDensity` measurement: the spectrum at θ_step. */
export interface SpectrumPoint {
  readonly step: number;
  readonly spectrum: Spectrum;
}

export interface ParamMark {
  readonly step: number;
  readonly epoch: number;
  readonly time: number;
  readonly node: string;
  readonly name: string;
  readonly value: unknown;
}

export interface RunRecord {
  readonly key: string;
  readonly launch: number;
  /** Launches of one document share a group; running another document starts a new one. */
  readonly group: number;
  readonly runId: string;
  readonly name: string;
  readonly color: string;
  readonly visible: boolean;
  readonly phase: RunPhase;
  /** `diverged at step 17: loss is NaN`, `stopped at step 40`, … */
  readonly reason: string | null;
  readonly divergedAt: number | null;
  readonly backend: string;
  readonly optimizer: string;
  readonly model: string;
  readonly dataset: string | null;
  readonly hyper: Readonly<Record<string, unknown>>;
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  /** Updates done. */
  readonly step: number;
  readonly epoch: number;
  /** Run wall time, s. */
  readonly time: number;
  readonly stepsPerSecond: number;
  readonly finalLoss: number | null;
  readonly last: Readonly<Partial<Record<MetricName, number | null>>>;
  readonly series: Readonly<Partial<Record<MetricName, Series>>>;
  /** Spectral densities by step (grows in place, like series). */
  readonly spectra?: readonly SpectrumPoint[];
  readonly marks: readonly ParamMark[];
  readonly nodes: readonly string[];
}

export interface EngineInfo {
  readonly backend: string | null;
  readonly reason: string;
  readonly host: string | null;
  readonly state: EngineState;
  readonly launch: number;
}

export interface EngineNotice {
  readonly kind: 'error' | 'restart';
  readonly title: string;
  readonly lines: readonly string[];
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

/** Metrics that step events carry for every step; metric blocks add the rest. */
const FROM_STEPS: readonly MetricName[] = ['loss', 'lr', 'gradNorm'];
const FROM_EVALS: readonly MetricName[] = ['valLoss', 'valAccuracy'];

function emptySeries(): Series {
  return { step: [], epoch: [], time: [], value: [] };
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

/** A block of one run shows that run's phase, worst news first. */
const OWN_RANK: Record<RunPhase, number> = {
  diverged: 5,
  running: 4,
  paused: 3,
  loaded: 2,
  stopped: 1,
  completed: 0,
};
/** A block shared by several runs (a race's model) shows whether any still runs. */
const SHARED_RANK: Record<RunPhase, number> = {
  running: 5,
  paused: 4,
  loaded: 3,
  completed: 2,
  stopped: 1,
  diverged: 0,
};

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
  const listeners = new Set<() => void>();
  const plans = new Map<
    number,
    { graph: GraphDocument; runs: Map<string, RunPlan>; group: number }
  >();
  /** Recent (wall ms, step) per run for steps/s. */
  const rate = new Map<string, { t: number; step: number }[]>();
  /** Colours taken by runs created in the batch being applied (not in state.runs yet). */
  let taking: string[] = [];
  let nodePhases = new Map<string, RunPhase>();

  const emit = (next: Partial<RunStoreState>) => {
    state = { ...state, ...next, version: state.version + 1 };
    if (next.runs || next.engine) nodePhases = computeNodePhases();
    for (const listener of [...listeners]) listener();
  };

  const computeNodePhases = () => {
    const out = new Map<string, RunPhase>();
    const current = state.runs.filter((r) => r.launch === state.engine.launch);
    const users = new Map<string, number>();
    for (const run of current) {
      for (const node of run.nodes) users.set(node, (users.get(node) ?? 0) + 1);
    }
    for (const run of current) {
      for (const node of run.nodes) {
        const rank = users.get(node)! > 1 ? SHARED_RANK : OWN_RANK;
        const prior = out.get(node);
        if (!prior || rank[run.phase] > rank[prior]) out.set(node, run.phase);
      }
    }
    return out;
  };

  const recordFor = (launch: number, e: StartEvent, engine: EngineInfo): RunRecord => {
    const plan = plans.get(launch)?.runs.get(e.run);
    const key = `${launch}/${e.run}`;
    return {
      key,
      launch,
      group: plans.get(launch)?.group ?? state.group,
      runId: e.run,
      name: `${e.run} #${launch}`,
      color: nextRunColor([...state.runs.filter((r) => r.visible).map((r) => r.color), ...taking]),
      visible: true,
      // The engine's state as of this message (the store's catches up at the end of the batch).
      phase: engine.launch === launch && engine.state === 'paused' ? 'paused' : 'running',
      reason: null,
      divergedAt: null,
      backend: e.backend,
      optimizer: e.optimizer,
      model: e.model,
      dataset: e.dataset,
      hyper: keyHyperParams(plan?.optimizer ?? null),
      totalSteps: e.totalSteps,
      stepsPerEpoch: e.stepsPerEpoch,
      step: 0,
      epoch: 0,
      time: 0,
      stepsPerSecond: 0,
      finalLoss: null,
      last: {},
      series: {},
      spectra: [],
      marks: [],
      nodes: plan?.nodes ?? [e.run],
    };
  };

  /** Applies one launch's events to mutable copies of its records. */
  const applyEvents = (
    launch: number,
    events: readonly RunEvent[],
    runs: Map<string, RunRecord>,
    engine: EngineInfo,
  ) => {
    const mutable = new Map<string, { -readonly [K in keyof RunRecord]: RunRecord[K] }>();
    const get = (run: string) => {
      const key = `${launch}/${run}`;
      let record = mutable.get(key);
      if (!record) {
        const current = runs.get(key);
        if (!current) return undefined;
        record = { ...current, last: { ...current.last }, series: { ...current.series } };
        mutable.set(key, record);
      }
      return record;
    };
    const push = (
      r: NonNullable<ReturnType<typeof get>>,
      metric: MetricName,
      step: number,
      value: number | null,
    ) => {
      const s = (r.series as Partial<Record<MetricName, Series>>)[metric] ?? emptySeries();
      (r.series as Partial<Record<MetricName, Series>>)[metric] = s;
      s.step.push(step);
      s.epoch.push(step / r.stepsPerEpoch);
      s.time.push(r.time);
      s.value.push(value);
      (r.last as Partial<Record<MetricName, number | null>>)[metric] = value;
    };
    for (const e of events) {
      if (e.type === 'start') {
        const key = `${launch}/${e.run}`;
        if (!runs.has(key)) {
          const record = recordFor(launch, e, engine);
          taking.push(record.color);
          runs.set(key, record);
        }
        continue;
      }
      const r = get(e.run);
      if (!r) continue;
      switch (e.type) {
        case 'step':
          r.time = e.time / 1000;
          r.step = e.step + 1;
          r.epoch = e.epoch;
          for (const m of FROM_STEPS)
            push(r, m, e.step, m === 'loss' ? e.loss : m === 'lr' ? e.lr : e.gradNorm);
          break;
        case 'eval':
          push(r, 'valLoss', e.step, e.valLoss);
          if (e.valAccuracy !== undefined) push(r, 'valAccuracy', e.step, e.valAccuracy);
          break;
        case 'metric':
          if (!FROM_STEPS.includes(e.metric) && !FROM_EVALS.includes(e.metric)) {
            push(r, e.metric, e.step, e.value);
          }
          if (e.spectrum) {
            r.spectra ??= [];
            (r.spectra as SpectrumPoint[]).push({ step: e.step, spectrum: e.spectrum });
          }
          break;
        case 'param':
          r.marks = [
            ...r.marks,
            {
              step: e.step,
              epoch: e.step / r.stepsPerEpoch,
              time: r.time,
              node: e.node,
              name: e.name,
              value: e.value,
            },
          ];
          if (e.name in r.hyper) r.hyper = { ...r.hyper, [e.name]: e.value };
          break;
        case 'done':
          r.phase = e.status;
          r.step = e.steps;
          r.finalLoss = e.finalLoss;
          r.reason = e.reason ?? (e.status === 'stopped' ? `stopped at step ${e.steps}` : null);
          r.divergedAt = e.status === 'diverged' ? e.steps : null;
          r.stepsPerSecond = 0;
          break;
      }
    }
    const t = now();
    for (const [key, r] of mutable) {
      if (r.phase === 'running' || r.phase === 'paused') {
        const history = rate.get(key) ?? [];
        history.push({ t, step: r.step });
        while (history.length > 2 && t - history[0]!.t > 2000) history.shift();
        rate.set(key, history);
        const first = history[0]!;
        r.stepsPerSecond =
          t - first.t > 200 ? ((r.step - first.step) * 1000) / (t - first.t) : r.stepsPerSecond;
      }
      runs.set(key, r);
    }
  };

  const setPhase = (runs: Map<string, RunRecord>, launch: number, engine: EngineState) => {
    const phase: RunPhase | null =
      engine === 'running' ? 'running' : engine === 'paused' ? 'paused' : null;
    for (const [key, r] of runs) {
      if (r.launch !== launch) continue;
      if (phase && (r.phase === 'running' || r.phase === 'paused' || r.phase === 'loaded')) {
        runs.set(key, { ...r, phase, stepsPerSecond: phase === 'paused' ? 0 : r.stepsPerSecond });
      }
    }
  };

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    beginLaunch(launch, graph, hideEarlier = false) {
      const group = hideEarlier && state.runs.length > 0 ? state.group + 1 : state.group;
      plans.set(launch, { graph, runs: planLaunch(graph), group });
      const runs = state.runs.map((r) => {
        // Older launches that never reported an end are over now.
        const open = r.phase === 'running' || r.phase === 'paused' || r.phase === 'loaded';
        const ended = open
          ? { ...r, phase: 'stopped' as const, reason: r.reason ?? `stopped at step ${r.step}` }
          : r;
        return hideEarlier && ended.visible ? { ...ended, visible: false } : ended;
      });
      emit({ runs, notice: null, boundary: null, graph, group });
    },
    apply(messages) {
      if (messages.length === 0) return;
      const runs = new Map(state.runs.map((r) => [r.key, r]));
      let engine = state.engine;
      let notice = state.notice;
      let boundary = state.boundary;
      taking = [];
      for (const m of messages) {
        switch (m.type) {
          case 'ready':
            engine = { ...engine, backend: m.backend, reason: m.reason, host: m.host };
            break;
          case 'state':
            engine = { ...engine, state: m.state, launch: Math.max(engine.launch, m.launch) };
            setPhase(runs, m.launch, m.state);
            break;
          case 'events':
            applyEvents(m.launch, m.events, runs, engine);
            break;
          case 'error':
            if (m.command === 'engine' || m.command === 'startup') {
              // The host itself failed (worker script missing, no backend): say so where the
              // backend is shown instead of "starting…" forever.
              engine = { ...engine, backend: 'unavailable', reason: m.problems[0]?.message ?? '' };
            }
            notice = {
              kind: 'error',
              title: m.command === 'load' ? 'The graph cannot run' : `Engine: ${m.command} failed`,
              lines: m.problems
                .slice(0, 6)
                .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
            };
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
      emit({ runs: state.runs.map((r) => (r.key === key ? { ...r, name: trimmed } : r)) });
    },
    setVisible(key, visible) {
      emit({ runs: state.runs.map((r) => (r.key === key ? { ...r, visible } : r)) });
    },
    remove(key) {
      rate.delete(key);
      emit({ runs: state.runs.filter((r) => r.key !== key) });
    },
    setNotice(notice) {
      emit({ notice });
    },
    hostLost(reason) {
      const runs = state.runs.map((r) =>
        r.phase === 'running' || r.phase === 'paused' || r.phase === 'loaded'
          ? { ...r, phase: 'stopped' as const, reason: 'stopped: engine crashed' }
          : r,
      );
      emit({
        runs,
        // The fresh engine has nothing loaded: Run is available again at once.
        engine: { ...state.engine, state: 'idle' },
        notice: {
          kind: 'error',
          title: 'The compute engine crashed',
          lines: [`reason: ${reason}`, 'A fresh engine has been started; run the graph again.'],
        },
      });
    },
    nodePhase: (node) => nodePhases.get(node) ?? null,
  };
}
