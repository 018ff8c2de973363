/**
 * Preload of the hidden compute window (sandboxed, CommonJS): hands the page its end of the
 * engine's MessageChannel. Nothing else is exposed.
 */
import { ipcRenderer } from 'electron';
import { ENGINE_PORT_MESSAGE, IpcChannel } from '../src-shared/protocol/channels';

ipcRenderer.on(IpcChannel.enginePort, (event) => {
  window.postMessage(
    ENGINE_PORT_MESSAGE,
    window.location.origin === 'null' ? '*' : window.location.origin,
    event.ports,
  );
});
