/**
 * The engine host contract, on the Node host with the cpu backend: load / start / pause /
 * step / resume / stop / setParam / boundary, errors for bad commands, no tensor leaks.
 * Numbers come from f(x, y) = ½(x² + 10y²) from (−2.5, 1.5): ∇f = (x, 10y), so SGD with
 * lr 0.1 goes (−2.5, 1.5) → (−2.25, 0) → (−2.025, 0) → (−1.8225, 0).
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import type { EngineMessage } from '../../../../src-shared/protocol/engine';
import type { RunEvent } from '../../../../src-shared/protocol/events';
import { until } from '../../../support/until';
import { moonsGraph, quadraticGraph } from './graphs';

const bowl = (x: number, y: number) => 0.5 * (x * x + 10 * y * y);

function open() {
  const messages: EngineMessage[] = [];
  const session = new EngineSession((m) => messages.push(m), {
    backend: { name: 'cpu', reason: 'test' },
    host: 'node',
    batchMs: 1,
  });
  const events = (): RunEvent[] => messages.flatMap((m) => (m.type === 'events' ? m.events : []));
  const states = () => messages.flatMap((m) => (m.type === 'state' ? [m.state] : []));
  const errors = () => messages.flatMap((m) => (m.type === 'error' ? [m] : []));
  return { session, messages, events, states, errors };
}

const stepLosses = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'step' ? [[e.step, e.loss] as const] : []));

describe('EngineSession (Node host, cpu backend)', () => {
  let startTensors = 0;
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterEach(() => {
    expect(tf.memory().numTensors).toBe(startTensors);
  });

  it('announces itself, loads, runs to completion with the exact SGD iterates', async () => {
    startTensors = tf.memory().numTensors;
    const t = open();
    expect(t.messages[0]).toEqual({ type: 'ready', backend: 'cpu', reason: 'test', host: 'node' });
    t.session.handle({ type: 'load', graph: quadraticGraph(), launch: 7 });
    t.session.handle({ type: 'start' });
    await t.session.whenFinished;
    await until('done', () => t.events().some((e) => e.type === 'done'));
    expect(t.states()).toEqual(['idle', 'loaded', 'running', 'finished']);
    expect(t.messages.filter((m) => m.type === 'events').every((m) => m.launch === 7)).toBe(true);
    const events = t.events();
    expect(events[0]).toMatchObject({ type: 'start', run: 'train', backend: 'cpu', totalSteps: 3 });
    const losses = stepLosses(events);
    expect(losses.map(([k]) => k)).toEqual([0, 1, 2]);
    expect(losses[0]![1]).toBeCloseTo(bowl(-2.5, 1.5), 4);
    expect(losses[1]![1]).toBeCloseTo(bowl(-2.25, 0), 4);
    expect(losses[2]![1]).toBeCloseTo(bowl(-2.025, 0), 4);
    const metric = events.filter((e) => e.type === 'metric');
    expect(metric.map((e) => e.type === 'metric' && e.value)).toEqual(losses.map(([, l]) => l));
    const done = events.at(-1)!;
    expect(done).toMatchObject({ type: 'done', status: 'completed', steps: 3 });
    expect(done.type === 'done' && done.finalLoss).toBeCloseTo(bowl(-1.8225, 0), 4);
    expect(t.errors()).toEqual([]);
    t.session.dispose();
  });

  it('steps while paused, applies setParam at the next step, resumes and stops', async () => {
    startTensors = tf.memory().numTensors;
    const t = open();
    t.session.handle({ type: 'load', graph: quadraticGraph({ maxSteps: 1000 }) });
    t.session.handle({ type: 'step' });
    await until('step 0', () => stepLosses(t.events()).length === 1);
    expect(t.states().at(-1)).toBe('paused');
    t.session.handle({ type: 'step' });
    await until('step 1', () => stepLosses(t.events()).length === 2);
    // Now at θ2 = (−2.025, 0); lr 0.2 makes update 2 go to 0.8 · (−2.025) = −1.62.
    t.session.handle({ type: 'setParam', node: 'sgd', name: 'lr', value: 0.2 });
    await until('param event', () => t.events().some((e) => e.type === 'param'));
    expect(t.events().find((e) => e.type === 'param')).toEqual({
      type: 'param',
      run: 'train',
      node: 'sgd',
      name: 'lr',
      value: 0.2,
      step: 2,
    });
    t.session.handle({ type: 'step' });
    t.session.handle({ type: 'step' });
    await until('steps 2 and 3', () => stepLosses(t.events()).length === 4);
    const steps = t.events().filter((e) => e.type === 'step');
    expect(steps[2]).toMatchObject({ step: 2, lr: 0.2 });
    expect(steps[3]!.type === 'step' && steps[3]!.loss).toBeCloseTo(bowl(-1.62, 0), 4);
    t.session.handle({ type: 'resume' });
    await until('running', () => t.states().at(-1) === 'running');
    t.session.handle({ type: 'pause' });
    await until('paused', () => t.states().at(-1) === 'paused');
    // The steps taken before the pause went out with the state; the stop's count proves that
    // none was taken after it.
    const pausedAt = stepLosses(t.events()).length;
    t.session.handle({ type: 'stop' });
    await t.session.whenFinished;
    await until('done', () => t.events().some((e) => e.type === 'done'));
    expect(t.events().at(-1)).toMatchObject({ type: 'done', status: 'stopped', steps: pausedAt });
    expect(t.states().at(-1)).toBe('finished');
    expect(t.errors()).toEqual([]);
    t.session.dispose();
  });

  it('answers bad commands with errors and changes nothing', async () => {
    startTensors = tf.memory().numTensors;
    const t = open();
    t.session.handle({ type: 'launch-missiles' });
    t.session.handle('not even an object');
    t.session.handle({ type: 'start' });
    t.session.handle({ type: 'pause' });
    t.session.handle({ type: 'load', graph: '{ nope' });
    t.session.handle({ type: 'load', graph: quadraticGraph({ lr: -1 }) });
    expect(t.errors().map((e) => e.command)).toEqual([
      'unknown',
      'unknown',
      'start',
      'pause',
      'load',
      'load',
    ]);
    expect(t.errors()[0]!.problems[0]!.message).toMatch(/^invalid engine command: type: /);
    expect(t.errors()[4]!.problems[0]!.message).toMatch(/not valid JSON/);
    expect(t.errors()[5]!.problems.some((p) => p.path.startsWith('nodes[1].params.lr'))).toBe(true);
    expect(t.states()).toEqual(['idle']);

    t.session.handle({ type: 'load', graph: quadraticGraph({ maxSteps: 1000 }) });
    t.session.handle({ type: 'step' });
    await until('step 0', () => stepLosses(t.events()).length === 1);
    const before = t.errors().length;
    t.session.handle({ type: 'setParam', node: 'ghost', name: 'lr', value: 1 });
    t.session.handle({ type: 'setParam', node: 'bowl', name: 'fn', value: 'rosenbrock' });
    t.session.handle({ type: 'setParam', node: 'sgd', name: 'lr', value: { x: 1 } });
    t.session.handle({ type: 'start' });
    t.session.handle({ type: 'boundary', run: 'train', resolution: 16 });
    const fresh = t.errors().slice(before);
    expect(fresh.map((e) => e.command)).toEqual([
      'setParam',
      'setParam',
      'unknown',
      'start',
      'boundary',
    ]);
    expect(fresh[0]!.problems[0]!.message).toMatch(/no active run uses this block/);
    expect(fresh[1]!.problems[0]!.message).toMatch(/restart the run/);
    expect(fresh[4]!.problems[0]!.message).toMatch(/has no data/);
    expect(t.events().some((e) => e.type === 'param')).toBe(false);
    t.session.handle({ type: 'stop' });
    await t.session.whenFinished;
    t.session.dispose();
  });

  it('computes the decision boundary on a grid over the data, live and after the run', async () => {
    startTensors = tf.memory().numTensors;
    const t = open();
    t.session.handle({ type: 'load', graph: moonsGraph(2), launch: 3 });
    t.session.handle({ type: 'boundary', run: 'train', resolution: 8 });
    const first = t.messages.find((m) => m.type === 'boundary');
    if (first?.type !== 'boundary') throw new Error('no boundary message');
    expect(first).toMatchObject({ launch: 3, run: 'train', step: 0, resolution: 8, classes: 2 });
    // Zero weights: logits 0, so a 2-class softmax gives exactly ½ everywhere.
    expect(Array.from(first.probs)).toEqual(new Array(128).fill(0.5));
    const n = first.train.label.length + first.val.label.length;
    expect(n).toBe(100);
    const xs = [...first.train.x, ...first.val.x];
    for (let i = 0; i < xs.length; i += 2) {
      expect(xs[i]).toBeGreaterThan(first.extent.x0);
      expect(xs[i]).toBeLessThan(first.extent.x1);
      expect(xs[i + 1]).toBeGreaterThan(first.extent.y0);
      expect(xs[i + 1]).toBeLessThan(first.extent.y1);
    }
    t.session.handle({ type: 'start' });
    await t.session.whenFinished;
    t.session.handle({ type: 'boundary', run: 'train', resolution: 8 });
    const last = t.messages.filter((m) => m.type === 'boundary').at(-1);
    if (last?.type !== 'boundary') throw new Error('no boundary message');
    expect(last.step).toBe(2);
    for (let c = 0; c < 64; c++)
      expect(last.probs[2 * c]! + last.probs[2 * c + 1]!).toBeCloseTo(1, 5);
    expect(Array.from(last.probs).some((p) => Math.abs(p - 0.5) > 1e-3)).toBe(true);
    t.session.handle({ type: 'boundary', run: 'nobody', resolution: 8 });
    expect(t.errors().at(-1)?.problems[0]?.message).toMatch(/no run 'nobody'/);
    t.session.dispose();
  });

  it('reports the runs of a replaced launch as stopped', async () => {
    startTensors = tf.memory().numTensors;
    const t = open();
    t.session.handle({ type: 'load', graph: quadraticGraph({ maxSteps: 100000 }), launch: 1 });
    t.session.handle({ type: 'start' });
    await until('a few steps', () => stepLosses(t.events()).length > 3);
    t.session.handle({ type: 'load', graph: quadraticGraph(), launch: 2 });
    const old = t.messages.flatMap((m) => (m.type === 'events' && m.launch === 1 ? m.events : []));
    expect(old.at(-1)).toMatchObject({ type: 'done', status: 'stopped' });
    expect(t.messages.at(-1)).toEqual({ type: 'state', launch: 2, state: 'loaded' });
    t.session.dispose();
    await t.session.whenFinished; // the replaced launch's loop ends
  });
});
