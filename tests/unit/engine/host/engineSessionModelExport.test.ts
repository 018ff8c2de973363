/**
 * exportModel: a run's model as model.json + weights.bin from the engine host; sent back as
 * one self-contained JSON (how a browser's picked files travel), it imports to exactly the
 * exported parameters (the loss identity is checked in tests/unit/engine/models).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import { embedArtifacts } from '../../../../src-shared/engine/models';
import type { EngineMessage, ModelExportMessage } from '../../../../src-shared/protocol/engine';
import { parseEngineMessage } from '../../../../src-shared/protocol/engine';
import { moonsGraph } from './graphs';

function open() {
  const messages: EngineMessage[] = [];
  const session = new EngineSession((m) => messages.push(m), {
    backend: { name: 'cpu', reason: 'test' },
    host: 'worker',
    batchMs: 1,
  });
  return { session, messages };
}

const exported = (messages: EngineMessage[]) =>
  messages.filter((m): m is ModelExportMessage => m.type === 'modelExport');

function firstLoss(messages: EngineMessage[]): number | null {
  for (const m of messages) {
    if (m.type !== 'events') continue;
    for (const e of m.events) if (e.type === 'step') return e.loss;
  }
  throw new Error('no step');
}

describe('EngineSession exportModel', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('exports the final model; re-imported through a load file it starts there', async () => {
    const start = tf.memory().numTensors;
    const a = open();
    a.session.handle({ type: 'load', graph: moonsGraph(5), launch: 1 });
    a.session.handle({ type: 'start' });
    await a.session.whenFinished;
    a.session.handle({ type: 'exportModel', run: 'train' });
    const [message] = exported(a.messages);
    expect(message).toBeDefined();
    expect(parseEngineMessage(message).ok).toBe(true);
    expect(message!.step).toBe(5);
    const modelJson = JSON.parse(message!.modelJson);
    expect(modelJson.format).toBe('layers-model');
    expect(message!.weights.length).toBe(4 * 6); // 2×2 kernel + 2 biases
    a.session.dispose();

    // The same graph with model.import, the export sent as one JSON under the file's name.
    const graph = JSON.parse(moonsGraph(1));
    graph.nodes[1] = { ...graph.nodes[1], type: 'model.import', params: { path: 'model.json' } };
    const bundle = embedArtifacts({ modelJson, weights: message!.weights });
    const b = open();
    b.session.handle({
      type: 'load',
      graph: JSON.stringify(graph),
      launch: 1,
      files: { 'model.json': JSON.stringify(bundle) },
    });
    expect(b.messages.filter((m) => m.type === 'error')).toEqual([]);
    b.session.handle({ type: 'exportModel', run: 'train' });
    expect(exported(b.messages)[0]!.weights).toEqual(message!.weights);
    b.session.handle({ type: 'start' });
    await b.session.whenFinished;
    b.session.dispose();

    expect(Number.isFinite(firstLoss(b.messages) ?? Number.NaN)).toBe(true);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('refuses a run it cannot export, with a message', () => {
    const s = open();
    s.session.handle({ type: 'exportModel', run: 'nothing' });
    expect(s.messages.at(-1)).toEqual({
      type: 'error',
      command: 'exportModel',
      problems: [
        { path: 'nothing', message: "cannot export: no run 'nothing' in the loaded graph" },
      ],
    });
  });
});
