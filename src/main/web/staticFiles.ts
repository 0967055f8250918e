import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Resolves a URL path to a file inside `root`, or null when the path escapes it
 * (`..`, encoded slashes, absolute paths) or is malformed.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const target = resolve(base, relative);
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

export type StaticFile = { body: Buffer; contentType: string };

/** Reads a built renderer file, or null when there is no such regular file. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return null;
  try {
    // A symlink in the folder must not lead out of it: the real path is checked again.
    const [realRoot, realPath] = await Promise.all([realpath(root), realpath(path)]);
    if (!realPath.startsWith(realRoot + sep)) return null;
    if (!(await stat(realPath)).isFile()) return null;
    return {
      body: await readFile(realPath),
      contentType: contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    return null;
  }
}
