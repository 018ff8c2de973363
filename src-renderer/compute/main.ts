/**
 * The hidden compute window's page (Electron): waits for its end of the engine's
 * MessageChannel, then runs the same engine host as web mode's Worker — here with
 * Chromium's GPU process behind tfjs's WebGPU or WebGL backend (`?backend=` overrides).
 */
import { parseBackendOverride } from '../../src-shared/engine/backend';
import { ENGINE_PORT_MESSAGE } from '../../src-shared/protocol/bridge';
import { startEngineHost } from '../engine/engineHost';

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window || event.data !== ENGINE_PORT_MESSAGE) return;
  const [port] = event.ports;
  const requested = parseBackendOverride(new URLSearchParams(location.search).get('backend'));
  if (port) void startEngineHost(port, 'electron', requested);
});
