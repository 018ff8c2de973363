import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronEnginePort } from '../../../../src-renderer/engine/electronPort';
import type { AtlasBridge } from '../../../../src-shared/protocol/bridge';
import { ENGINE_PORT_MESSAGE } from '../../../../src-shared/protocol/channels';
import { until } from '../../../support/until';

// The page side of the handover, with Node's MessageChannel standing in for Electron's.
const fakeWindow = new EventTarget();
// Node's MessageEvent only accepts a MessagePort as source: dress a plain Event instead.
const handOver = (port: MessagePort) => {
  const event = new Event('message');
  Object.defineProperties(event, {
    data: { value: ENGINE_PORT_MESSAGE },
    source: { value: fakeWindow },
    ports: { value: [port] },
  });
  fakeWindow.dispatchEvent(event);
};
const nextMessage = (port: MessagePort) =>
  new Promise((resolve) => {
    port.onmessage = (event) => resolve(event.data);
  });

function fakeBridge() {
  let crashed: ((reason: string) => void) | null = null;
  const bridge = {
    onEngineHostCrashed(listener: (reason: string) => void) {
      crashed = listener;
      return () => {};
    },
  } as unknown as AtlasBridge;
  return { bridge, crash: (reason: string) => crashed?.(reason) };
}

const channels: MessageChannel[] = [];
beforeEach(() => {
  (globalThis as { window?: unknown }).window = fakeWindow;
});
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
  delete (globalThis as { window?: unknown }).window;
});

describe('electronEnginePort', () => {
  it('holds commands until the port arrives, then delivers both ways', async () => {
    const { bridge } = fakeBridge();
    const port = electronEnginePort(bridge, () => {});
    const received: unknown[] = [];
    port.onMessage((data) => received.push(data));
    port.postMessage({ type: 'start' });
    const channel = new MessageChannel();
    channels.push(channel);
    const engineSide = nextMessage(channel.port2);
    handOver(channel.port1);
    expect(await engineSide).toEqual({ type: 'start' });
    channel.port2.postMessage({ type: 'state', state: 'idle', launch: 0 });
    await until('the engine’s message', () => received.length > 0);
    expect(received).toEqual([{ type: 'state', state: 'idle', launch: 0 }]);
  });

  it('reports a crash and switches to the fresh engine’s port', async () => {
    const { bridge, crash } = fakeBridge();
    const lost: string[] = [];
    const port = electronEnginePort(bridge, (reason) => lost.push(reason));
    const first = new MessageChannel();
    const second = new MessageChannel();
    channels.push(first, second);
    handOver(first.port1);
    crash('oom');
    expect(lost).toEqual(['oom']);
    port.postMessage({ type: 'stop' }); // waits: no engine right now
    const fresh = nextMessage(second.port2);
    handOver(second.port1);
    expect(await fresh).toEqual({ type: 'stop' });
  });
});
