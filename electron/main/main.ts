import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import type { AppContext } from '../services/context';
import { defaultUserDataDir } from '../services/paths';
import * as projects from '../services/projects';
import { type Handlers, serviceHandlers } from '../services/router';
import { EVENT_CHANNEL, registerIpc } from './ipc';
import { registerAppProtocol } from './protocol';
import { APP_ORIGIN, APP_SCHEME, hardenContents, hardenSession, windowOptions } from './security';

/**
 * The Electron door: windows, menu, protocol, security and IPC. No domain logic lives here;
 * every call goes to the same services the browser host and the CLI use.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(here, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(distDir, 'preload', 'preload.cjs');

const contexts = new Map<number, AppContext>();

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// One user-data folder for the desktop app and the terminal, also when Electron runs unpackaged
// (`npm start`, where its default would be named after Electron); LIAISON_USER_DATA moves it.
app.setPath('userData', defaultUserDataDir());

/** Calls that need native UI; everything else is the services' own handler. */
export const handlers: Handlers = {
  ...serviceHandlers,
  'dialogs.pickProject': async (ctx, input) => {
    const win = BrowserWindow.getFocusedWindow();
    const filters = [{ name: 'Liaison project', extensions: ['liaison'] }];
    if (input.mode === 'create') {
      const result = win
        ? await dialog.showSaveDialog(win, { title: 'New project', filters, properties: ['createDirectory', 'showOverwriteConfirmation'] })
        : await dialog.showSaveDialog({ title: 'New project', filters });
      return result.canceled || !result.filePath ? null : { path: result.filePath };
    }
    const options = { title: 'Open project', filters, properties: ['openFile' as const] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    void ctx;
    return result.canceled || result.filePaths.length === 0 ? null : { path: result.filePaths[0] };
  },
};

handlers['dialogs.pickImportSources'] = async (_ctx, input) => {
  const win = BrowserWindow.getFocusedWindow();
  const options = {
    title: input.kind === 'folder' ? 'Import folders' : 'Import files',
    properties: input.kind === 'folder' ? (['openDirectory', 'multiSelections'] as const) : (['openFile', 'multiSelections'] as const),
    ...(input.kind === 'files' ? { filters: [{ name: 'Articles', extensions: ['txt', 'md', 'html', 'htm', 'pdf', 'docx', 'eml', 'json', 'jsonl'] }] } : {}),
  };
  const result = win ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] }) : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
  return result.canceled || result.filePaths.length === 0 ? null : { paths: result.filePaths };
};

function buildMenu(): Menu {
  return Menu.buildFromTemplate([
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }])],
    },
    { role: 'windowMenu' },
  ]);
}

/** `electron . --project FILE` opens that project in the first window (the e2e fixture uses it). */
function projectFromArgv(argv: string[]): string | undefined {
  const i = argv.indexOf('--project');
  return i >= 0 ? argv[i + 1] : undefined;
}

export function createWindow(projectPath?: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath));
  const id = win.webContents.id;
  const ctx: AppContext = {
    mode: 'electron',
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    store: null,
    emit: (event, payload) => {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
    },
  };
  contexts.set(id, ctx);
  if (projectPath) {
    try {
      projects.open(ctx, { path: path.resolve(projectPath) });
    } catch (err) {
      dialog.showErrorBox('Liaison could not open the project', (err as Error).message);
    }
  }
  win.on('closed', () => {
    ctx.store?.close();
    contexts.delete(id);
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) createWindow();
});

/** Resolves once the app is ready and the first window exists (the unit test waits on it). */
export const ready: Promise<void> = app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, rendererDir);
  registerIpc(ipcMain, handlers, (senderId) => contexts.get(senderId));
  Menu.setApplicationMenu(buildMenu());
  createWindow(projectFromArgv(process.argv));
});
