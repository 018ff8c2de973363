/**
 * Loads that carry the user's files (web mode's Worker has no file access), and loads that
 * fail: the graph loaded before stays loaded and runnable.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import type { EngineMessage } from '../../../../src-shared/protocol/engine';
import { quadraticGraph } from './graphs';

const csvGraph = JSON.stringify({
  format: 'gradient-atlas/graph',
  version: 1,
  name: 'csv',
  nodes: [
    {
      id: 'data',
      type: 'dataset.csv',
      params: { path: 'points.csv', target: 'label', valSplit: 0.25 },
      position: { x: 0, y: 0 },
    },
    { id: 'model', type: 'model.linear', params: {}, position: { x: 0, y: 0 } },
    { id: 'opt', type: 'optimizer.sgd', params: { lr: 0.1 }, position: { x: 0, y: 0 } },
    { id: 'train', type: 'train', params: { epochs: 2, batchSize: 4 }, position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: { node: 'data', port: 'dataset' }, to: { node: 'train', port: 'dataset' } },
    { id: 'e2', from: { node: 'model', port: 'model' }, to: { node: 'train', port: 'model' } },
    {
      id: 'e3',
      from: { node: 'opt', port: 'optimizer' },
      to: { node: 'train', port: 'optimizer' },
    },
  ],
});
const csv = [
  'x1,x2,label',
  ...Array.from({ length: 16 }, (_, i) => `${i % 4},${(i * 7) % 5},${i % 2 ? 'b' : 'a'}`),
].join('\n');

function open() {
  const messages: EngineMessage[] = [];
  const session = new EngineSession((m) => messages.push(m), {
    backend: { name: 'cpu', reason: 'test' },
    host: 'worker',
    batchMs: 1,
  });
  return { session, messages, errors: () => messages.filter((m) => m.type === 'error') };
}

describe('EngineSession loads', () => {
  let start = 0;
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterEach(() => {
    expect(tf.memory().numTensors).toBe(start);
  });

  it('trains on a CSV file sent with the graph', async () => {
    start = tf.memory().numTensors;
    const t = open();
    t.session.handle({ type: 'load', graph: csvGraph, files: { 'points.csv': csv } });
    expect(t.errors()).toEqual([]);
    t.session.handle({ type: 'start' });
    await t.session.whenFinished;
    const events = t.messages.flatMap((m) => (m.type === 'events' ? m.events : []));
    expect(events.find((e) => e.type === 'start')).toMatchObject({
      dataset: 'dataset.csv',
      parameters: 6,
    });
    expect(events.filter((e) => e.type === 'step')).toHaveLength(6); // 12 rows / 4, two epochs
    t.session.dispose();
  });

  it('names a CSV that was not sent, and keeps the graph loaded before', async () => {
    start = tf.memory().numTensors;
    const t = open();
    t.session.handle({ type: 'load', graph: quadraticGraph() });
    t.session.handle({ type: 'load', graph: csvGraph });
    const [error] = t.errors();
    expect(error).toMatchObject({ type: 'error', command: 'load' });
    expect(JSON.stringify(error)).toMatch(/points\.csv: this file was not sent with the graph/);
    t.session.handle({ type: 'start' }); // the quadratic is still there and runs
    await t.session.whenFinished;
    const done = t.messages
      .flatMap((m) => (m.type === 'events' ? m.events : []))
      .filter((e) => e.type === 'done');
    expect(done).toMatchObject([{ run: 'train', status: 'completed' }]);
    t.session.dispose();
  });

  it('refuses oversized or too many files before anything happens', () => {
    start = tf.memory().numTensors;
    const t = open();
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`f${i}.csv`, 'a']));
    t.session.handle({ type: 'load', graph: csvGraph, files: many });
    expect(JSON.stringify(t.errors())).toMatch(/at most 16 files/);
    t.session.dispose();
  });
});
