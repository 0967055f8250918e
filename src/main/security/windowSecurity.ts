import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The desktop window's security rules as plain functions, so they are tested without Electron:
 * an isolated, sandboxed renderer with no Node, no webviews, no navigation away from the app,
 * no new windows and no permissions.
 */

export type SecureWebPreferences = {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webviewTag: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  spellcheck: false;
};

export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The app window's options: its size, and the secure preferences. */
export function appWindowOptions(preloadPath: string) {
  return {
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Stagecoach',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/**
 * The hidden window that prints PDFs: the same preferences and preload as the app window (its
 * routes load their data through the API), never shown, and not throttled while hidden.
 */
export function printWindowOptions(preloadPath: string) {
  return {
    show: false,
    width: 1000,
    height: 1400,
    title: 'Stagecoach print',
    webPreferences: { ...secureWebPreferences(preloadPath), backgroundThrottling: false },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function sameOrigin(url: URL, devServerUrl: string | undefined): boolean {
  if (!devServerUrl) return false;
  const dev = parse(devServerUrl);
  return dev !== null && url.origin === dev.origin;
}

/**
 * Whether a URL belongs to the app itself: the built renderer on file:// (below `appRoot`),
 * or the dev server origin while developing. Encoded dots and slashes cannot climb out of the
 * folder: the path is decoded and normalized before it is compared.
 */
export function isAppUrl(url: string, appRoot: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (sameOrigin(parsed, devServerUrl)) return true;
  if (parsed.protocol !== 'file:') return false;
  const rootUrl = pathToFileURL(appRoot.endsWith('/') || appRoot.endsWith('\\') ? appRoot : `${appRoot}/`);
  if (parsed.host !== rootUrl.host) return false;
  let path: string;
  let root: string;
  try {
    path = decodeURIComponent(parsed.pathname);
    root = decodeURIComponent(rootUrl.pathname);
  } catch {
    return false;
  }
  if (path.includes('\0')) return false;
  const normalized = posix.normalize(path.replace(/\\/g, '/'));
  const rootPath = root.endsWith('/') ? root : `${root}/`;
  return normalized.startsWith(rootPath);
}

/** Navigation inside the app's own page (hash routes) is the only navigation allowed. */
export function isNavigationAllowed(targetUrl: string, currentUrl: string): boolean {
  const target = parse(targetUrl);
  const current = parse(currentUrl);
  if (!target || !current) return false;
  return (
    target.protocol === current.protocol &&
    target.host === current.host &&
    target.pathname === current.pathname
  );
}

/** Every permission request (camera, notifications, geolocation…) is denied: the app needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/**
 * Sites the system browser may be asked to open (https only, the exact host); anything else stays
 * closed. The app itself links nowhere today: this is the whole list.
 */
export const externalHostAllowList: readonly string[] = ['github.com'];

export function isExternalUrlAllowed(url: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return externalHostAllowList.includes(parsed.hostname);
}
