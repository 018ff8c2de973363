/**
 * A run that reads values back asynchronously (`reads: 'async'`, as on WebGPU) produces the
 * very events a synchronous run does, on a device whose synchronous reads are refused unless
 * the values were fetched first (tests/support/async-only-device.ts). Covered: losses and
 * gradient norms, traced θ, metric blocks that read tensors (accuracy, paramNorm), validation,
 * the final full-data loss, surfaces whose loss is computed on the host (the Rosenbrock race,
 * Newton included), a stop between steps, and no tensor left behind.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { firstValueFrom, toArray } from 'rxjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../../../src-shared/engine/compile-graph';
import type { ReadMode } from '../../../../src-shared/engine/readback';
import { type GraphDocument, parseGraph, parseGraphText } from '../../../../src-shared/graph';
import type { RunEvent } from '../../../../src-shared/protocol/events';
import { asyncOnlyDevice } from '../../../support/async-only-device';
import { blockNode, edge } from '../../../support/graphs';

const backend = { name: 'cpu', reason: 'test' };

function example(name: string): GraphDocument {
  const parsed = parseGraphText(readFileSync(`resources/examples/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.graph;
}

/** Spiral, MLP 2-4-2 (22 parameters: traced), Adam, every metric that reads tensors. */
function spiralGraph(): GraphDocument {
  const metrics = ['loss', 'accuracy', 'paramNorm', 'gradNorm', 'valLoss', 'valAccuracy'];
  // The curvature metrics read at every HVP (power iteration, Lanczos, Hutchinson, SLQ).
  const curvature = {
    hessianTop: { every: 5 },
    hessianEigs: { every: 5, k: 2 },
    hessianTrace: { every: 5, probes: 3 },
    hessianDensity: { every: 5, steps: 6 },
  };
  return graphOf(
    'async reads',
    [
      blockNode('data', 'dataset.spiral', { samples: 120 }),
      blockNode('mlp', 'model.mlp', { hidden: [4] }),
      blockNode('adam', 'optimizer.adam', { lr: 0.05 }),
      blockNode('train', 'train', { epochs: 3, batchSize: 16 }),
      ...metrics.map((m) => blockNode(m, `metric.${m}`)),
      ...Object.entries(curvature).map(([m, p]) => blockNode(m, `metric.${m}`, p)),
    ],
    [
      edge('e1', 'data', 'dataset', 'mlp', 'dataset'),
      edge('e2', 'data', 'dataset', 'train', 'dataset'),
      edge('e3', 'mlp', 'model', 'train', 'model'),
      edge('e4', 'adam', 'optimizer', 'train', 'optimizer'),
      ...[...metrics, ...Object.keys(curvature)].map((m) =>
        edge(`m-${m}`, 'train', 'run', m, 'run'),
      ),
    ],
  );
}

/** Events without their wall times (the only thing allowed to differ). */
const timeless = (events: RunEvent[]) =>
  events.map((e) => {
    if (e.type === 'step') return { ...e, time: 0 };
    if (e.type === 'metric' && e.metric === 'stepTime') return { ...e, value: 0 };
    return e;
  });

async function runAll(graph: GraphDocument, reads: ReadMode): Promise<RunEvent[]> {
  const compiled = compileGraph(graph, {
    backend,
    reads,
    traceParams: true,
    recordTrajectories: 'all',
  });
  const events = firstValueFrom(compiled.controller.events$.pipe(toArray()));
  events.catch(() => {}); // a failing step rejects start() too, which the caller sees
  try {
    await compiled.controller.start();
    for (const run of compiled.runs) expect(run.trajectory().steps.length).toBeGreaterThan(1);
  } finally {
    compiled.dispose();
  }
  return events;
}

/**
 * The graph's events read synchronously, then read asynchronously on the async-only device;
 * the two must be equal (wall times aside). Returns the asynchronous events and how many
 * synchronous reads the device served from fetched values.
 */
async function bothWays(graph: GraphDocument): Promise<{ got: RunEvent[]; cached: number }> {
  const expected = await runAll(graph, 'sync');
  const device = asyncOnlyDevice();
  let got: RunEvent[];
  try {
    got = await runAll(graph, 'async');
  } finally {
    device.restore();
  }
  expect(timeless(got)).toEqual(timeless(expected));
  return { got, cached: device.cachedSyncReads() };
}

/** A graph from nodes and edges (version 2), or the reason it does not parse. */
function graphOf(name: string, nodes: unknown[], edges: unknown[]): GraphDocument {
  const parsed = parseGraph({ format: 'gradient-atlas/graph', version: 2, name, nodes, edges });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.graph;
}

let baseline = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => {
  expect(tf.memory().numTensors).toBe(baseline);
});

describe("runs with reads: 'async'", () => {
  it('give a synchronous run’s events on a device that cannot read synchronously', async () => {
    baseline = tf.memory().numTensors;
    const { got } = await bothWays(spiralGraph());
    const types = new Set(got.map((e) => (e.type === 'metric' ? e.metric : e.type)));
    for (const kind of [
      'step',
      'eval',
      'done',
      'accuracy',
      'paramNorm',
      'valAccuracy',
      'hessianTop',
      'hessianEigs',
      'hessianTrace',
      'hessianDensity',
    ]) {
      expect(types).toContain(kind);
    }
    const done = got.find((e) => e.type === 'done');
    expect(done).toMatchObject({ status: 'completed', steps: 18 }); // 96 training rows, batches of 16
    expect(done?.type === 'done' && done.params?.length).toBe(22);
  });

  it('the device does refuse a synchronous run (so the comparisons above mean something)', async () => {
    baseline = tf.memory().numTensors;
    const device = asyncOnlyDevice();
    try {
      await expect(runAll(spiralGraph(), 'sync')).rejects.toThrow(/async-only device/);
    } finally {
      device.restore();
    }
  });

  it('race six optimizers on Rosenbrock, Newton included, as a synchronous run does', async () => {
    baseline = tf.memory().numTensors;
    const { got, cached } = await bothWays(example('rosenbrock-race'));
    // The surfaces' host-side loss read θ from values fetched first.
    expect(cached).toBeGreaterThan(0);
    const runs = new Set(got.filter((e) => e.type === 'done').map((e) => e.run));
    expect(runs.size).toBe(6);
  });

  it('read a surface’s Hessian (hessianTop by power iteration) as a synchronous run does', async () => {
    baseline = tf.memory().numTensors;
    const { got } = await bothWays(
      graphOf(
        'saddle',
        [
          blockNode('surface', 'model.surface', { fn: 'saddle', start: [0.5, 0.01] }),
          blockNode('sgd', 'optimizer.sgd', { lr: 0.05 }),
          blockNode('train', 'train', { epochs: 20 }),
          blockNode('top', 'metric.hessianTop', { every: 1 }),
        ],
        [
          edge('e1', 'surface', 'model', 'train', 'model'),
          edge('e2', 'sgd', 'optimizer', 'train', 'optimizer'),
          edge('e3', 'train', 'run', 'top', 'run'),
        ],
      ),
    );
    const tops = got.flatMap((e) => (e.type === 'metric' ? [e.value] : []));
    expect(tops).toHaveLength(20);
    expect(Math.abs(tops[0]!)).toBeGreaterThan(0);
  });

  it('Newton’s method on a network (its Hessian read in one read per step) as a synchronous run does', async () => {
    baseline = tf.memory().numTensors;
    const { got } = await bothWays(
      graphOf(
        'newton',
        [
          blockNode('data', 'dataset.moons', { samples: 60 }),
          blockNode('mlp', 'model.mlp', { hidden: [3] }),
          blockNode('newton', 'optimizer.newton', { lr: 0.5, damping: 1 }),
          blockNode('train', 'train', { epochs: 4, batchSize: 64 }),
        ],
        [
          edge('e1', 'data', 'dataset', 'mlp', 'dataset'),
          edge('e2', 'data', 'dataset', 'train', 'dataset'),
          edge('e3', 'mlp', 'model', 'train', 'model'),
          edge('e4', 'newton', 'optimizer', 'train', 'optimizer'),
        ],
      ),
    );
    const losses = got.flatMap((e) => (e.type === 'step' && e.loss !== null ? [e.loss] : []));
    expect(losses).toHaveLength(4);
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
  });

  it('stop between steps with the traced θ of the last step', async () => {
    baseline = tf.memory().numTensors;
    const device = asyncOnlyDevice();
    try {
      const compiled = compileGraph(spiralGraph(), { backend, reads: 'async', traceParams: true });
      const events = firstValueFrom(compiled.controller.events$.pipe(toArray()));
      const finished = compiled.controller.startPaused();
      for (let i = 0; i < 3; i++) await compiled.controller.step();
      compiled.controller.stop();
      await finished;
      const all = await events;
      compiled.dispose();
      const done = all.find((e) => e.type === 'done');
      expect(done).toMatchObject({ status: 'stopped', steps: 3 });
      expect(done?.type === 'done' && done.params?.every(Number.isFinite)).toBe(true);
    } finally {
      device.restore();
    }
  });
});
