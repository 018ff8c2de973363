/**
 * Electron main process: the thin edge. It creates the window with secure defaults, the
 * app menu, native dialogs, and wires validated IPC to the plain-Node handlers.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  session,
  shell,
} from 'electron';
import { IpcChannel, type MenuCommand } from '../src-shared/protocol/bridge';
import { ComputeHost } from './computeHost';
import { createIpcHandlers, type Dialogs } from './ipcHandlers';
import { CONTENT_SECURITY_POLICY } from './security';
import { RecentFiles } from './services/graphFiles';

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
      webSecurity: true,
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
  // No navigation away from the app and no new windows: links open in the system browser.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void loadPage(win, 'index.html');
  // The engine runs in its own hidden window; a UI reload gets a fresh engine and port.
  const compute = new ComputeHost(win, loadPage);
  win.webContents.on('did-finish-load', () => void compute.start());
  win.on('closed', () => compute.dispose());
  return win;
}

/** Loads one of the renderer's pages: the dev server in development, the built files otherwise. */
async function loadPage(win: BrowserWindow, page: string): Promise<void> {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl && !app.isPackaged)
    await win.loadURL(new URL(page, devUrl.endsWith('/') ? devUrl : `${devUrl}/`).toString());
  else await win.loadFile(join(__dirname, '../renderer', page));
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

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  // The app loads only its own files: refuse every permission request.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );

  const handlers = createIpcHandlers({
    dialogs,
    recent: new RecentFiles(join(app.getPath('userData'), 'recent.json')),
    hostInfo: { host: 'electron', platform: process.platform, version: app.getVersion() },
  });
  ipcMain.handle(IpcChannel.hostInfo, () => handlers.hostInfo());
  ipcMain.handle(IpcChannel.openGraph, () => handlers.openGraph());
  ipcMain.handle(IpcChannel.saveGraph, (_event, payload: unknown) => handlers.saveGraph(payload));
  ipcMain.handle(IpcChannel.exportFile, (_event, payload: unknown) => handlers.exportFile(payload));

  Menu.setApplicationMenu(buildMenu());
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
