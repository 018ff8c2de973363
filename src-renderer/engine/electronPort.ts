/**
 * Electron: the engine lives in main's hidden compute window, reached through a MessagePort
 * the preload hands this page. Commands sent before the port arrives wait for it; when the
 * compute window crashes, open runs are reported as stopped and the next port (from the
 * fresh window main starts) takes over.
 */
import type { AtlasBridge } from '../../src-shared/protocol/bridge';
import { ENGINE_PORT_MESSAGE } from '../../src-shared/protocol/channels';
import type { EnginePort } from './engineClient';

export function electronEnginePort(
  bridge: AtlasBridge,
  onHostLost?: (reason: string) => void,
): EnginePort {
  const lostListeners = new Set<(reason: string) => void>();
  let port: MessagePort | null = null;
  const pending: unknown[] = [];
  const listeners = new Set<(data: unknown) => void>();

  const attach = (next: MessagePort) => {
    port?.close();
    port = next;
    next.onmessage = (event) => {
      for (const listener of listeners) listener(event.data);
    };
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
    for (const listener of lostListeners) listener(reason);
  });

  return {
    postMessage(message) {
      if (port) port.postMessage(message);
      else pending.push(message);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onHostLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    close: () => port?.close(),
  };
}
