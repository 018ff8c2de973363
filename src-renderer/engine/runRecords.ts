/**
 * Run records: one per run of every launch, with its series per metric, status, backend and
 * live param changes, and how a batch of run events changes them. Series arrays grow in place
 * (charts read them on each new snapshot); everything else is replaced when it changes.
 */
import type { EngineState } from '../../src-shared/protocol/engine';
import type { MetricName, RunEvent, Spectrum, StartEvent } from '../../src-shared/protocol/events';
import { keyHyperParams, type RunPlan } from './launchPlan';

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

/** Metrics that step events carry for every step; metric blocks add the rest. */
const FROM_STEPS: readonly MetricName[] = ['loss', 'lr', 'gradNorm'];
const FROM_EVALS: readonly MetricName[] = ['valLoss', 'valAccuracy'];

function emptySeries(): Series {
  return { step: [], epoch: [], time: [], value: [] };
}

export const runKey = (launch: number, run: string): string => `${launch}/${run}`;

/** Whether a run may still report (it has not ended). */
export const isOpen = (r: RunRecord): boolean =>
  r.phase === 'running' || r.phase === 'paused' || r.phase === 'loaded';

/** What a new run's record needs beyond its start event. */
export interface NewRun {
  readonly launch: number;
  readonly group: number;
  readonly plan: RunPlan | undefined;
  readonly color: string;
  /** The engine is paused in this launch as of the start event. */
  readonly paused: boolean;
}

export function newRunRecord(e: StartEvent, run: NewRun): RunRecord {
  return {
    key: runKey(run.launch, e.run),
    launch: run.launch,
    group: run.group,
    runId: e.run,
    name: `${e.run} #${run.launch}`,
    color: run.color,
    visible: true,
    phase: run.paused ? 'paused' : 'running',
    reason: null,
    divergedAt: null,
    backend: e.backend,
    optimizer: e.optimizer,
    model: e.model,
    dataset: e.dataset,
    hyper: keyHyperParams(run.plan?.optimizer ?? null),
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
    nodes: run.plan?.nodes ?? [e.run],
  };
}

type MutableRecord = { -readonly [K in keyof RunRecord]: RunRecord[K] };

function push(r: MutableRecord, metric: MetricName, step: number, value: number | null): void {
  const series = r.series as Partial<Record<MetricName, Series>>;
  const s = series[metric] ?? emptySeries();
  series[metric] = s;
  s.step.push(step);
  s.epoch.push(step / r.stepsPerEpoch);
  s.time.push(r.time);
  s.value.push(value);
  (r.last as Partial<Record<MetricName, number | null>>)[metric] = value;
}

function applyEvent(r: MutableRecord, e: Exclude<RunEvent, { type: 'start' }>): void {
  switch (e.type) {
    case 'step':
      r.time = e.time / 1000;
      r.step = e.step + 1;
      r.epoch = e.epoch;
      push(r, 'loss', e.step, e.loss);
      push(r, 'lr', e.step, e.lr);
      push(r, 'gradNorm', e.step, e.gradNorm);
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

/**
 * Applies one launch's events to `runs` (by key): a start event adds a record made by
 * `create`; the others change copies of the records they name. Returns the changed records.
 */
export function applyRunEvents(
  launch: number,
  events: readonly RunEvent[],
  runs: Map<string, RunRecord>,
  create: (e: StartEvent) => RunRecord,
): RunRecord[] {
  const changed = new Map<string, MutableRecord>();
  for (const e of events) {
    const key = runKey(launch, e.run);
    if (e.type === 'start') {
      if (!runs.has(key)) runs.set(key, create(e));
      continue;
    }
    let r = changed.get(key);
    if (!r) {
      const current = runs.get(key);
      if (!current) continue;
      r = { ...current, last: { ...current.last }, series: { ...current.series } };
      changed.set(key, r);
    }
    applyEvent(r, e);
  }
  for (const [key, r] of changed) runs.set(key, r);
  return [...changed.values()];
}

/** The engine's state for a launch, as its open runs show it. */
export function setLaunchPhase(
  runs: Map<string, RunRecord>,
  launch: number,
  engine: EngineState,
): void {
  const phase: RunPhase | null =
    engine === 'running' ? 'running' : engine === 'paused' ? 'paused' : null;
  if (!phase) return;
  for (const [key, r] of runs) {
    if (r.launch !== launch || !isOpen(r)) continue;
    runs.set(key, { ...r, phase, stepsPerSecond: phase === 'paused' ? 0 : r.stepsPerSecond });
  }
}
