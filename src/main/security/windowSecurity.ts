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

/**
 * Whether a URL belongs to the app itself: the built renderer on file:// (below `appRoot`),
 * or the dev server origin while developing.
 */
export function isAppUrl(url: string, appRoot: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    try {
      if (parsed.origin === new URL(devServerUrl).origin) return true;
    } catch {
      return false;
    }
  }
  if (parsed.protocol !== 'file:') return false;
  const root = new URL(`file://${appRoot.endsWith('/') ? appRoot : `${appRoot}/`}`);
  return decodeURIComponent(parsed.pathname).startsWith(decodeURIComponent(root.pathname));
}

/** Navigation inside the app's own page (hash routes) is the only navigation allowed. */
export function isNavigationAllowed(targetUrl: string, currentUrl: string): boolean {
  try {
    const target = new URL(targetUrl);
    const current = new URL(currentUrl);
    return (
      target.protocol === current.protocol &&
      target.host === current.host &&
      target.pathname === current.pathname
    );
  } catch {
    return false;
  }
}

/** Every permission request (camera, notifications, geolocation…) is denied: the app needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** Links the user may open in the system browser; anything else stays closed. */
const externalAllowList = ['https://github.com/'];

export function isExternalUrlAllowed(url: string): boolean {
  return externalAllowList.some((prefix) => url.startsWith(prefix));
}
