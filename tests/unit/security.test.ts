import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiMethodNames } from '@shared/api/methods';
import { registerIpcApi } from '../../src/main/ipc';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src/main/security/csp';
import {
  type DownloadItemLike,
  guardWebContents,
  handleWindowOpen,
  hardenSession,
  isRequestAllowed,
  type PreventableEvent,
  type SessionLike,
  type WebContentsLike,
  type WindowOpenResponse,
  withContentSecurityPolicy,
} from '../../src/main/security/sessionSecurity';
import {
  appWindowOptions,
  isAppUrl,
  isExternalUrlAllowed,
  isNavigationAllowed,
  isPermissionGranted,
  printWindowOptions,
  secureWebPreferences,
} from '../../src/main/security/windowSecurity';
import { resolveStaticPath } from '../../src/main/web/staticFiles';

const root = join(__dirname, '..', '..');
const rendererDir = '/app/out/renderer';
const page = 'file:///app/out/renderer/index.html#/deals';

/** The secure set every window of the app must have, whatever else it sets. */
const secure = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
};

function event(): PreventableEvent & { prevented: boolean } {
  const e = {
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
  };
  return e;
}

/** Records what guardWebContents() registers on a web contents, as Electron would call it. */
function recordedContents(url: string) {
  const listeners = new Map<string, (event: PreventableEvent, url: string) => void>();
  let openHandler: ((details: { url: string }) => WindowOpenResponse) | null = null;
  const contents: WebContentsLike = {
    getURL: () => url,
    on(name, listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  return { contents, listeners, open: (target: string) => openHandler!({ url: target }) };
}

/** Records what hardenSession() registers on a session. */
function recordedSession() {
  const handlers: {
    permissionRequest?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    permissionCheck?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    device?: Parameters<SessionLike['setDevicePermissionHandler']>[0];
    headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
    request?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
    download?: (event: unknown, item: DownloadItemLike) => void;
  } = {};
  const session: SessionLike = {
    setPermissionRequestHandler: (h) => (handlers.permissionRequest = h),
    setPermissionCheckHandler: (h) => (handlers.permissionCheck = h),
    setDevicePermissionHandler: (h) => (handlers.device = h),
    webRequest: {
      onHeadersReceived: (h) => (handlers.headers = h),
      onBeforeRequest: (h) => (handlers.request = h),
    },
    on: (_name, listener) => (handlers.download = listener),
  };
  return { session, handlers };
}

describe('desktop window security', () => {
  it('isolates and sandboxes the renderer with no Node and no webviews', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toMatchObject({
      preload: '/app/out/preload/index.js',
      ...secure,
    });
  });

  it('gives the app window and the hidden PDF window the same secure preferences', () => {
    const app = appWindowOptions('/app/out/preload/index.js');
    const print = printWindowOptions('/app/out/preload/index.js');
    expect(app.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.js'));
    expect(print.webPreferences).toMatchObject(secureWebPreferences('/app/out/preload/index.js'));
    expect(print.show).toBe(false);
    // The only preference the print window adds: it is not throttled while hidden.
    expect(Object.keys(print.webPreferences).sort()).toEqual(
      [...Object.keys(app.webPreferences), 'backgroundThrottling'].sort(),
    );
  });

  it('the shell and the print window build their windows from these options', () => {
    // index.ts and electronPrintPage.ts load Electron, so they cannot run here: check that they
    // pass these functions' options to BrowserWindow and turn the sandbox on for every renderer.
    const index = readFileSync(join(root, 'src/main/index.ts'), 'utf8');
    const print = readFileSync(join(root, 'src/main/pdf/electronPrintPage.ts'), 'utf8');
    expect(index).toContain('new BrowserWindow(appWindowOptions(paths.preloadPath))');
    expect(index).toContain('app.enableSandbox()');
    expect(index).toMatch(/hardenSession\(session\.defaultSession/);
    expect(index).toMatch(/app\.on\('web-contents-created', \(_event, contents\) =>\s+guardWebContents\(/);
    expect(print).toContain('new BrowserWindow(printWindowOptions(options.preloadPath))');
    for (const source of [index, print]) {
      expect(source.match(/new BrowserWindow\(/g)?.length).toBe(1);
      expect(source).not.toMatch(/nodeIntegration: true|contextIsolation: false|sandbox: false/);
    }
  });

  it('has a CSP with nothing remote, no eval, no plugins and no framing, the same in index.html', () => {
    const directives = new Map(
      contentSecurityPolicy.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:/);
    // The desktop page is a file:// page, which gets no response headers: its meta tag is the CSP.
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(metaContentSecurityPolicy);
    expect(metaContentSecurityPolicy).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''));
  });

  it('allows only in-page navigation', () => {
    expect(isNavigationAllowed('file:///app/out/renderer/index.html#/reps', page)).toBe(true);
    expect(isNavigationAllowed('https://evil.example/', page)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', page)).toBe(false);
    expect(isNavigationAllowed('file:///app/out/renderer/other.html', page)).toBe(false);
    expect(isNavigationAllowed('not a url', page)).toBe(false);
  });

  it('denies every permission', () => {
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'hid',
    ])
      expect(isPermissionGranted(permission), permission).toBe(false);
  });

  it('opens in the system browser only https links to allow-listed hosts', () => {
    expect(isExternalUrlAllowed('https://github.com/stagecoach')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'http://github.com/',
      'https://github.com.evil.example/',
      'https://github.com@evil.example/',
      'https://user:pass@github.com/',
      'https://github.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://github.com/share',
      'not a url',
    ])
      expect(isExternalUrlAllowed(url), url).toBe(false);
  });

  it('trusts IPC only from the app page', () => {
    expect(isAppUrl('file:///app/out/renderer/index.html', rendererDir)).toBe(true);
    expect(isAppUrl('file:///app/out/renderer/index.html#/print/team', rendererDir)).toBe(true);
    expect(isAppUrl('file:///app/out/renderer-evil/index.html', rendererDir)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/%2e%2e/%2e%2e/etc/passwd', rendererDir)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/..%2f..%2fetc%2fpasswd', rendererDir)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/..%5c..%5cetc', rendererDir)).toBe(false);
    expect(isAppUrl('file://otherhost/app/out/renderer/index.html', rendererDir)).toBe(false);
    expect(isAppUrl('https://example.com/', rendererDir)).toBe(false);
    expect(isAppUrl('', rendererDir)).toBe(false);
    expect(isAppUrl('file:///My%20Apps/out/renderer/index.html', '/My Apps/out/renderer')).toBe(true);
    expect(isAppUrl('http://localhost:5173/', rendererDir, 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', rendererDir, 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', rendererDir)).toBe(false);
  });

  it('registers one IPC handler per API method and refuses untrusted senders', async () => {
    const handlers = new Map<
      string,
      (event: { senderFrame: { url: string } | null }, input: unknown) => unknown
    >();
    const calls: string[] = [];
    registerIpcApi(
      { handle: (channel, listener) => handlers.set(channel, listener) },
      {
        call: (method) => {
          calls.push(method);
          return Promise.resolve({ ok: true, value: method });
        },
      },
      (url) => isAppUrl(url, rendererDir),
    );
    expect([...handlers.keys()].sort()).toEqual([...apiMethodNames].sort());
    const list = handlers.get('deals:list')!;
    expect(await list({ senderFrame: { url: page } }, {})).toEqual({ ok: true, value: 'deals:list' });
    expect(await list({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false });
    expect(await list({ senderFrame: { url: 'file:///tmp/evil.html' } }, {})).toMatchObject({ ok: false });
    expect(await list({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(calls).toEqual(['deals:list']);
  });

  it('the preload exposes named methods only, never ipcRenderer itself', () => {
    const preload = readFileSync(join(root, 'src/preload/index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)?.length).toBe(1);
    expect(preload).toContain("contextBridge.exposeInMainWorld('stagecoach', bridge)");
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/ipcRenderer\.send\(|ipcRenderer\.sendSync\(/);
  });
});

describe('web contents guards', () => {
  it('refuses every <webview>', () => {
    const { contents, listeners } = recordedContents(page);
    guardWebContents(contents, () => undefined);
    const attach = event();
    listeners.get('will-attach-webview')!(attach, '');
    expect(attach.prevented).toBe(true);
  });

  it('lets hash routes through and stops navigation anywhere else', () => {
    const { contents, listeners } = recordedContents(page);
    guardWebContents(contents, () => undefined);
    const navigate = listeners.get('will-navigate')!;
    const inPage = event();
    navigate(inPage, 'file:///app/out/renderer/index.html#/reps');
    expect(inPage.prevented).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'data:text/html,<script>1</script>']) {
      const away = event();
      navigate(away, url);
      expect(away.prevented, url).toBe(true);
    }
  });

  it('denies window.open, handing only allow-listed links to the system browser', () => {
    const opened: string[] = [];
    const { contents, open } = recordedContents(page);
    guardWebContents(contents, (url) => opened.push(url));
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///app/out/renderer/index.html#/print/team')).toEqual({ action: 'deny' });
    expect(open('https://github.com/stagecoach')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/stagecoach']);
    expect(handleWindowOpen('javascript:alert(1)', (url) => opened.push(url))).toEqual({ action: 'deny' });
    expect(opened).toHaveLength(1);
  });
});

describe('session hardening', () => {
  it('denies permission requests, permission checks and devices', () => {
    const { session, handlers } = recordedSession();
    hardenSession(session, { rendererDir, downloadsDir: () => '/home/ana/Downloads' });
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'fullscreen'])
      handlers.permissionRequest!(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(handlers.permissionCheck!(null, 'clipboard-sanitized-write')).toBe(false);
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that is not the app’s own', () => {
    const { session, handlers } = recordedSession();
    hardenSession(session, { rendererDir, downloadsDir: () => '/tmp' });
    const cancelled = (url: string): boolean => {
      let answer: boolean | undefined;
      handlers.request!({ url }, (response) => (answer = response.cancel));
      return answer!;
    };
    expect(cancelled('file:///app/out/renderer/index.html')).toBe(false);
    expect(cancelled('file:///app/out/renderer/assets/index-abc.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('blob:file:///6f1c2a8e-0000-4000-8000-000000000000')).toBe(false);
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(cancelled('https://cdn.example/x.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///home/ana/.ssh/id_rsa')).toBe(true);
    expect(cancelled('file:///app/out/renderer/../../stagecoach.db')).toBe(true);
    expect(cancelled('ws://localhost:5173/')).toBe(true);
  });

  it('lets the dev server through while developing, and nothing that only looks like it', () => {
    const dev = { rendererDir, devServerUrl: 'http://localhost:5173' };
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(isRequestAllowed('http://localhost:51730/', dev)).toBe(false);
    expect(isRequestAllowed('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isRequestAllowed('ws://evil.example:5173/', dev)).toBe(false);
  });

  it('puts the app’s CSP on every response, replacing any other', () => {
    const { session, handlers } = recordedSession();
    hardenSession(session, { rendererDir, downloadsDir: () => '/tmp' });
    let headers: Record<string, string[]> | undefined;
    handlers.headers!(
      { responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"], 'x-a': ['1'] } },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] });
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [contentSecurityPolicy],
    });
  });

  it('saves the page’s own CSV exports through the save dialog and cancels any other download', () => {
    const { session, handlers } = recordedSession();
    hardenSession(session, { rendererDir, downloadsDir: () => '/home/ana/Downloads' });
    const item = (url: string) => {
      const state = { cancelled: false, dialog: null as null | { defaultPath: string } };
      const download: DownloadItemLike = {
        getURL: () => url,
        getFilename: () => 'deals.csv',
        cancel: () => (state.cancelled = true),
        setSaveDialogOptions: (options) => (state.dialog = options),
      };
      handlers.download!({}, download);
      return state;
    };
    const own = item('blob:file:///6f1c2a8e-0000-4000-8000-000000000000');
    expect(own.cancelled).toBe(false);
    expect(own.dialog?.defaultPath).toBe(join('/home/ana/Downloads', 'deals.csv'));
    const remote = item('https://evil.example/payload.exe');
    expect(remote.cancelled).toBe(true);
    expect(remote.dialog).toBe(null);
  });
});

describe('browser-mode static files', () => {
  it('serves files inside the renderer folder only', () => {
    expect(resolveStaticPath('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath('/srv/app', '/assets/index.js')).toBe('/srv/app/assets/index.js');
    expect(resolveStaticPath('/srv/app', '/../secret.db')).toBe(null);
    expect(resolveStaticPath('/srv/app', '/assets/%2e%2e/%2e%2e/secret.db')).toBe(null);
    expect(resolveStaticPath('/srv/app', '/..%2f..%2fetc/passwd')).toBe(null);
    expect(resolveStaticPath('/srv/app', '/%E0%A4%A')).toBe(null);
    expect(resolveStaticPath('/srv/app', '/a%00.js')).toBe(null);
    expect(resolveStaticPath('/srv/app', '/..\\..\\x')).toBe(null);
    expect(resolveStaticPath('/srv/app', '/%2fetc/passwd')).toBe('/srv/app/etc/passwd');
  });
});
