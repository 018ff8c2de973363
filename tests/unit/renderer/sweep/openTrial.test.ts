/**
 * Opening a sweep trial: the trial's graph (its values applied, no sweep) loads into the
 * app's engine as a launch of its own and runs; its run is named after the trial; a trial the
 * median rule stopped is capped at the step it reached; edits of the document do not reach it.
 */
import { describe, expect, it } from 'vitest';
import { openTrial } from '../../../../src-renderer/sweep/openTrial';
import { parseGraphText } from '../../../../src-shared/graph';
import type { TrialSummary } from '../../../../src-shared/protocol/sweep';
import { recordedEngine } from '../engine/recordedEngine';

function setup() {
  const { client, runs, session, documents, commands, deliver } =
    recordedEngine('sweep-lr-momentum');
  return {
    runtime: { client, runs, session },
    documents,
    commands,
    deliver,
  };
}

const summary = (over: Partial<TrialSummary> = {}): TrialSummary => ({
  trial: 7,
  params: { 'sgd.lr': 0.05, 'sgd.momentum': 0.9 },
  run: 'train',
  status: 'completed',
  steps: 150,
  finalLoss: 0.1,
  bestLoss: 0.1,
  valLoss: null,
  valAccuracy: null,
  timeMs: 10,
  ...over,
});

const start = {
  type: 'start',
  run: 'train',
  backend: 'cpu',
  backendReason: 'test',
  optimizer: 'sgd',
  model: 'surface',
  dataset: null,
  parameters: 2,
  totalSteps: 150,
  stepsPerEpoch: 1,
  seed: 0,
};

describe('opening a sweep trial', () => {
  it("loads the trial's graph as a launch, runs it, and names its run after the trial", () => {
    const t = setup();
    const graph = t.documents.getSnapshot().graph;
    const launch = openTrial(t.runtime, graph, summary());
    expect(launch).toBe(1);
    const [load] = t.commands();
    expect(load!.type).toBe('load');
    expect(load!.maxSteps).toBeUndefined();
    const loaded = parseGraphText(load!.graph as string);
    if (!loaded.ok) throw new Error('the trial graph does not parse');
    expect(loaded.graph.sweep).toBeUndefined();
    const sgd = loaded.graph.nodes.find((n) => n.id === 'sgd')!;
    expect(sgd.params.lr).toBe(0.05);
    expect(sgd.params.momentum).toBe(0.9);
    t.deliver({ type: 'state', launch: 1, state: 'loaded' });
    expect(t.commands().map((m) => m.type)).toEqual(['load', 'start']);
    t.deliver({ type: 'state', launch: 1, state: 'running' });
    t.deliver({ type: 'events', launch: 1, events: [start] });
    const run = t.runtime.runs.getSnapshot().runs.find((r) => r.key === '1/train');
    expect(run?.name).toBe('trial 7');

    // Editing the document while the trial runs sends nothing to it.
    t.documents.execute({ type: 'setParam', node: 'sgd', param: 'lr', value: 0.3 });
    expect(t.commands().map((m) => m.type)).toEqual(['load', 'start']);
    t.runtime.session.dispose();
  });

  it('a trial the median rule stopped runs to the step it reached', () => {
    const t = setup();
    openTrial(
      t.runtime,
      t.documents.getSnapshot().graph,
      summary({ status: 'stopped', steps: 40 }),
    );
    expect(t.commands()[0]!.maxSteps).toBe(40);
    t.runtime.session.dispose();
  });

  it('a trial replaced before it started leaves the next launch alone', () => {
    const t = setup();
    const graph = t.documents.getSnapshot().graph;
    openTrial(t.runtime, graph, summary({ trial: 1 }));
    openTrial(t.runtime, graph, summary({ trial: 2 }));
    t.deliver({ type: 'state', launch: 2, state: 'running' });
    t.deliver({ type: 'events', launch: 2, events: [start] });
    const names = t.runtime.runs.getSnapshot().runs.map((r) => r.name);
    expect(names).toEqual(['trial 2']);
    t.runtime.session.dispose();
  });
});
