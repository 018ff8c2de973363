/**
 * setSpeed through the host protocol: validated (positive, finite, ≤ 10000, or null for max),
 * kept across loads, and pacing a real run on a manual clock: 50 steps/s for 0.2 s of clock
 * time is exactly 10 steps after the first.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import { type EngineMessage, parseEngineCommand } from '../../../../src-shared/protocol/engine';
import type { RunEvent } from '../../../../src-shared/protocol/events';
import { ManualClock } from '../../../support/manualClock';
import { is, nextTurn, until } from '../../../support/until';
import { quadraticGraph } from './graphs';

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
    const clock = new ManualClock();
    const session = new EngineSession((m) => messages.push(m), {
      backend: { name: 'cpu', reason: 'test' },
      host: 'node',
      batchMs: 1,
      clock,
    });
    /** Lets `ms` of clock time pass, a millisecond at a time, each followed by a turn. */
    const elapse = async (ms: number) => {
      for (let i = 0; i < ms; i++) {
        clock.advance(1);
        await nextTurn();
      }
    };
    const steps = () =>
      messages
        .flatMap((m) => (m.type === 'events' ? m.events : []))
        .filter((e: RunEvent) => e.type === 'step').length;
    session.handle({ type: 'setSpeed', stepsPerSecond: 50 });
    session.handle({ type: 'load', graph: quadraticGraph({ maxSteps: 400 }) });
    session.handle({ type: 'start' });
    // The first round runs at once, then waits 20 ms; its batch goes out 1 ms after it.
    await until('the wait after the first round', () => clock.nextDue, is(1));
    await elapse(1);
    expect(steps()).toBe(1);
    await elapse(200); // rounds at 20, 40, …, 200 ms; the last one's batch leaves at 201 ms
    expect(steps()).toBe(11);
    session.handle({ type: 'setSpeed', stepsPerSecond: null });
    await session.whenFinished;
    expect(steps()).toBe(400); // the last batch is flushed when the run finishes
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    session.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
