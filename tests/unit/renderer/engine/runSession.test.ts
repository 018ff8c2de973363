/**
 * Run controls against a recorded engine: clicks made while a launch is still loading add to
 * it (one load, then every step asked for) instead of loading the graph again; a failed load
 * lets the next click load again.
 */
import { describe, expect, it } from 'vitest';
import { recordedEngine } from './recordedEngine';

function setup() {
  const engine = recordedEngine('quickstart');
  const commands = () => engine.commands().map((m) => m.type);
  const state = (launch: number, s: string) => engine.deliver({ type: 'state', launch, state: s });
  return { session: engine.session, commands, state, deliver: engine.deliver };
}

describe('run session', () => {
  it('three quick Steps load once, then take three steps', () => {
    const t = setup();
    t.session.step();
    t.session.step();
    t.session.step();
    expect(t.commands()).toEqual(['load']);
    t.state(1, 'loaded');
    expect(t.commands()).toEqual(['load', 'step', 'step', 'step']);
    t.state(1, 'paused');
    t.session.step();
    expect(t.commands()).toEqual(['load', 'step', 'step', 'step', 'step']);
    t.session.dispose();
  });

  it('Run while loading runs that launch; Pause and Stop reach a running one', () => {
    const t = setup();
    t.session.run();
    t.session.run();
    t.session.step(); // about to run: nothing to step
    expect(t.commands()).toEqual(['load']);
    t.state(1, 'loaded');
    t.session.run(); // loaded, start already sent
    expect(t.commands()).toEqual(['load', 'start']);
    t.state(1, 'running');
    t.session.pause();
    t.state(1, 'paused');
    t.session.step();
    t.session.stop();
    expect(t.commands()).toEqual(['load', 'start', 'pause', 'step', 'stop']);
    t.session.dispose();
  });

  it('after a failed load, the next click loads again', () => {
    const t = setup();
    t.session.step();
    t.deliver({ type: 'error', command: 'load', problems: [{ path: 'graph', message: 'bad' }] });
    t.session.step();
    expect(t.commands()).toEqual(['load', 'load']);
    t.session.dispose();
  });
});
