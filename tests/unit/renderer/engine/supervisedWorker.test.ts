/**
 * The web-mode engine supervisor with a fake worker and a hand-driven clock: heartbeats keep
 * a worker alive, silence, `error` or `messageerror` replace it, and restarts are bounded.
 */
import { describe, expect, it } from 'vitest';
import { HEARTBEAT } from '../../../../src-renderer/engine/heartbeat';
import { supervisedWorkerPort } from '../../../../src-renderer/engine/supervisedWorker';

class FakeWorker {
  readonly sent: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: string, fields: Record<string, unknown> = {}): void {
    const event = Object.assign(new Event(type, { cancelable: true }), fields);
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function setup(maxRestarts = 3) {
  const workers: FakeWorker[] = [];
  let time = 0;
  let tick: () => void = () => {};
  const port = supervisedWorkerPort(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    {
      hungAfterMs: 5000,
      startupMs: 20_000,
      maxRestarts,
      now: () => time,
      every: (_ms, fn) => {
        tick = fn;
        return () => {
          tick = () => {};
        };
      },
    },
  );
  const received: unknown[] = [];
  const lost: string[] = [];
  port.onMessage((data) => received.push(data));
  port.onHostLost((reason) => lost.push(reason));
  /** Moves the clock and lets the watchdog look. */
  const advance = (ms: number) => {
    time += ms;
    tick();
  };
  return { port, workers, received, lost, advance };
}

describe('supervisedWorkerPort', () => {
  it('passes engine messages through, swallows heartbeats, posts to the live worker', () => {
    const t = setup();
    t.workers[0]!.emit('message', { data: HEARTBEAT });
    t.workers[0]!.emit('message', { data: { type: 'state', launch: 0, state: 'idle' } });
    expect(t.received).toEqual([{ type: 'state', launch: 0, state: 'idle' }]);
    t.port.postMessage({ type: 'start' });
    expect(t.workers[0]!.sent).toEqual([{ type: 'start' }]);
  });

  it('heartbeats keep a busy worker; silence past the limit replaces it', () => {
    const t = setup();
    for (let i = 0; i < 10; i++) {
      t.advance(4000);
      t.workers[0]!.emit('message', { data: HEARTBEAT });
    }
    expect(t.workers).toHaveLength(1);
    expect(t.lost).toEqual([]);
    t.advance(5001);
    expect(t.workers[0]!.terminated).toBe(true);
    expect(t.lost).toEqual(['the engine did not respond for 5 s']);
    expect(t.workers).toHaveLength(2);
    // Commands now go to the fresh worker; the dead one's late messages are ignored.
    t.port.postMessage({ type: 'stop' });
    expect(t.workers[1]!.sent).toEqual([{ type: 'stop' }]);
    t.workers[0]!.emit('message', { data: { type: 'state', launch: 9, state: 'running' } });
    expect(t.received).toEqual([]);
  });

  it('a worker still loading (silent since it started) gets the startup limit, not the hung one', () => {
    const t = setup();
    t.advance(19_000);
    expect(t.lost).toEqual([]);
    t.advance(1001);
    expect(t.lost).toEqual(['the engine did not respond for 20 s']);
    // The fresh worker speaks once: from then on, 5 s of silence is a hang.
    t.workers[1]!.emit('message', { data: HEARTBEAT });
    t.advance(5001);
    expect(t.lost.at(-1)).toBe('the engine did not respond for 5 s');
    expect(t.workers).toHaveLength(3);
  });

  it("the worker's error and messageerror events replace it at once", () => {
    const t = setup();
    t.workers[0]!.emit('error', { message: 'Uncaught RangeError: out of memory' });
    expect(t.lost).toEqual(['Uncaught RangeError: out of memory']);
    t.workers[1]!.emit('messageerror');
    expect(t.lost.at(-1)).toBe('a message from the engine could not be read');
    expect(t.workers.map((w) => w.terminated)).toEqual([true, true, false]);
  });

  it('stops restarting after too many losses in a minute and says so', () => {
    const t = setup(2);
    for (let i = 0; i < 3; i++) t.workers.at(-1)!.emit('error', { message: `crash ${i}` });
    expect(t.workers).toHaveLength(3); // the first and two restarts
    expect(t.received.at(-1)).toMatchObject({
      type: 'error',
      command: 'engine',
      problems: [
        {
          path: 'worker',
          message: expect.stringMatching(/stopped 3 times in a minute \(crash 2\)/),
        },
      ],
    });
  });

  it('close terminates the worker and stops watching', () => {
    const t = setup();
    t.port.close?.();
    expect(t.workers[0]!.terminated).toBe(true);
    t.advance(60_000);
    expect(t.workers).toHaveLength(1);
  });
});
