/**
 * An engine on a backend that reads asynchronously (WebGPU) answers as one that reads
 * synchronously: the same events, decision boundary, model export and landscapes (live, grown
 * paths, after the run), on a device whose synchronous reads are refused unless the values
 * were fetched first (tests/support/async-only-device.ts). Host reads of live runs happen
 * between steps (RunController.between).
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendName } from '../../../../src-shared/engine/backend';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import type { EngineMessage } from '../../../../src-shared/protocol/engine';
import { asyncOnlyDevice } from '../../../support/async-only-device';
import { until } from '../../../support/until';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const quickstart = readFileSync('resources/examples/quickstart.json', 'utf8');

/** What a user gets from a session, without wall times. */
function comparable(messages: readonly EngineMessage[]) {
  return JSON.parse(
    JSON.stringify(messages, (key, value: unknown) => {
      if (key === 'time' || key === 'evaluation' || key === 'backend' || key === 'reason')
        return undefined;
      if (ArrayBuffer.isView(value)) return Array.from(value as Float32Array);
      if (value instanceof ArrayBuffer) return Array.from(new Uint8Array(value));
      return value;
    }),
  ) as unknown[];
}

async function session(backend: BackendName) {
  const messages: EngineMessage[] = [];
  const engine = new EngineSession((m) => messages.push(m), {
    backend: { name: backend, reason: 'test' },
    host: 'node',
    batchMs: 1,
  });
  const count = (type: EngineMessage['type']) => messages.filter((m) => m.type === type).length;
  const steps = () =>
    messages.flatMap((m) => (m.type === 'events' ? m.events : [])).filter((e) => e.type === 'step')
      .length;
  const send = async (command: object, answer: EngineMessage['type'], what: string) => {
    const before = count(answer);
    engine.handle(command);
    await until(what, () => count(answer) > before);
  };
  engine.handle({ type: 'load', graph: quickstart, maxSteps: 6, launch: 1 });
  for (let k = 1; k <= 3; k++) {
    engine.handle({ type: 'step' });
    await until(`step ${k}`, steps, (n) => n === k);
  }
  await send({ type: 'boundary', run: 'train', resolution: 8 }, 'boundary', 'a boundary');
  await send({ type: 'exportModel', run: 'train' }, 'modelExport', 'a model export');
  await send({ type: 'landscape', request: 1, grid: 5 }, 'landscapeResult', 'a live landscape');
  engine.handle({ type: 'step' });
  await until('step 4', steps, (n) => n === 4);
  await send({ type: 'landscape', request: 2, pathsOnly: true }, 'landscapeResult', 'grown paths');
  engine.handle({ type: 'resume' });
  await engine.whenFinished;
  await until('finished', () => messages.some((m) => m.type === 'state' && m.state === 'finished'));
  await send({ type: 'landscape', request: 3, grid: 5 }, 'landscapeResult', 'a final landscape');
  engine.dispose();
  return messages.filter((m) => m.type !== 'landscapeProgress');
}

describe('EngineSession reading asynchronously (as on WebGPU)', () => {
  it('answers every command as a synchronous engine does, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const expected = await session('cpu');
    expect(expected.filter((m) => m.type === 'error')).toEqual([]);
    const device = asyncOnlyDevice();
    let got: EngineMessage[];
    try {
      got = await session('webgpu');
    } finally {
      device.restore();
    }
    expect(got.filter((m) => m.type === 'error')).toEqual([]);
    expect(comparable(got)).toEqual(comparable(expected));
    const types = new Set(got.map((m) => m.type));
    for (const t of ['boundary', 'modelExport', 'landscapeResult', 'events'])
      expect(types).toContain(t);
    expect(tf.memory().numTensors).toBe(before);
  });
});
