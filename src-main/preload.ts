/**
 * Sandboxed preload (emitted as CommonJS): exposes exactly one typed bridge, `window.atlas`.
 * Nothing of Electron or Node leaks into the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  type AtlasBridge,
  ENGINE_PORT_MESSAGE,
  IpcChannel,
  type MenuCommand,
  MenuCommandSchema,
} from '../src-shared/protocol/bridge';

const bridge: AtlasBridge = {
  hostInfo: () => ipcRenderer.invoke(IpcChannel.hostInfo),
  openGraph: () => ipcRenderer.invoke(IpcChannel.openGraph),
  saveGraph: (request) => ipcRenderer.invoke(IpcChannel.saveGraph, request),
  exportFile: (request) => ipcRenderer.invoke(IpcChannel.exportFile, request),
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const handler = (_event: unknown, command: unknown) => {
      const parsed = MenuCommandSchema.safeParse(command);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(IpcChannel.menu, handler);
    return () => ipcRenderer.removeListener(IpcChannel.menu, handler);
  },
  onEngineHostCrashed(listener: (reason: string) => void) {
    const handler = (_event: unknown, reason: unknown) =>
      listener(typeof reason === 'string' ? reason : 'unknown');
    ipcRenderer.on(IpcChannel.engineCrashed, handler);
    return () => ipcRenderer.removeListener(IpcChannel.engineCrashed, handler);
  },
};

// MessagePorts cannot cross the context bridge: hand the engine's port to the page itself.
ipcRenderer.on(IpcChannel.enginePort, (event) => {
  window.postMessage(
    ENGINE_PORT_MESSAGE,
    window.location.origin === 'null' ? '*' : window.location.origin,
    event.ports,
  );
});

contextBridge.exposeInMainWorld('atlas', bridge);
