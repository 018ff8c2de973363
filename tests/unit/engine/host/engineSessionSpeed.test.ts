/**
 * setSpeed through the host protocol: validated (positive, finite, ≤ 10000, or null for max),
 * kept across loads, and pacing a real run: 50 steps/s for 0.2 s is about 10 steps.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engineSession';
import { type EngineMessage, parseEngineCommand } from '../../../../src-shared/protocol/engine';
import type { RunEvent } from '../../../../src-shared/protocol/events';
import { quadraticGraph } from './graphs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('setSpeed', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('accepts a positive pace or null, and names what is wrong otherwise', () => {
    expect(parseEngineCommand({ type: 'setSpeed', stepsPerSecond: 30 }).ok).toBe(true);
    expect(parseEngineCommand({ type: 'setSpeed', stepsPerSecond: null }).ok).toBe(true);
    for (const bad of [0, -3, Number.POSITIVE_INFINITY, 1e6, '10']) {
      const parsed = parseEngineCommand({ type: 'setSpeed', stepsPerSecond: bad });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^invalid engine command: stepsPerSecond: /);
    }
    expect(parseEngineCommand({ type: 'setSpeed' }).ok).toBe(false);
  });

  it('paces a run set before the load, then lets it go at max', async () => {
    const start = tf.memory().numTensors;
    const messages: EngineMessage[] = [];
    const session = new EngineSession((m) => messages.push(m), {
      backend: { name: 'cpu', reason: 'test' },
      host: 'node',
      batchMs: 1,
    });
    const steps = () =>
      messages
        .flatMap((m) => (m.type === 'events' ? m.events : []))
        .filter((e: RunEvent) => e.type === 'step').length;
    session.handle({ type: 'setSpeed', stepsPerSecond: 50 });
    session.handle({ type: 'load', graph: quadraticGraph({ maxSteps: 400 }) });
    session.handle({ type: 'start' });
    await sleep(200);
    const paced = steps();
    // 0.2 s at 50/s: 10 (+1 for the first, immediate round); loose for a busy machine.
    expect(paced).toBeGreaterThanOrEqual(4);
    expect(paced).toBeLessThanOrEqual(16);
    session.handle({ type: 'setSpeed', stepsPerSecond: null });
    await session.whenFinished;
    await sleep(10);
    expect(steps()).toBe(400);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    session.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
