/**
 * Electron: the engine lives in main's hidden compute window, reached through a MessagePort
 * the preload hands this page. Commands sent before the port arrives wait for it; when the
 * compute window crashes, open runs are reported as stopped and the next port (from the
 * fresh window main starts) takes over.
 */
import type { AtlasBridge } from '../../src-shared/protocol/bridge';
import { ENGINE_PORT_MESSAGE } from '../../src-shared/protocol/channels';
import type { EnginePort } from './engineClient';
import { portListeners } from './portListeners';

export function electronEnginePort(
  bridge: AtlasBridge,
  onHostLost?: (reason: string) => void,
): EnginePort {
  const listeners = portListeners();
  let port: MessagePort | null = null;
  const pending: unknown[] = [];

  const attach = (next: MessagePort) => {
    port?.close();
    port = next;
    next.onmessage = (event) => listeners.deliver(event.data);
    for (const message of pending.splice(0)) next.postMessage(message);
  };
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window || event.data !== ENGINE_PORT_MESSAGE) return;
    const [next] = event.ports;
    if (next) attach(next);
  });
  bridge.onEngineHostCrashed?.((reason) => {
    port?.close();
    port = null;
    onHostLost?.(reason);
    listeners.hostLost(reason);
  });

  return {
    postMessage(message) {
      if (port) port.postMessage(message);
      else pending.push(message);
    },
    ...listeners.subscribe,
    close: () => port?.close(),
  };
}
