/**
 * The one Content-Security-Policy of the app, for the Electron window and browser mode alike:
 * nothing remote, no eval, no plugins, no framing. Sent as a response header.
 */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];
export const contentSecurityPolicy = directives.join('; ');

/**
 * The same policy as index.html's meta tag, which is the CSP of the desktop window's file://
 * page (it gets no response headers). A meta tag cannot carry frame-ancestors: Chromium ignores
 * it there and logs an error on every load, so it is left out (browser mode's header has it).
 */
export const metaContentSecurityPolicy = directives
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
