/**
 * Errors inside a run end that run with their message, and the engine stays available: the
 * next load and start work. Waits on the session's own promise (whenFinished), not on time.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import type { EngineMessage } from '../../../../src-shared/protocol/engine';
import { quadraticGraph } from './graphs';

function open() {
  const messages: EngineMessage[] = [];
  const session = new EngineSession((m) => messages.push(m), {
    backend: { name: 'cpu', reason: 'test' },
    host: 'node',
    batchMs: 1,
  });
  const done = () =>
    messages.flatMap((m) => (m.type === 'events' ? m.events : [])).filter((e) => e.type === 'done');
  const errors = () => messages.flatMap((m) => (m.type === 'error' ? [m] : []));
  return { session, messages, done, errors };
}

/** Newton's method at the monkey saddle's origin: the Hessian is 0, the solve throws. */
function singularGraph(): string {
  const graph = JSON.parse(quadraticGraph());
  for (const node of graph.nodes) {
    if (node.type === 'model.surface') node.params = { fn: 'monkeySaddle', start: [0, 0] };
    if (node.type === 'optimizer.sgd') {
      node.type = 'optimizer.newton';
      node.params = { lr: 1, damping: 0 };
    }
  }
  return JSON.stringify(graph);
}

describe('EngineSession: errors inside a run', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('a step that throws ends the run with its message; the next run works', async () => {
    const before = tf.memory().numTensors;
    const t = open();
    t.session.handle({ type: 'load', graph: singularGraph(), launch: 1 });
    t.session.handle({ type: 'start' });
    await t.session.whenFinished;
    const [ended] = t.done();
    expect(ended).toMatchObject({ type: 'done', run: 'train', status: 'stopped' });
    expect(ended?.type === 'done' && ended.reason).toMatch(/^stopped: .*singular/);
    expect(t.errors().map((e) => e.command)).toEqual(['run']);

    t.session.handle({ type: 'load', graph: quadraticGraph(), launch: 2 });
    t.session.handle({ type: 'start' });
    await t.session.whenFinished;
    expect(t.done().at(-1)).toMatchObject({ status: 'completed', steps: 3 });
    t.session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an uncaught error in the host (failRun) ends the open run and leaves the engine ready', async () => {
    const t = open();
    t.session.handle({ type: 'load', graph: quadraticGraph({ maxSteps: 1000 }), launch: 1 });
    t.session.handle({ type: 'step' }); // paused after one step: a run is open
    t.session.failRun(new Error('boom in a timer\n    at somewhere.js:1'));
    await t.session.whenFinished;
    expect(t.done()).toEqual([
      expect.objectContaining({
        run: 'train',
        status: 'stopped',
        reason: 'stopped: boom in a timer',
      }),
    ]);
    expect(t.errors().at(-1)).toMatchObject({
      command: 'run',
      problems: [{ path: 'run', message: expect.stringMatching(/^boom in a timer/) }],
    });
    t.session.handle({ type: 'load', graph: quadraticGraph(), launch: 2 });
    t.session.handle({ type: 'start' });
    await t.session.whenFinished;
    expect(t.done().at(-1)).toMatchObject({ status: 'completed', steps: 3 });
    t.session.dispose();
  });

  it('failRun with nothing running only reports the error', () => {
    const t = open();
    t.session.failRun('stray rejection');
    expect(t.done()).toEqual([]);
    expect(t.errors()).toEqual([
      { type: 'error', command: 'run', problems: [{ path: 'run', message: 'stray rejection' }] },
    ]);
  });
});
