import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { firstValueFrom, toArray } from 'rxjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CompileError, compileGraph } from '../../../src-shared/engine/compile-graph';
import { type GraphDocument, parseGraphText } from '../../../src-shared/graph';
import type { DoneEvent, RunEvent, StepEvent } from '../../../src-shared/protocol/events';
import { nextTurn, until } from '../../support/until';

const backend = { name: 'cpu', reason: 'test' };

function example(name: string): GraphDocument {
  const parsed = parseGraphText(readFileSync(`resources/examples/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.graph;
}

/** A one-run graph on an analytic surface: fast, exact, and easy to derive by hand. */
function surfaceGraph(
  opt: { type: string; params: Record<string, unknown> },
  train: Record<string, unknown>,
  fn = 'quadratic',
  start = [1, 1],
): GraphDocument {
  const parsed = parseGraphText(
    JSON.stringify({
      format: 'gradient-atlas/graph',
      version: 1,
      name: 'test',
      nodes: [
        { id: 'surface', type: 'model.surface', params: { fn, start }, position: { x: 0, y: 0 } },
        { id: 'opt', type: opt.type, params: opt.params, position: { x: 0, y: 0 } },
        { id: 'train', type: 'train', params: train, position: { x: 0, y: 0 } },
      ],
      edges: [
        {
          id: 'e1',
          from: { node: 'surface', port: 'model' },
          to: { node: 'train', port: 'model' },
        },
        {
          id: 'e2',
          from: { node: 'opt', port: 'optimizer' },
          to: { node: 'train', port: 'optimizer' },
        },
      ],
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.graph;
}

async function runAll(
  graph: GraphDocument,
  options: Partial<Parameters<typeof compileGraph>[1]> = {},
): Promise<RunEvent[]> {
  const compiled = compileGraph(graph, { backend, ...options });
  const events = firstValueFrom(compiled.controller.events$.pipe(toArray()));
  await compiled.controller.start();
  compiled.dispose();
  return events;
}

const steps = (events: RunEvent[], run?: string) =>
  events.filter((e): e is StepEvent => e.type === 'step' && (!run || e.run === run));
const done = (events: RunEvent[]) => events.filter((e): e is DoneEvent => e.type === 'done');

let baseline = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => {
  expect(tf.memory().numTensors).toBe(baseline);
});

describe('compileGraph on a surface', () => {
  it('runs gradient descent exactly: θ_k is the point before update k', async () => {
    baseline = tf.memory().numTensors;
    // f = 0.5(x² + 10y²): x_k = (1 − lr)^k, y_k = (1 − 10·lr)^k from (1, 1).
    const lr = 0.05;
    const events = await runAll(
      surfaceGraph({ type: 'optimizer.sgd', params: { lr } }, { maxSteps: 5, epochs: 100 }),
      {
        traceParams: true,
      },
    );
    const s = steps(events);
    expect(s.map((e) => e.step)).toEqual([0, 1, 2, 3, 4]);
    for (const e of s) {
      const x = (1 - lr) ** e.step;
      const y = (1 - 10 * lr) ** e.step;
      expect(e.params![0]).toBeCloseTo(x, 5);
      expect(e.params![1]).toBeCloseTo(y, 5);
      expect(e.loss).toBeCloseTo(0.5 * (x * x + 10 * y * y), 5);
      expect(e.gradNorm).toBeCloseTo(Math.hypot(x, 10 * y), 4);
      expect(e.lr).toBe(lr);
    }
    const [end] = done(events);
    expect(end).toMatchObject({ status: 'completed', steps: 5 });
    expect(end!.finalLoss).toBeCloseTo(0.5 * ((1 - lr) ** 10 + 10 * (1 - 10 * lr) ** 10), 5);
    expect(events[0]).toMatchObject({
      type: 'start',
      backend: 'cpu',
      parameters: 2,
      totalSteps: 5,
    });
  });

  it('ends a run that blows up as diverged at the step where the loss stops being finite', async () => {
    baseline = tf.memory().numTensors;
    // lr 0.5 on the 10y² direction: y_k = (1 − 5)^k = (−4)^k grows until float32 overflows.
    const events = await runAll(
      surfaceGraph({ type: 'optimizer.sgd', params: { lr: 0.5 } }, { maxSteps: 500, epochs: 1000 }),
    );
    const [end] = done(events);
    expect(end!.status).toBe('diverged');
    const last = steps(events).at(-1)!;
    // float32 overflows first in the gradient (20y), then in the loss (5y²)
    expect(last.loss === null || last.gradNorm === null).toBe(true);
    expect(end!.reason).toMatch(
      new RegExp(`^diverged at step ${last.step}: (loss is Infinity|the gradient is not finite)$`),
    );
    expect(
      steps(events)
        .slice(0, -1)
        .every((e) => e.loss !== null && e.gradNorm !== null),
    ).toBe(true);
    expect(last.step).toBeGreaterThan(20);
  });

  it('is reproducible: the same graph and seed give identical events', async () => {
    baseline = tf.memory().numTensors;
    const graph = example('quickstart');
    const strip = (events: RunEvent[]) =>
      events
        .map((e) => ('time' in e ? { ...e, time: 0 } : e))
        .filter((e) => e.type !== 'metric' || e.metric !== 'stepTime');
    const a = strip(await runAll(graph, { maxSteps: 15 }));
    const b = strip(await runAll(graph, { maxSteps: 15 }));
    expect(a).toEqual(b);
    const c = strip(await runAll(graph, { maxSteps: 15, seed: 99 }));
    expect(steps(c)[0]!.loss).not.toBe(steps(a)[0]!.loss);
  });

  it('starts every run of a race from the same initial weights', async () => {
    baseline = tf.memory().numTensors;
    const events = await runAll(example('rosenbrock-race'), { maxSteps: 3, traceParams: true });
    const firsts = steps(events).filter((e) => e.step === 0);
    expect(firsts.length).toBeGreaterThanOrEqual(5);
    for (const e of firsts) expect(e.params).toEqual([-1.5, 2]);
    // and the optimizers then go different ways
    const seconds = steps(events)
      .filter((e) => e.step === 1)
      .map((e) => JSON.stringify(e.params));
    expect(new Set(seconds).size).toBe(seconds.length);
  });
});

describe('RunController', () => {
  it('pauses, steps one update at a time, applies a live lr change at the next step, and resumes', async () => {
    baseline = tf.memory().numTensors;
    const compiled = compileGraph(
      surfaceGraph({ type: 'optimizer.sgd', params: { lr: 0.01 } }, { maxSteps: 20, epochs: 100 }),
      {
        backend,
        traceParams: true,
      },
    );
    const events: RunEvent[] = [];
    compiled.controller.events$.subscribe((e) => events.push(e));
    const finished = compiled.controller.startPaused();
    await nextTurn(); // the loop is waiting, paused: it took no step by itself
    expect(steps(events)).toHaveLength(0);
    void compiled.controller.step();
    await compiled.controller.step();
    expect(steps(events).map((e) => e.step)).toEqual([0, 1]);
    const [change] = compiled.controller.setParam('opt', 'lr', 0.02);
    expect(change).toMatchObject({
      type: 'param',
      run: 'train',
      node: 'opt',
      name: 'lr',
      value: 0.02,
      step: 2,
    });
    expect(() => compiled.controller.setParam('surface', 'fn', 'beale')).toThrow(/restart/);
    compiled.controller.resume();
    await finished;
    const s = steps(events);
    expect(s.map((e) => e.lr)).toEqual([0.01, 0.01, ...Array(18).fill(0.02)]);
    // x_3 = (1 − 0.01)² (1 − 0.02)
    expect(s[3]!.params![0]).toBeCloseTo(0.99 ** 2 * 0.98, 6);
    compiled.dispose();
  });

  it('an lr edit under a schedule rescales the schedule (torch base_lr), at the next step', async () => {
    baseline = tf.memory().numTensors;
    const graph = example('quickstart'); // Adam lr 0.01 under a cosine schedule
    const compiled = compileGraph(graph, { backend, maxSteps: 40 });
    const events: RunEvent[] = [];
    compiled.controller.events$.subscribe((e) => events.push(e));
    const finished = compiled.controller.startPaused();
    for (let i = 0; i < 4; i++) void compiled.controller.step();
    await compiled.controller.step();
    const opt = graph.nodes.find((n) => n.type === 'optimizer.adam')!;
    const before = steps(events).map((e) => e.lr);
    expect(before).toHaveLength(5);
    expect(() => compiled.controller.setParam(opt.id, 'lr', -1)).toThrow();
    compiled.controller.setParam(opt.id, 'lr', Number(opt.params.lr) * 2);
    compiled.controller.resume();
    await finished;
    compiled.dispose();
    // the refused edit changed nothing; the accepted one doubled the schedule's values
    const lrs = steps(events).map((e) => e.lr);
    expect(lrs.slice(0, 5)).toEqual(before);
    const reference = compileGraph(graph, { backend, maxSteps: 40 });
    const plain: number[] = [];
    reference.controller.events$.subscribe((e) => e.type === 'step' && plain.push(e.lr));
    await reference.controller.start();
    reference.dispose();
    for (let k = 5; k < 40; k++) expect(lrs[k]).toBeCloseTo(plain[k]! * 2, 10);
  });

  it('stop ends every run as stopped, keeping what it recorded', async () => {
    baseline = tf.memory().numTensors;
    const compiled = compileGraph(
      surfaceGraph(
        { type: 'optimizer.sgd', params: { lr: 0.001 } },
        { maxSteps: 100000, epochs: 100000 },
      ),
      { backend },
    );
    const events: RunEvent[] = [];
    compiled.controller.events$.subscribe((e) => events.push(e));
    const finished = compiled.controller.start();
    await until(
      'a first step',
      () => steps(events).length,
      (n) => n > 0,
    );
    compiled.controller.stop();
    await finished;
    const [end] = done(events);
    expect(end!.status).toBe('stopped');
    expect(end!.steps).toBe(steps(events).length);
    expect(end!.steps).toBeGreaterThan(0);
    compiled.dispose();
  });

  it('does not leak tensors across many steps of a real MLP run with metrics and a schedule', async () => {
    baseline = tf.memory().numTensors;
    const compiled = compileGraph(example('quickstart'), { backend, maxSteps: 200 });
    let at10 = -1;
    let at190 = -1;
    compiled.controller.events$.subscribe((e) => {
      if (e.type === 'step' && e.step === 10) at10 = tf.memory().numTensors;
      if (e.type === 'step' && e.step === 190) at190 = tf.memory().numTensors;
    });
    await compiled.controller.start();
    expect(at10).toBeGreaterThan(0);
    expect(at190).toBe(at10);
    compiled.dispose();
  });
});

describe('validation cadence', () => {
  it('evaluates every evalEvery epochs and after the last update', async () => {
    baseline = tf.memory().numTensors;
    const graph = example('quickstart');
    const train = graph.nodes.find((n) => n.type === 'train')!;
    const every2 = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n === train ? { ...n, params: { ...n.params, evalEvery: 2 } } : n,
      ),
    };
    const events = await runAll(every2, { maxSteps: 45 });
    const start = events.find((e) => e.type === 'start');
    const perEpoch = start?.type === 'start' ? start.stepsPerEpoch : 0;
    expect(perEpoch).toBeGreaterThan(1);
    const evals = events.filter((e) => e.type === 'eval').map((e) => e.type === 'eval' && e.step);
    const expected = [];
    for (let s = 2 * perEpoch; s < 45; s += 2 * perEpoch) expected.push(s);
    expect(evals).toEqual([...expected, 45]);
  });
});

describe('feedback and long runs', () => {
  it('feeds a metric back into schedule.plateau, which halves lr on plateaus, leaking nothing over 1000 steps', async () => {
    baseline = tf.memory().numTensors;
    const parsed = parseGraphText(
      JSON.stringify({
        format: 'gradient-atlas/graph',
        version: 1,
        name: 'plateau',
        nodes: [
          {
            id: 'surface',
            type: 'model.surface',
            params: { fn: 'quadratic', start: [1, 1] },
            position: { x: 0, y: 0 },
          },
          {
            id: 'plateau',
            type: 'schedule.plateau',
            params: { factor: 0.5, patience: 2, threshold: 0.5, cooldown: 0 },
            position: { x: 0, y: 0 },
          },
          {
            id: 'opt',
            type: 'optimizer.sgd',
            params: { lr: 0.01, momentum: 0.9 },
            position: { x: 0, y: 0 },
          },
          {
            id: 'train',
            type: 'train',
            params: { maxSteps: 1000, epochs: 1000 },
            position: { x: 0, y: 0 },
          },
          { id: 'loss', type: 'metric.loss', params: { every: 1 }, position: { x: 0, y: 0 } },
          {
            id: 'norm',
            type: 'metric.paramNorm',
            params: { every: 100 },
            position: { x: 0, y: 0 },
          },
          {
            id: 'curv',
            type: 'metric.hessianTop',
            params: { every: 250 },
            position: { x: 0, y: 0 },
          },
        ],
        edges: [
          {
            id: 'e1',
            from: { node: 'surface', port: 'model' },
            to: { node: 'train', port: 'model' },
          },
          {
            id: 'e2',
            from: { node: 'opt', port: 'optimizer' },
            to: { node: 'train', port: 'optimizer' },
          },
          { id: 'e3', from: { node: 'plateau', port: 'lr' }, to: { node: 'opt', port: 'lr' } },
          { id: 'e4', from: { node: 'train', port: 'run' }, to: { node: 'loss', port: 'run' } },
          {
            id: 'e5',
            from: { node: 'loss', port: 'series' },
            to: { node: 'plateau', port: 'metric' },
          },
          { id: 'e6', from: { node: 'train', port: 'run' }, to: { node: 'norm', port: 'run' } },
          { id: 'e7', from: { node: 'train', port: 'run' }, to: { node: 'curv', port: 'run' } },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const compiled = compileGraph(parsed.graph, { backend });
    const events: RunEvent[] = [];
    let at10 = -1;
    let at990 = -1;
    compiled.controller.events$.subscribe((e) => {
      events.push(e);
      if (e.type === 'step' && e.step === 10) at10 = tf.memory().numTensors;
      if (e.type === 'step' && e.step === 990) at990 = tf.memory().numTensors;
    });
    await compiled.controller.start();
    compiled.dispose();
    expect(at990).toBe(at10);
    const lrs = steps(events).map((e) => e.lr);
    expect(lrs[0]).toBe(0.01);
    const changes = lrs
      .slice(1)
      .map((lr, i) => lr / lrs[i]!)
      .filter((r) => r !== 1);
    expect(changes.length).toBeGreaterThan(0);
    for (const r of changes) expect(r).toBeCloseTo(0.5, 12);
    // the metric blocks report at their own pace; the quadratic's top Hessian eigenvalue is 10
    const metric = (name: string) => events.filter((e) => e.type === 'metric' && e.metric === name);
    expect(metric('paramNorm').map((e) => e.type === 'metric' && e.step)).toEqual([
      0, 100, 200, 300, 400, 500, 600, 700, 800, 900,
    ]);
    const curvature = metric('hessianTop');
    expect(curvature).toHaveLength(4);
    for (const e of curvature) expect(e.type === 'metric' && e.value).toBeCloseTo(10, 2);
  });
});

describe('compile errors', () => {
  it('refuses a run too large for memory before allocating it, naming the block and the size', async () => {
    baseline = tf.memory().numTensors;
    const graph = example('skip-connections');
    const mlp = graph.nodes.find((n) => n.type === 'model.mlp')!;
    const huge = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n === mlp ? { ...n, params: { ...n.params, hidden: Array(8).fill(4096) } } : n,
      ),
    };
    let refused: unknown = null;
    const profile = await tf.profile(() => {
      try {
        compileGraph(huge, { backend });
      } catch (error) {
        refused = error;
      }
    });
    expect(refused).toBeInstanceOf(CompileError);
    const [problem] = (refused as CompileError).problems;
    expect(problem!.message).toMatch(
      /^train '\w+' would need about \d+(\.\d)? GiB \(model '[\w-]+' has \d+ parameters\); the limit is 1\.5 GiB$/,
    );
    // Refused, not built: its ~470 MB of weights were never allocated, not even for a moment.
    expect(profile.peakBytes).toBeLessThan(64 * 2 ** 20);
  });

  it('refuses a graph with no train block, naming where', () => {
    baseline = tf.memory().numTensors;
    const graph = surfaceGraph({ type: 'optimizer.sgd', params: {} }, {});
    const noTrain = { ...graph, nodes: graph.nodes.filter((n) => n.type !== 'train'), edges: [] };
    expect(() => compileGraph(noTrain, { backend })).toThrow(CompileError);
  });

  it('reports a bad CSV path on the dataset block and leaks nothing', () => {
    baseline = tf.memory().numTensors;
    const graph = example('logistic-convex');
    const data = graph.nodes.find((n) => n.type.startsWith('dataset.'))!;
    const csv = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n === data
          ? {
              ...n,
              type: 'dataset.csv',
              params: {
                path: 'missing.csv',
                target: 'y',
                valSplit: 0.2,
                normalize: false,
                shuffle: true,
                seed: 0,
              },
            }
          : n,
      ),
    };
    try {
      compileGraph(csv, {
        backend,
        readText: () => {
          throw new Error('missing.csv: no such file');
        },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompileError);
      const [problem] = (error as CompileError).problems;
      expect(problem!.path).toBe(`nodes[${graph.nodes.indexOf(data)}]`);
      expect(problem!.message).toMatch(/missing\.csv/);
    }
  });
});

describe('backends', () => {
  it('cpu and wasm agree within float32 tolerance', async () => {
    baseline = tf.memory().numTensors;
    const graph = example('quickstart');
    const onCpu = steps(await runAll(graph, { maxSteps: 10 }));
    await tf.setBackend('wasm');
    const onWasm = steps(
      await runAll(graph, { maxSteps: 10, backend: { name: 'wasm', reason: 'test' } }),
    );
    await tf.setBackend('cpu');
    baseline = tf.memory().numTensors;
    expect(onWasm).toHaveLength(onCpu.length);
    for (let i = 0; i < onCpu.length; i++) expect(onWasm[i]!.loss!).toBeCloseTo(onCpu[i]!.loss!, 4);
  });
});
