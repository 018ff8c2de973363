/**
 * The landscape queue in front of the engine: side-by-side panes take turns (the engine runs
 * one landscape and a new request cancels the running one), request numbers never collide,
 * a pane's newer request replaces its own, errors reach only the pane that asked, a pane's
 * cancel stops only its own work, and a new launch or a lost engine forgets what was queued.
 */
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createLandscapeQueue } from '../../../../src-renderer/landscape/landscapeQueue';
import type { EngineCommand, EngineMessage } from '../../../../src-shared/protocol/engine';
import type { LandscapeCommand } from '../../../../src-shared/protocol/landscape';

function setup() {
  const messages = new Subject<EngineMessage>();
  const hostLost = new Subject<string>();
  const sent: EngineCommand[] = [];
  const queue = createLandscapeQueue({
    messages$: messages,
    hostLost$: hostLost,
    send: (c) => void sent.push(c),
  });
  const result = (request: number) =>
    messages.next({
      type: 'landscapeResult',
      launch: 1,
      request,
      view: 'v',
      runs: [],
      result: {
        axes: [
          { name: 'alpha', values: [0, 1] },
          { name: 'beta', values: [0, 1] },
        ],
        grid: 2,
        loss: new Float32Array(4),
        directions: { type: 'random' },
        model: { type: 'mlp', task: 'classification', size: 1 },
        paths: [],
        notes: [],
      },
    });
  const error = () =>
    messages.next({
      type: 'error',
      command: 'landscape',
      problems: [{ path: 'v', message: 'no' }],
    });
  const requests = () => sent.map((c) => (c.type === 'landscape' ? c.request : c.type));
  return { queue, messages, hostLost, sent, result, error, requests };
}

const ask = (request: number, view: string): LandscapeCommand => ({
  type: 'landscape',
  request,
  view,
});

describe('landscape queue', () => {
  it('numbers requests uniquely across panes and sends one at a time, in order', () => {
    const t = setup();
    const a = t.queue.channel();
    const b = t.queue.channel();
    const ra = a.nextRequest();
    const rb = b.nextRequest();
    expect([ra, rb]).toEqual([1, 2]);
    a.send(ask(ra, 'a'));
    b.send(ask(rb, 'b'));
    expect(t.requests()).toEqual([1]);
    t.result(1);
    expect(t.requests()).toEqual([1, 2]);
    t.result(2);
    expect(t.requests()).toEqual([1, 2]);
  });

  it("a pane's newer request replaces its own: at once when running, in place when waiting", () => {
    const t = setup();
    const a = t.queue.channel();
    const b = t.queue.channel();
    const c = t.queue.channel();
    a.send(ask(a.nextRequest(), 'a')); // 1 runs
    b.send(ask(b.nextRequest(), 'b')); // 2 waits
    c.send(ask(c.nextRequest(), 'c')); // 3 waits
    b.send(ask(b.nextRequest(), 'b')); // 4 replaces 2, before 3
    a.send(ask(a.nextRequest(), 'a')); // 5 replaces 1 in the engine now
    expect(t.requests()).toEqual([1, 5]);
    t.result(1); // the replaced answer does not end the turn
    expect(t.requests()).toEqual([1, 5]);
    t.result(5);
    expect(t.requests()).toEqual([1, 5, 4]);
    t.result(4);
    expect(t.requests()).toEqual([1, 5, 4, 3]);
  });

  it('an error goes only to the pane whose request was running, and ends its turn', () => {
    const t = setup();
    const a = t.queue.channel();
    const b = t.queue.channel();
    const seen = { a: [] as string[], b: [] as string[] };
    a.messages$.subscribe((m) => seen.a.push(m.type));
    b.messages$.subscribe((m) => seen.b.push(m.type));
    a.send(ask(a.nextRequest(), 'a'));
    b.send(ask(b.nextRequest(), 'b'));
    t.error();
    expect(seen).toEqual({ a: ['error'], b: [] });
    expect(t.requests()).toEqual([1, 2]);
    t.result(2);
    expect(seen).toEqual({ a: ['error', 'landscapeResult'], b: ['landscapeResult'] });
  });

  it('cancel: a waiting request is dropped; a running one is cancelled and the next goes', () => {
    const t = setup();
    const a = t.queue.channel();
    const b = t.queue.channel();
    const c = t.queue.channel();
    a.send(ask(a.nextRequest(), 'a'));
    b.send(ask(b.nextRequest(), 'b'));
    c.send(ask(c.nextRequest(), 'c'));
    b.cancel();
    expect(t.requests()).toEqual([1]);
    c.cancel();
    a.cancel();
    expect(t.requests()).toEqual([1, 'landscapeCancel']);
    const d = t.queue.channel();
    d.send(ask(d.nextRequest(), 'd'));
    expect(t.requests()).toEqual([1, 'landscapeCancel', 4]);
  });

  it('a new launch or a lost engine forgets what ran and waited', () => {
    const t = setup();
    const a = t.queue.channel();
    const b = t.queue.channel();
    a.send(ask(a.nextRequest(), 'a'));
    b.send(ask(b.nextRequest(), 'b'));
    t.messages.next({ type: 'state', launch: 1, state: 'loaded' });
    b.send(ask(b.nextRequest(), 'b'));
    expect(t.requests()).toEqual([1, 3]);
    a.send(ask(a.nextRequest(), 'a'));
    t.hostLost.next('crashed');
    a.send(ask(a.nextRequest(), 'a'));
    expect(t.requests()).toEqual([1, 3, 5]);
    // The same launch again is no new launch: the running request stays.
    t.messages.next({ type: 'state', launch: 1, state: 'running' });
    b.send(ask(b.nextRequest(), 'b'));
    expect(t.requests()).toEqual([1, 3, 5]);
    t.result(5);
    expect(t.requests()).toEqual([1, 3, 5, 6]);
  });
});
