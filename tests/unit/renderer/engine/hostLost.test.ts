/**
 * When the engine's host dies mid-run, the run session forgets what it had (the fresh engine
 * has nothing loaded): the open run ends as `stopped: engine crashed`, the engine reads idle so
 * Run is enabled, and Run loads the graph again into the new engine.
 */
import { describe, expect, it } from 'vitest';
import { EngineClient, type EnginePort } from '../../../../src-renderer/engine/engineClient';
import { createRunSession } from '../../../../src-renderer/engine/runSession';
import { createRunStore } from '../../../../src-renderer/engine/runStore';
import { createDocumentStore } from '../../../../src-shared/editor/document-store';
import { smallGraph } from '../fixtures';

function fakePort() {
  const sent: { type: string; launch?: number }[] = [];
  let deliver: (data: unknown) => void = () => {};
  let lose: (reason: string) => void = () => {};
  const port: EnginePort = {
    postMessage: (message) => sent.push(message as { type: string }),
    onMessage(listener) {
      deliver = listener;
      return () => {};
    },
    onHostLost(listener) {
      lose = listener;
      return () => {};
    },
  };
  return { port, sent, deliver: (data: unknown) => deliver(data), lose: (r: string) => lose(r) };
}

describe('a lost engine host', () => {
  it('ends the open run, re-enables Run, and the next Run loads into the fresh engine', () => {
    const fake = fakePort();
    const frames: (() => void)[] = [];
    const client = new EngineClient(fake.port, (callback) => frames.push(callback));
    const runs = createRunStore();
    const documents = createDocumentStore(smallGraph(), { name: 'small.json', path: null });
    const session = createRunSession(client, runs, documents);
    const drawFrame = () => {
      for (const frame of frames.splice(0)) frame();
    };

    session.run();
    const load = fake.sent.find((m) => m.type === 'load')!;
    fake.deliver({ type: 'state', launch: load.launch, state: 'loaded' });
    expect(fake.sent.filter((m) => m.type === 'start')).toHaveLength(1);
    fake.deliver({ type: 'state', launch: load.launch, state: 'running' });
    fake.deliver({
      type: 'events',
      launch: load.launch,
      events: [
        {
          type: 'start',
          run: 'train',
          backend: 'cpu',
          backendReason: 'test',
          optimizer: 'optimizer.adam',
          model: 'model.mlp',
          dataset: 'dataset.spiral',
          parameters: 1000,
          totalSteps: 100,
          stepsPerEpoch: 10,
          seed: 0,
        },
      ],
    });
    drawFrame();
    expect(runs.getSnapshot().engine.state).toBe('running');
    expect(runs.getSnapshot().runs.map((r) => r.phase)).toEqual(['running']);
    session.run(); // while running, Run does nothing
    expect(fake.sent.filter((m) => m.type === 'load')).toHaveLength(1);

    fake.lose('the engine did not respond for 20 s');
    const after = runs.getSnapshot();
    expect(after.engine.state).toBe('idle');
    expect(after.runs.map((r) => [r.phase, r.reason])).toEqual([
      ['stopped', 'stopped: engine crashed'],
    ]);
    expect(after.notice?.title).toBe('The compute engine crashed');

    session.run();
    const loads = fake.sent.filter((m) => m.type === 'load');
    expect(loads).toHaveLength(2);
    expect(loads[1]!.launch).toBe(load.launch! + 1);
    session.dispose();
  });
});
