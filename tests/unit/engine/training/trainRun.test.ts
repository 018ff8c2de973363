/**
 * Edge cases of a run's life found in review: the last update diverging, metrics at θ_k,
 * one live edit across several runs, batch-size edits, stop before start, a failing
 * optimizer step, and ReduceLROnPlateau fed the value measured in the same step.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../../../src-shared/engine/compile-graph';
import { type GraphDocument, parseGraphText } from '../../../../src-shared/graph';
import type { RunEvent } from '../../../../src-shared/protocol/events';

const backend = { name: 'cpu', reason: 'test' };
type NodeSpec = { id: string; type: string; params?: Record<string, unknown> };

function graph(nodes: NodeSpec[], edges: [string, string, string, string][]): GraphDocument {
  const parsed = parseGraphText(
    JSON.stringify({
      format: 'gradient-atlas/graph',
      version: 1,
      name: 'test',
      nodes: nodes.map((n) => ({ params: {}, position: { x: 0, y: 0 }, ...n })),
      edges: edges.map(([from, fromPort, to, toPort], i) => ({
        id: `e${i}`,
        from: { node: from, port: fromPort },
        to: { node: to, port: toPort },
      })),
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.graph;
}

const bowl = (
  optimizer: NodeSpec,
  train: Record<string, unknown>,
  extra: NodeSpec[] = [],
  extraEdges: [string, string, string, string][] = [],
) =>
  graph(
    [
      { id: 'surface', type: 'model.surface', params: { fn: 'quadratic', start: [1, 1] } },
      optimizer,
      { id: 'train', type: 'train', params: train },
      ...extra,
    ],
    [
      ['surface', 'model', 'train', 'model'],
      [optimizer.id, 'optimizer', 'train', 'optimizer'],
      ...extraEdges,
    ],
  );

async function run(g: GraphDocument) {
  const compiled = compileGraph(g, { backend });
  const events: RunEvent[] = [];
  compiled.controller.events$.subscribe((e) => events.push(e));
  await compiled.controller.start();
  compiled.dispose();
  return events;
}

let baseline = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => {
  expect(tf.memory().numTensors).toBe(baseline);
});

describe('TrainRun edge cases', () => {
  it('reports a run whose very last update blows up as diverged, not completed', async () => {
    baseline = tf.memory().numTensors;
    // Rosenbrock from (100, 100) with lr 1000: ∂f/∂x ≈ 3.96e8 is finite, but the one update
    // lands at x ≈ −4e11 where 100(y − x²)² overflows float32.
    const g = graph(
      [
        { id: 'surface', type: 'model.surface', params: { fn: 'rosenbrock', start: [100, 100] } },
        { id: 'opt', type: 'optimizer.sgd', params: { lr: 1000 } },
        { id: 'train', type: 'train', params: { maxSteps: 1, epochs: 10 } },
      ],
      [
        ['surface', 'model', 'train', 'model'],
        ['opt', 'optimizer', 'train', 'optimizer'],
      ],
    );
    const events = await run(g);
    expect(events.find((e) => e.type === 'step')).toMatchObject({ step: 0 });
    const done = events.find((e) => e.type === 'done');
    expect(done).toMatchObject({
      status: 'diverged',
      steps: 1,
      reason: 'diverged at step 1: the final loss is not finite',
    });
  });

  it('measures step k’s metrics at θ_k, before update k', async () => {
    baseline = tf.memory().numTensors;
    const events = await run(
      bowl(
        { id: 'opt', type: 'optimizer.sgd', params: { lr: 0.05 } },
        { maxSteps: 3, epochs: 10 },
        [{ id: 'norm', type: 'metric.paramNorm' }],
        [['train', 'run', 'norm', 'run']],
      ),
    );
    const norms = events.flatMap((e) => (e.type === 'metric' ? [e.value] : []));
    // θ_k = ((0.95)^k, (0.5)^k)
    expect(norms[0]).toBeCloseTo(Math.SQRT2, 6);
    expect(norms[1]).toBeCloseTo(Math.hypot(0.95, 0.5), 6);
  });

  it('stop before start does nothing, and the runs then start normally', async () => {
    baseline = tf.memory().numTensors;
    const compiled = compileGraph(
      bowl({ id: 'opt', type: 'optimizer.sgd' }, { maxSteps: 4, epochs: 10 }),
      { backend },
    );
    const events: RunEvent[] = [];
    compiled.controller.events$.subscribe((e) => events.push(e));
    compiled.controller.stop();
    await compiled.controller.start();
    compiled.dispose();
    expect(events.find((e) => e.type === 'done')).toMatchObject({ status: 'completed', steps: 4 });
  });

  it('a failing optimizer step rejects start() and leaks no gradients', async () => {
    baseline = tf.memory().numTensors;
    // Newton on the monkey saddle x³ − 3xy² at the origin: the Hessian is 0, singular.
    const g = graph(
      [
        { id: 'surface', type: 'model.surface', params: { fn: 'monkeySaddle', start: [0, 0] } },
        { id: 'opt', type: 'optimizer.newton', params: { damping: 0 } },
        { id: 'train', type: 'train', params: { maxSteps: 3, epochs: 10 } },
      ],
      [
        ['surface', 'model', 'train', 'model'],
        ['opt', 'optimizer', 'train', 'optimizer'],
      ],
    );
    const compiled = compileGraph(g, { backend });
    let heard: unknown = null;
    compiled.controller.events$.subscribe({ error: (e) => (heard = e) });
    await expect(compiled.controller.start()).rejects.toThrow(/singular/i);
    expect(heard).not.toBeNull();
    compiled.dispose();
  });
});

describe('live edits', () => {
  it('an edit shared by two runs applies to both or, refused by one, to neither', async () => {
    baseline = tf.memory().numTensors;
    const g = graph(
      [
        { id: 'surface', type: 'model.surface', params: { fn: 'quadratic', start: [1, 1] } },
        { id: 'cycle', type: 'schedule.onecycle', params: { maxLr: 0.1, totalSteps: 100 } },
        { id: 'opt', type: 'optimizer.sgd', params: { lr: 0.01, momentum: 0.9 } },
        { id: 'a', type: 'train', params: { maxSteps: 50, epochs: 100 } },
        { id: 'b', type: 'train', params: { maxSteps: 50, epochs: 100 } },
      ],
      [
        ['surface', 'model', 'a', 'model'],
        ['surface', 'model', 'b', 'model'],
        ['cycle', 'lr', 'opt', 'lr'],
        ['opt', 'optimizer', 'a', 'optimizer'],
        ['opt', 'optimizer', 'b', 'optimizer'],
      ],
    );
    const compiled = compileGraph(g, { backend });
    const events: RunEvent[] = [];
    compiled.controller.events$.subscribe((e) => events.push(e));
    const finished = compiled.controller.startPaused();
    for (let i = 0; i < 9; i++) void compiled.controller.step();
    await compiled.controller.step(); // the tenth: steps are taken in order
    // 3 steps in all is fewer than the 10 already taken: OneCycle refuses; nothing changes
    expect(() => compiled.controller.setParam('cycle', 'totalSteps', 3)).toThrow();
    expect(events.filter((e) => e.type === 'param')).toEqual([]);
    expect(() => compiled.controller.setParam('cycle', 'interval', 'epoch')).toThrow(/restart/);
    compiled.controller.setParam('cycle', 'maxLr', 0.2);
    compiled.controller.resume();
    await finished;
    compiled.dispose();
    const lrAt = (run: string, step: number) =>
      events.find((e) => e.type === 'step' && e.run === run && e.step === step)!;
    expect(
      events.filter((e) => e.type === 'param').map((e) => e.type === 'param' && e.run),
    ).toEqual(['a', 'b']);
    expect(lrAt('a', 20)).toMatchObject({ lr: (lrAt('b', 20) as { lr: number }).lr });
  });

  it('a new batch size applies at the next batch and the run still ends after its epochs', async () => {
    baseline = tf.memory().numTensors;
    const g = graph(
      [
        { id: 'data', type: 'dataset.moons', params: { samples: 200, valSplit: 0.2 } },
        { id: 'model', type: 'model.linear' },
        { id: 'opt', type: 'optimizer.sgd' },
        { id: 'train', type: 'train', params: { epochs: 2, batchSize: 32, evalEvery: 100 } },
      ],
      [
        ['data', 'dataset', 'train', 'dataset'],
        ['model', 'model', 'train', 'model'],
        ['opt', 'optimizer', 'train', 'optimizer'],
      ],
    );
    const compiled = compileGraph(g, { backend });
    const events: RunEvent[] = [];
    compiled.controller.events$.subscribe((e) => events.push(e));
    const finished = compiled.controller.startPaused();
    await compiled.controller.step(); // 32 of 160 examples used
    compiled.controller.setParam('train', 'batchSize', 64);
    compiled.controller.resume();
    await finished;
    compiled.dispose();
    const steps = events.filter((e) => e.type === 'step');
    // epoch 0: 32 + 64 + 64 = 160; epoch 1: 64 + 64 + 32 → 6 updates, 2 epochs
    expect(steps.map((e) => e.type === 'step' && e.epoch)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(events.find((e) => e.type === 'done')).toMatchObject({ status: 'completed', steps: 6 });
  });
});

describe('ReduceLROnPlateau feedback', () => {
  it('per epoch, watches the wired validation metric measured at that epoch’s end', async () => {
    baseline = tf.memory().numTensors;
    const g = graph(
      [
        { id: 'data', type: 'dataset.moons', params: { samples: 200, valSplit: 0.2 } },
        { id: 'model', type: 'model.linear' },
        {
          id: 'plateau',
          type: 'schedule.plateau',
          params: {
            mode: 'max',
            patience: 0,
            factor: 0.5,
            threshold: 10,
            thresholdMode: 'abs',
            interval: 'epoch',
          },
        },
        { id: 'opt', type: 'optimizer.sgd', params: { lr: 0.1 } },
        { id: 'train', type: 'train', params: { epochs: 4, batchSize: 80, evalEvery: 1 } },
        { id: 'acc', type: 'metric.valAccuracy' },
      ],
      [
        ['data', 'dataset', 'train', 'dataset'],
        ['model', 'model', 'train', 'model'],
        ['plateau', 'lr', 'opt', 'lr'],
        ['opt', 'optimizer', 'train', 'optimizer'],
        ['train', 'run', 'acc', 'run'],
        ['acc', 'series', 'plateau', 'metric'],
      ],
    );
    const events = await run(g);
    // An accuracy can never beat the best by 10 (abs): after the first epoch's value sets
    // the best, every later epoch is bad and, patience 0, halves lr.
    const lrs = events.flatMap((e) => (e.type === 'step' ? [e.lr] : []));
    expect(lrs).toEqual([0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
  });
});

describe('gradient noise', () => {
  it('perturbs each gradient by σ·N(0, 1), reproducibly by seed, and is off at 0', async () => {
    baseline = tf.memory().numTensors;
    const noisy = (sigma: number, seed: number) =>
      bowl(
        { id: 'opt', type: 'optimizer.sgd', params: { lr: 0.1 } },
        { maxSteps: 200, epochs: 1000, gradNoise: sigma, seed },
      );
    const gradNorms = (events: RunEvent[]) =>
      events.flatMap((e) => (e.type === 'step' ? [e.gradNorm!] : []));
    const clean = gradNorms(await run(noisy(0, 1)));
    const a = gradNorms(await run(noisy(2, 1)));
    const b = gradNorms(await run(noisy(2, 1)));
    const c = gradNorms(await run(noisy(2, 2)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    // Near the minimum the clean gradient vanishes; the noisy one keeps E‖ε‖² = 2σ² = 8.
    expect(clean.at(-1)).toBeLessThan(1e-6);
    const tail = a.slice(100);
    const meanSquare = tail.reduce((s, g) => s + g * g, 0) / tail.length;
    expect(meanSquare).toBeGreaterThan(4);
    expect(meanSquare).toBeLessThan(16);
  });
});
