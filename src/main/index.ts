import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { builtPaths } from './builtPaths';
import { EngineError } from './engine/errors';
import { type EngineHost, startEngineHost } from './engine/host';
import { registerIpcApi } from './ipc';
import { createPdfExporter } from './pdf/pdfExport';
import { registerPdfIpc } from './pdf/pdfIpc';
import { guardWebContents, hardenSession } from './security/sessionSecurity';
import { appWindowOptions, isAppUrl } from './security/windowSecurity';

const paths = builtPaths(__dirname);
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
let host: EngineHost | null = null;

/** better-sqlite3 built for Electron's ABI by scripts/start.mjs, when present. */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

function hardenSessions(): void {
  hardenSession(session.defaultSession, {
    rendererDir: paths.rendererDir,
    devServerUrl,
    downloadsDir: () => app.getPath('downloads'),
  });
  // Every web contents: the app window, the hidden PDF print window, and any other.
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (url) => shell.openExternal(url)),
  );
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(appWindowOptions(paths.preloadPath));
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
