/**
 * What compileGraph wires: each block's inputs are the very streams its sources output (a
 * feedback input a relay of its source, one step late), in an order where every block comes
 * after what it reads; per-run state (optimizer, schedule) is instantiated per train block;
 * and every run's streams are torn down when it ends.
 */
import * as tf from '@tensorflow/tfjs';
import type { Observable } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../../../src-shared/engine/compile-graph';
import { type GraphDocument, parseGraphText } from '../../../../src-shared/graph';
import type { RunEvent } from '../../../../src-shared/protocol/events';
import { blockNode, edge } from '../../../support/graphs';

const backend = { name: 'cpu', reason: 'test' };

/** Two trains share a surface and an SGD block under a plateau schedule fed by a metric. */
function raceGraph(): GraphDocument {
  const node = blockNode;
  const parsed = parseGraphText(
    JSON.stringify({
      format: 'gradient-atlas/graph',
      version: 1,
      name: 'wiring',
      nodes: [
        node('chart', 'view.chart'),
        node('loss', 'metric.loss', { every: 1 }),
        node('train', 'train', { maxSteps: 6, epochs: 100 }),
        node('other', 'train', { maxSteps: 3, epochs: 100 }),
        node('opt', 'optimizer.sgd', { lr: 0.05, momentum: 0.9 }),
        node('plateau', 'schedule.plateau', { factor: 0.5, patience: 0, threshold: 0.5 }),
        node('surface', 'model.surface', { fn: 'quadratic', start: [1, 1] }),
        node('norm', 'metric.paramNorm', { every: 2 }),
        node('land', 'view.landscape'),
      ],
      edges: [
        edge('e1', 'surface', 'model', 'train', 'model'),
        edge('e2', 'opt', 'optimizer', 'train', 'optimizer'),
        edge('e3', 'plateau', 'lr', 'opt', 'lr'),
        edge('e4', 'train', 'run', 'loss', 'run'),
        edge('e5', 'loss', 'series', 'plateau', 'metric'),
        edge('e6', 'train', 'run', 'norm', 'run'),
        edge('e7', 'loss', 'series', 'chart', 'series'),
        edge('e8', 'surface', 'model', 'other', 'model'),
        edge('e9', 'opt', 'optimizer', 'other', 'optimizer'),
        edge('e10', 'train', 'run', 'land', 'runs'),
      ],
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.graph;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('compileGraph wires the blocks as streams', () => {
  it('feeds each input the stream its source outputs, in wiring order', () => {
    const before = tf.memory().numTensors;
    const compiled = compileGraph(raceGraph(), { backend });
    const { order, inputs, outputs } = compiled.streams;
    // Each block after the blocks it reads; ties keep the document's order.
    expect(order).toEqual([
      'plateau',
      'opt',
      'surface',
      'train',
      'loss',
      'chart',
      'other',
      'norm',
      'land',
    ]);
    const input = (node: string, port: string) => inputs.get(node)?.[port];
    const output = (node: string, port: string) => outputs.get(node)?.[port];
    expect(input('train', 'model')).toEqual([output('surface', 'model')]);
    expect(input('other', 'model')?.[0]).toBe(output('surface', 'model'));
    expect(input('train', 'optimizer')?.[0]).toBe(output('opt', 'optimizer'));
    expect(input('opt', 'lr')?.[0]).toBe(output('plateau', 'lr'));
    expect(input('loss', 'run')?.[0]).toBe(output('train', 'run'));
    expect(input('norm', 'run')?.[0]).toBe(output('train', 'run'));
    expect(input('chart', 'series')?.[0]).toBe(output('loss', 'series'));
    expect(input('land', 'runs')?.[0]).toBe(output('train', 'run'));
    expect(input('train', 'dataset')).toEqual([]);
    // The feedback input is a relay wired after its source, not the source itself.
    expect(input('plateau', 'metric')).toHaveLength(1);
    expect(input('plateau', 'metric')?.[0]).not.toBe(output('loss', 'series'));
    expect(Object.keys(outputs.get('train') ?? {})).toEqual(['run']);
    expect(Object.keys(outputs.get('chart') ?? {})).toEqual([]);
    compiled.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('relays the metric into the schedule, and gives each train its own optimizer', async () => {
    const before = tf.memory().numTensors;
    const compiled = compileGraph(raceGraph(), { backend });
    const relayed: RunEvent[] = [];
    const relay = compiled.streams.inputs.get('plateau')?.metric?.[0] as Observable<RunEvent>;
    relay.subscribe((e) => relayed.push(e));
    const events: RunEvent[] = [];
    compiled.controller.events$.subscribe((e) => events.push(e));
    await compiled.controller.start();
    const lossEvents = events.filter((e) => e.type === 'metric' && e.node === 'loss');
    expect(relayed).toEqual(lossEvents);
    expect(lossEvents.map((e) => e.type === 'metric' && e.step)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(
      events
        .filter((e) => e.type === 'metric' && e.node === 'norm')
        .map((e) => e.type === 'metric' && e.step),
    ).toEqual([0, 2, 4]);
    // Both runs start from the same θ₀ with the same settings: with one optimizer state each,
    // their first three updates agree exactly (a shared momentum buffer would not).
    const lossesOf = (run: string) =>
      events.flatMap((e) => (e.type === 'step' && e.run === run ? [e.loss] : []));
    expect(lossesOf('other')).toEqual(lossesOf('train').slice(0, 3));
    // Only the run a landscape shows keeps its path.
    const [train, other] = compiled.runs;
    expect(train?.trajectory().steps).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(other?.trajectory().steps).toEqual([3]);
    compiled.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("tears a run's subscriptions down when it ends, while the others run on", async () => {
    const compiled = compileGraph(raceGraph(), { backend });
    const [train, other] = compiled.runs;
    const observed = () => [train!.signals$.observed, other!.signals$.observed];
    expect(observed()).toEqual([true, false]); // metrics and the landscape read `train` only
    expect(train!.events$.observed && other!.events$.observed).toBe(true);
    const finished = compiled.controller.startPaused();
    for (let i = 0; i < 3; i++) await compiled.controller.step();
    await compiled.controller.step(); // `other` (3 updates) has ended; `train` (6) has not
    expect(other!.done).toBe(true);
    expect(other!.events$.observed).toBe(false);
    expect(train!.done).toBe(false);
    expect(train!.events$.observed).toBe(true);
    expect(train!.signals$.observed).toBe(true);
    compiled.controller.stop();
    await finished;
    expect(observed()).toEqual([false, false]);
    expect(train!.events$.observed).toBe(false);
    compiled.dispose();
  });

  it('applies a live edit of a shared block to every run, as a new value of its params', async () => {
    const compiled = compileGraph(raceGraph(), { backend });
    const finished = compiled.controller.startPaused();
    await compiled.controller.step();
    const changes = compiled.controller.setParam('opt', 'lr', 0.02);
    expect(changes.map((c) => [c.run, c.step])).toEqual([
      ['train', 1],
      ['other', 1],
    ]);
    expect(() => compiled.controller.setParam('opt', 'momentum', -1)).toThrow(/momentum/);
    expect(() => compiled.controller.setParam('loss', 'every', 2)).toThrow(
      'loss.every: no active run uses this block',
    );
    compiled.controller.stop();
    await finished;
    expect(() => compiled.controller.setParam('opt', 'lr', 0.01)).toThrow(/no active run/);
    compiled.dispose();
  });
});
