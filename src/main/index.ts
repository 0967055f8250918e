import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { builtPaths } from './builtPaths';
import { EngineError } from './engine/errors';
import { type EngineHost, startEngineHost } from './engine/host';
import { registerIpcApi } from './ipc';
import { createPdfExporter } from './pdf/pdfExport';
import { registerPdfIpc } from './pdf/pdfIpc';
import { contentSecurityPolicy } from './security/csp';
import { downloadDialogOptions, isAppDownload } from './security/downloads';
import {
  isAppUrl,
  isExternalUrlAllowed,
  isNavigationAllowed,
  isPermissionGranted,
  secureWebPreferences,
} from './security/windowSecurity';

const paths = builtPaths(__dirname);
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
let host: EngineHost | null = null;

/** better-sqlite3 built for Electron's ABI by scripts/start.mjs, when present. */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  // Nothing remote is ever loaded: refuse every request that is not the app's own files.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // blob: URLs are files the page built itself, such as a CSV export being saved.
    const local =
      details.url.startsWith('file:') ||
      details.url.startsWith('devtools:') ||
      details.url.startsWith('data:') ||
      isAppDownload(details.url);
    const dev = devServerUrl !== undefined && details.url.startsWith(devServerUrl);
    callback({ cancel: !(local || dev) });
  });
  // A CSV export is saved where the user says, through the save dialog; nothing else downloads.
  session.defaultSession.on('will-download', (_event, item) => {
    if (!isAppDownload(item.getURL())) {
      item.cancel();
      return;
    }
    item.setSaveDialogOptions(downloadDialogOptions(item.getFilename(), app.getPath('downloads')));
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, contents.getURL())) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalUrlAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Stagecoach',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(paths.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(paths.rendererDir, 'index.html'));
  return window;
}

async function start(): Promise<void> {
  hardenSessions();
  const dbPath = join(app.getPath('userData'), 'stagecoach.db');
  try {
    host = await startEngineHost({
      dbPath,
      workerPath: paths.workerPath,
      seedDemoIfNew: true,
      nativeBinding: electronNativeBinding(),
    });
  } catch (error) {
    const message = error instanceof EngineError ? error.message : String(error);
    dialog.showErrorBox('Stagecoach cannot open its workspace', message);
    app.exit(1);
    return;
  }
  const engine = host;
  registerIpcApi(ipcMain, engine, (url) => isAppUrl(url, paths.rendererDir, devServerUrl));
  registerPdfIpc(
    ipcMain,
    createPdfExporter({
      call: (method, input) => engine.call(method, input),
      window: { rendererDir: paths.rendererDir, preloadPath: paths.preloadPath, devServerUrl },
    }),
    (url) => isAppUrl(url, paths.rendererDir, devServerUrl),
  );
  engine.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('engine:event', event);
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  void app.whenReady().then(start);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!host) return;
    event.preventDefault();
    const closing = host;
    host = null;
    void closing.close().finally(() => app.quit());
  });
}
