/**
 * The engine's home in the desktop app: a hidden, sandboxed window, so that Chromium's GPU
 * process gives tfjs WebGL (WebGPU where present). Main hands one end of a MessageChannel
 * to it and the other to the UI; if the compute window dies, main tells the UI (its runs
 * end as `stopped: compute host crashed`) and starts a fresh one rather than hanging.
 */
import { join } from 'node:path';
import { BrowserWindow, MessageChannelMain } from 'electron';
import { IpcChannel } from '../src-shared/protocol/bridge';

const RESTART_LIMIT = 5;
const RESTART_WINDOW_MS = 60_000;

export class ComputeHost {
  private window: BrowserWindow | null = null;
  private restarts: number[] = [];
  private disposed = false;

  constructor(
    private readonly ui: BrowserWindow,
    private readonly load: (win: BrowserWindow, page: string) => Promise<void>,
  ) {}

  /** (Re)creates the compute window and connects it to the UI with a new channel. */
  async start(): Promise<void> {
    this.window?.destroy();
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        preload: join(__dirname, '../preload/computePreload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        backgroundThrottling: false, // a hidden window must keep training at full speed
      },
    });
    this.window = win;
    win.webContents.on('render-process-gone', (_event, details) => this.crashed(details.reason));
    // Navigation and new windows are refused app-wide (index.ts, web-contents-created).
    await this.load(win, 'compute.html');
    const { port1, port2 } = new MessageChannelMain();
    win.webContents.postMessage(IpcChannel.enginePort, null, [port1]);
    this.ui.webContents.postMessage(IpcChannel.enginePort, null, [port2]);
  }

  dispose(): void {
    this.disposed = true;
    this.window?.destroy();
    this.window = null;
  }

  private crashed(reason: string): void {
    if (this.disposed || this.ui.isDestroyed()) return;
    this.ui.webContents.send(IpcChannel.engineCrashed, reason);
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    // A host that keeps dying is not restarted forever: the UI already says why.
    if (this.restarts.length <= RESTART_LIMIT) void this.start();
  }
}
