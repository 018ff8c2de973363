/**
 * Electron main process: the thin edge. It creates the window with secure defaults, serves
 * the pages from the privileged app:// scheme, builds the app menu and native dialogs, and
 * wires IPC (sender checked, payload validated) to the plain-Node handlers. The rules live in
 * security.ts and are held to Electron's security checklist by tests/unit/main.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  protocol,
  session,
  shell,
} from 'electron';
import { IpcChannel, type MenuCommand } from '../src-shared/protocol/bridge';
import { createAppRequestHandler } from './appProtocol';
import { ComputeHost } from './computeHost';
import { createIpcHandlers, type Dialogs } from './ipcHandlers';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appPageUrl,
  assertTrustedSender,
  isAllowedExternal,
  trustedOrigins,
} from './security';
import { RecentFiles } from './services/graphFiles';

// Must happen before `ready`: app:// behaves like a secure, standard origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

/** The dev server's URL in development (electron-vite), never in a packaged app. */
const devServerUrl =
  process.env.ELECTRON_RENDERER_URL && !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : null;

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Gradient Atlas',
    backgroundColor: '#11141a',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The page refuses to unload while it has unsaved changes: ask natively.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Discard changes', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'This graph has unsaved changes.',
      detail: 'Close anyway and lose them? (An autosaved copy is offered the next time you start.)',
    });
    if (choice === 0) event.preventDefault(); // preventDefault here lets the unload go ahead
  });
  void loadPage(win, 'index.html');
  // The engine runs in its own hidden window; a UI reload gets a fresh engine and port.
  const compute = new ComputeHost(win, loadPage);
  win.webContents.on('did-finish-load', () => void compute.start());
  win.on('closed', () => compute.dispose());
  return win;
}

/** Loads one of the renderer's pages: the dev server in development, app:// otherwise. */
async function loadPage(win: BrowserWindow, page: string): Promise<void> {
  if (devServerUrl) {
    const base = devServerUrl.endsWith('/') ? devServerUrl : `${devServerUrl}/`;
    await win.loadURL(new URL(page, base).toString());
  } else await win.loadURL(appPageUrl(page));
}

function sendMenu(command: MenuCommand): void {
  mainWindow?.webContents.send(IpcChannel.menu, command);
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => sendMenu('new') },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => sendMenu('open') },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => sendMenu('save') },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => sendMenu('saveAs') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

const dialogs: Dialogs = {
  async chooseOpenPath() {
    const result = await dialog.showOpenDialog({
      properties: ['openFile'],
      filters: [{ name: 'Gradient Atlas graph', extensions: ['json'] }],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async chooseSavePath(suggestedName, filters) {
    const result = await dialog.showSaveDialog({ defaultPath: suggestedName, filters });
    return result.canceled ? null : (result.filePath ?? null);
  },
};

// Every web contents, now or later (windows, and any webview or popup someone adds): no
// navigation away from the app, no new windows (allowed links open in the system browser),
// no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, createAppRequestHandler(join(__dirname, '../renderer')));
  // The app loads only its own files: refuse every permission request and check.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  const handlers = createIpcHandlers({
    dialogs,
    recent: new RecentFiles(join(app.getPath('userData'), 'recent.json')),
    hostInfo: { host: 'electron', platform: process.platform, version: app.getVersion() },
  });
  // Each channel answers only the top frame of the app's own pages.
  const origins = trustedOrigins(devServerUrl ?? undefined);
  const handle = (channel: string, handler: (payload: unknown) => Promise<unknown>) =>
    ipcMain.handle(channel, (event, payload: unknown) => {
      assertTrustedSender(channel, event.senderFrame, origins);
      return handler(payload);
    });
  handle(IpcChannel.hostInfo, () => handlers.hostInfo());
  handle(IpcChannel.openGraph, () => handlers.openGraph());
  handle(IpcChannel.saveGraph, (payload) => handlers.saveGraph(payload));
  handle(IpcChannel.exportFile, (payload) => handlers.exportFile(payload));

  Menu.setApplicationMenu(buildMenu());
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
