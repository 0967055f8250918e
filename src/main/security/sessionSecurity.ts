import { contentSecurityPolicy } from './csp';
import { type DownloadDialogOptions, downloadDialogOptions, isAppDownload } from './downloads';
import { isAppUrl, isExternalUrlAllowed, isNavigationAllowed, isPermissionGranted } from './windowSecurity';

/**
 * The handlers the desktop shell puts on its session and on every web contents, as plain
 * functions over the few members of Electron's objects they use, so the tests drive them
 * without Electron. index.ts calls hardenSession() once and guardWebContents() for each
 * web contents created (the app window, the hidden print window, anything else).
 */

export type PreventableEvent = { preventDefault(): void };

/** What the shell knows about the app's own files. */
export type AppLocation = {
  /** The built renderer folder (out/renderer). */
  rendererDir: string;
  /** The dev server while developing (ELECTRON_RENDERER_URL). */
  devServerUrl?: string;
};

/**
 * Nothing remote is ever loaded. A request may go to the app's own files (below the renderer
 * folder), to data: and blob: URLs the page made itself, to the developer tools, or to the dev
 * server while developing; every other request is cancelled.
 */
export function isRequestAllowed(url: string, app: AppLocation): boolean {
  if (url.startsWith('data:') || url.startsWith('devtools:') || isAppDownload(url)) return true;
  if (isAppUrl(url, app.rendererDir, app.devServerUrl)) return true;
  if (!app.devServerUrl) return false;
  // The dev server's hot reload talks over a WebSocket to the same host and port.
  try {
    const target = new URL(url);
    const dev = new URL(app.devServerUrl);
    return (target.protocol === 'ws:' || target.protocol === 'wss:') && target.host === dev.host;
  } catch {
    return false;
  }
}

/** The response headers with the app's CSP set (replacing whatever the response said). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
  );
  return { ...kept, 'Content-Security-Policy': [contentSecurityPolicy] };
}

export type DownloadItemLike = {
  getURL(): string;
  getFilename(): string;
  cancel(): void;
  setSaveDialogOptions(options: DownloadDialogOptions): void;
};

/** A CSV export is saved where the user says, through the save dialog; nothing else downloads. */
export function handleDownload(item: DownloadItemLike, downloadsDir: string): void {
  if (!isAppDownload(item.getURL())) {
    item.cancel();
    return;
  }
  item.setSaveDialogOptions(downloadDialogOptions(item.getFilename(), downloadsDir));
}

/** The members of Electron's Session that hardenSession() uses. */
export type SessionLike = {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
  on(event: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void): unknown;
};

/**
 * Hardens the session every window uses: no permission is granted (requests, checks, USB/HID/
 * serial devices), every response carries the app's CSP, every request that is not the app's
 * own is cancelled, and only the page's own CSV exports download (through the save dialog).
 */
export function hardenSession(session: SessionLike, app: AppLocation & { downloadsDir: () => string }): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
  );
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isRequestAllowed(details.url, app) }),
  );
  session.on('will-download', (_event, item) => handleDownload(item, app.downloadsDir()));
}

/** The answer to window.open and target=_blank links: never a new window. */
export type WindowOpenResponse = { action: 'deny' };

/**
 * window.open and links to new windows: always denied in the app; a link to an allowed site
 * (https, allow-listed host) opens in the system browser instead.
 */
export function handleWindowOpen(url: string, openExternal: (url: string) => unknown): WindowOpenResponse {
  if (isExternalUrlAllowed(url)) void openExternal(url);
  return { action: 'deny' };
}

/** The members of Electron's WebContents that guardWebContents() uses. */
export type WebContentsLike = {
  getURL(): string;
  on(
    event: 'will-navigate' | 'will-attach-webview',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void;
};

/**
 * Guards one web contents: no <webview> is ever attached, navigation stays on the page (hash
 * routes only; a redirect could only come from a request, and hardenSession cancels every remote
 * one), and window.open is denied (handleWindowOpen).
 */
export function guardWebContents(contents: WebContentsLike, openExternal: (url: string) => unknown): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, contents.getURL())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, openExternal));
}
