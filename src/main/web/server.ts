import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EngineEvent } from '@shared/api/events';
import { contentSecurityPolicy } from '../security/csp';
import type { EngineHost } from '../engine/host';
import { readStaticFile } from './staticFiles';

export type WebServerOptions = {
  host: Pick<EngineHost, 'call' | 'onEvent'>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  maxUploadBytes?: number;
};

export type WebServer = { url: string; port: number; token: string; close(): Promise<void> };

const LOOPBACK = '127.0.0.1';

function sameToken(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, status: 400 | 401 | 403 | 404 | 405 | 413, message: string): void {
  sendJson(response, status, {
    ok: false,
    error: { code: status === 400 || status === 413 ? 'invalid_input' : 'internal', message },
  });
}

/**
 * Browser mode's file picker cannot hand the engine a path, so an imported file is first
 * streamed into a private temporary folder; the import then reads it from there.
 */
function receiveUpload(request: IncomingMessage, target: string, limit: number): Promise<'ok' | 'too_large'> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(target);
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit && !refused) {
        refused = true;
        out.destroy();
        rmSync(target, { force: true });
        resolve('too_large');
        request.resume();
      }
    });
    request.pipe(out);
    out.on('finish', () => {
      if (!refused) resolve('ok');
    });
    out.on('error', (error) => {
      if (!refused) reject(error);
    });
  });
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('too_large');
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Browser mode: serves the built renderer and the API on 127.0.0.1 only. API calls need the
 * per-launch token; requests naming another Host (DNS rebinding) or coming from a foreign
 * Origin are refused, so no other web page can reach the workspace.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const maxUpload = options.maxUploadBytes ?? 512 * 1024 * 1024;
  const eventStreams = new Set<ServerResponse>();
  let uploadDir: string | null = null;
  let uploads = 0;
  let port = 0;

  const allowedHosts = (): Set<string> => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> =>
    new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  const unsubscribe = options.host.onEvent((event: EngineEvent) => {
    for (const stream of eventStreams) stream.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
      if (!allowedHosts().has(request.headers.host ?? '')) return refuse(response, 403, 'Unknown host.');
      const origin = request.headers.origin;
      if (url.pathname.startsWith('/api/')) {
        if (origin !== undefined && !allowedOrigins().has(origin))
          return refuse(response, 403, 'Foreign origin.');
        if (url.pathname === '/api/events') {
          if (!sameToken(token, url.searchParams.get('token')))
            return refuse(response, 401, 'Missing or wrong token.');
          response.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-store',
            connection: 'keep-alive',
          });
          response.write(': connected\n\n');
          eventStreams.add(response);
          request.on('close', () => eventStreams.delete(response));
          return;
        }
        if (request.method !== 'POST') return refuse(response, 405, 'API calls are POST requests.');
        if (!sameToken(token, bearer(request))) return refuse(response, 401, 'Missing or wrong token.');
        if (url.pathname === '/api/upload') {
          const name =
            basename(url.searchParams.get('name') ?? '')
              .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
              .replace(/^\.+$/, '') || 'upload';
          uploadDir ??= mkdtempSync(join(tmpdir(), 'stagecoach-uploads-'));
          const folder = join(uploadDir, String(++uploads));
          mkdirSync(folder);
          const path = join(folder, name);
          const outcome = await receiveUpload(request, path, maxUpload);
          if (outcome === 'too_large')
            return refuse(response, 413, `The file is larger than ${maxUpload} bytes.`);
          return sendJson(response, 200, { ok: true, value: { path, name } });
        }
        const body = await readBody(request, maxBody);
        if (body === 'too_large') return refuse(response, 413, `Request larger than ${maxBody} bytes.`);
        let input: unknown = {};
        if (body.length > 0) {
          try {
            input = JSON.parse(body.toString('utf8'));
          } catch {
            return refuse(response, 400, 'The request body is not valid JSON.');
          }
        }
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        return sendJson(response, 200, await options.host.call(method, input));
      }
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return refuse(response, 405, 'Method not allowed.');
      // The app routes with the URL hash, so every real path is a built file; anything else is 404.
      const file = await readStaticFile(options.rendererDir, url.pathname);
      if (!file) return refuse(response, 404, 'Not found.');
      response.writeHead(200, {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    })().catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else response.destroy();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${LOOPBACK}:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise((done) => {
            unsubscribe();
            if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
            for (const stream of eventStreams) stream.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
