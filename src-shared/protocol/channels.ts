/** Electron IPC channel names (no dependencies, so the tiny compute preload stays tiny). */

export const IpcChannel = {
  openGraph: 'atlas:open-graph',
  saveGraph: 'atlas:save-graph',
  exportFile: 'atlas:export-file',
  menu: 'atlas:menu',
  hostInfo: 'atlas:host-info',
  /** Main → UI and compute windows: one end each of the engine's MessageChannel. */
  enginePort: 'atlas:engine-port',
  /** Main → UI: the compute window died (reason); a fresh one and a new port follow. */
  engineCrashed: 'atlas:engine-crashed',
} as const;

/** The window message a preload posts to hand its page the engine's MessagePort. */
export const ENGINE_PORT_MESSAGE = 'atlas:engine-port';
