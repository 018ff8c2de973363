/** The run store turns engine messages into run records the dashboard and canvas read. */
import { describe, expect, it } from 'vitest';
import { RUN_COLORS } from '../../../../src-renderer/engine/runColors';
import { createRunStore } from '../../../../src-renderer/engine/runStore';
import type { GraphDocument } from '../../../../src-shared/graph';
import type { RunEvent } from '../../../../src-shared/protocol/events';

const graph = {
  format: 'gradient-atlas/graph',
  version: 1,
  name: 'g',
  nodes: [
    { id: 'bowl', type: 'model.surface', params: {}, position: { x: 0, y: 0 } },
    {
      id: 'adam',
      type: 'optimizer.adam',
      params: { lr: 0.001, beta1: 0.9, beta2: 0.999 },
      position: { x: 0, y: 0 },
    },
    { id: 'train', type: 'train', params: {}, position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: { node: 'bowl', port: 'model' }, to: { node: 'train', port: 'model' } },
    {
      id: 'e2',
      from: { node: 'adam', port: 'optimizer' },
      to: { node: 'train', port: 'optimizer' },
    },
  ],
} as unknown as GraphDocument;

const start: RunEvent = {
  type: 'start',
  run: 'train',
  backend: 'wasm',
  backendReason: 'x',
  optimizer: 'optimizer.adam',
  model: 'model.surface',
  dataset: null,
  parameters: 2,
  totalSteps: 100,
  stepsPerEpoch: 4,
  seed: 1,
};
const step = (k: number, loss: number | null): RunEvent => ({
  type: 'step',
  run: 'train',
  step: k,
  epoch: Math.floor(k / 4),
  loss,
  lr: 0.001,
  gradNorm: 1,
  time: 10 * k,
});

describe('createRunStore', () => {
  it('records series, param marks and divergence, and keeps runs across launches', () => {
    let t = 0;
    const store = createRunStore(() => t);
    store.beginLaunch(1, graph);
    store.apply([
      { type: 'state', launch: 1, state: 'running' },
      { type: 'events', launch: 1, events: [start, step(0, 5), step(1, 4)] },
    ]);
    t = 1000;
    store.apply([
      {
        type: 'events',
        launch: 1,
        events: [
          { type: 'param', run: 'train', node: 'adam', name: 'lr', value: 0.01, step: 2 },
          step(2, 3),
          step(3, null),
          {
            type: 'done',
            run: 'train',
            status: 'diverged',
            steps: 3,
            finalLoss: null,
            reason: 'diverged at step 3: loss is NaN',
          },
        ],
      },
      { type: 'state', launch: 1, state: 'finished' },
    ]);
    const [run] = store.getSnapshot().runs;
    expect(run).toMatchObject({
      key: '1/train',
      name: 'train #1',
      phase: 'diverged',
      divergedAt: 3,
      backend: 'wasm',
      hyper: { lr: 0.01, beta1: 0.9, beta2: 0.999 },
    });
    expect(run!.series.loss).toEqual({
      step: [0, 1, 2, 3],
      epoch: [0, 0.25, 0.5, 0.75],
      time: [0, 0.01, 0.02, 0.03],
      value: [5, 4, 3, null],
    });
    expect(run!.marks).toEqual([
      { step: 2, epoch: 0.5, time: 0.01, node: 'adam', name: 'lr', value: 0.01 },
    ]);
    expect(store.nodePhase('adam')).toBe('diverged');
    expect(store.nodePhase('bowl')).toBe('diverged');

    store.beginLaunch(2, graph);
    store.apply([
      { type: 'state', launch: 2, state: 'running' },
      { type: 'events', launch: 2, events: [start, step(0, 5)] },
    ]);
    const runs = store.getSnapshot().runs;
    expect(runs.map((r) => [r.key, r.phase])).toEqual([
      ['1/train', 'diverged'],
      ['2/train', 'running'],
    ]);
    expect(runs[0]!.color).not.toBe(runs[1]!.color);
    expect(store.nodePhase('adam')).toBe('running');

    store.rename('1/train', '  too big  ');
    store.setVisible('1/train', false);
    expect(store.getSnapshot().runs[0]).toMatchObject({ name: 'too big', visible: false });
    store.remove('1/train');
    expect(store.getSnapshot().runs.map((r) => r.key)).toEqual(['2/train']);
  });

  it('measures steps per second over the last two seconds', () => {
    let t = 0;
    const store = createRunStore(() => t);
    store.beginLaunch(1, graph);
    store.apply([{ type: 'events', launch: 1, events: [start, step(0, 1)] }]);
    t = 500;
    store.apply([
      {
        type: 'events',
        launch: 1,
        events: [step(1, 1), step(2, 1), step(3, 1), step(4, 1), step(5, 1)],
      },
    ]);
    // 5 more updates in 0.5 s.
    expect(store.getSnapshot().runs[0]!.stepsPerSecond).toBeCloseTo(10, 9);
  });

  it('turns an engine error into a notice naming where', () => {
    const store = createRunStore();
    store.apply([
      {
        type: 'error',
        command: 'load',
        problems: [{ path: 'nodes[2].params.lr', message: 'must be > 0' }],
      },
    ]);
    expect(store.getSnapshot().notice).toEqual({
      kind: 'error',
      title: 'The graph cannot run',
      lines: ['nodes[2].params.lr: must be > 0'],
    });
  });
});

describe('createRunStore run phase', () => {
  it('starts a run paused when the engine paused it in the same batch (Step from idle)', () => {
    const store = createRunStore();
    store.beginLaunch(5, graph);
    store.apply([
      { type: 'state', launch: 5, state: 'loaded' },
      { type: 'state', launch: 5, state: 'paused' },
      { type: 'events', launch: 5, events: [start, step(0, 5)] },
    ]);
    expect(store.getSnapshot().runs[0]!.phase).toBe('paused');
    store.apply([{ type: 'state', launch: 5, state: 'running' }]);
    expect(store.getSnapshot().runs[0]!.phase).toBe('running');
  });
});

describe('runs of another graph', () => {
  const startOf = (run: string): RunEvent => ({ ...start, run });

  it('hides earlier runs (kept, in an older group) and reuses their colours', () => {
    const store = createRunStore(() => 0);
    store.beginLaunch(1, graph, true);
    store.apply([{ type: 'events', launch: 1, events: [startOf('a'), startOf('b')] }]);
    const first = store.getSnapshot().runs;
    expect(first.map((r) => r.color)).toEqual([RUN_COLORS[0], RUN_COLORS[1]]);
    // The same graph again: earlier runs stay visible, the new one gets a free colour.
    store.beginLaunch(2, graph, false);
    store.apply([{ type: 'events', launch: 2, events: [startOf('a')] }]);
    expect(store.getSnapshot().runs.map((r) => [r.key, r.visible, r.group, r.color])).toEqual([
      ['1/a', true, 0, RUN_COLORS[0]],
      ['1/b', true, 0, RUN_COLORS[1]],
      ['2/a', true, 0, RUN_COLORS[2]],
    ]);
    // Another graph: the earlier three are hidden, not removed, and in an older group.
    store.beginLaunch(3, graph, true);
    store.apply([{ type: 'events', launch: 3, events: [startOf('a')] }]);
    const snapshot = store.getSnapshot();
    expect(snapshot.group).toBe(1);
    expect(snapshot.graph).toBe(graph);
    expect(snapshot.runs.map((r) => [r.key, r.visible, r.group, r.color])).toEqual([
      ['1/a', false, 0, RUN_COLORS[0]],
      ['1/b', false, 0, RUN_COLORS[1]],
      ['2/a', false, 0, RUN_COLORS[2]],
      ['3/a', true, 1, RUN_COLORS[0]],
    ]);
  });
});
