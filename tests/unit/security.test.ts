import { describe, expect, it } from 'vitest';
import { apiMethodNames } from '@shared/api/methods';
import { registerIpcApi } from '../../src/main/ipc';
import { contentSecurityPolicy } from '../../src/main/security/csp';
import {
  isAppUrl,
  isExternalUrlAllowed,
  isNavigationAllowed,
  isPermissionGranted,
  secureWebPreferences,
} from '../../src/main/security/windowSecurity';
import { resolveStaticPath } from '../../src/main/web/staticFiles';

describe('desktop window security', () => {
  it('isolates and sandboxes the renderer with no Node and no webviews', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('has a CSP with nothing remote and no eval', () => {
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });

  it('allows only in-page navigation, denies permissions and unknown external links', () => {
    const page = 'file:///app/out/renderer/index.html#/deals';
    expect(isNavigationAllowed('file:///app/out/renderer/index.html#/reps', page)).toBe(true);
    expect(isNavigationAllowed('https://evil.example/', page)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', page)).toBe(false);
    expect(isPermissionGranted('media')).toBe(false);
    expect(isPermissionGranted('notifications')).toBe(false);
    expect(isExternalUrlAllowed('https://evil.example/')).toBe(false);
  });

  it('trusts IPC only from the app page', () => {
    expect(isAppUrl('file:///app/out/renderer/index.html', '/app/out/renderer')).toBe(true);
    expect(isAppUrl('file:///app/out/renderer-evil/index.html', '/app/out/renderer')).toBe(false);
    expect(isAppUrl('https://example.com/', '/app/out/renderer')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', '/app/out/renderer', 'http://localhost:5173')).toBe(true);
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
      (url) => url.startsWith('file:///app/'),
    );
    expect([...handlers.keys()].sort()).toEqual([...apiMethodNames].sort());
    const list = handlers.get('deals:list')!;
    expect(await list({ senderFrame: { url: 'file:///app/index.html' } }, {})).toEqual({
      ok: true,
      value: 'deals:list',
    });
    expect(await list({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false });
    expect(await list({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(calls).toEqual(['deals:list']);
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
  });
});
