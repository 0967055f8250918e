import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineHost, startEngineHost } from '../../src/main/engine/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { built, tempFolder } from '../helpers/workspace';

/**
 * Browser mode's server, started in the test on its own renderer folder (with symlinks in it)
 * over a real engine, to try what another page or another local user could send it.
 */

const folder = tempFolder();
const rendererDir = join(folder.dir, 'renderer');
const secret = 'SECRET-WORKSPACE-CONTENT';
const maxUploadBytes = 64 * 1024;
let host: EngineHost;
let server: WebServer;

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(folder.dir, 'secret.txt'), secret);
  // A link inside the served folder to a file outside it, and one to a file inside it.
  symlinkSync(join(folder.dir, 'secret.txt'), join(rendererDir, 'assets', 'leak.js'));
  symlinkSync(folder.dir, join(rendererDir, 'up'));
  symlinkSync(join(rendererDir, 'assets', 'app.js'), join(rendererDir, 'assets', 'alias.js'));
  host = await startEngineHost({
    dbPath: folder.dbPath,
    workerPath: built.workerPath,
    seedDemoIfNew: false,
    automaticBackupEveryMs: false,
  });
  server = await startWebServer({ host, rendererDir, port: 0, maxUploadBytes });
});
afterAll(async () => {
  await server.close();
  await host.close();
  folder.remove();
});

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function raw(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    hostname?: string;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.hostname ?? '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
        timeout: 10_000,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Reads an event stream's status and first bytes, then hangs up. */
function openEvents(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        res.once('data', (c: Buffer) => {
          resolve({ status: res.statusCode ?? 0, body: c.toString(), headers: res.headers });
          req.destroy();
        });
      },
    );
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

/** An HTTP/1.0 request with no Host header at all (Node's client always adds one). */
function statusWithoutHost(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.0\r\n\r\n'));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.\d (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

const auth = (): Record<string, string> => ({ authorization: `Bearer ${server.token}` });

describe('browser mode: where it listens', () => {
  it('binds to the IPv4 loopback address only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect((await raw('/')).status).toBe(200);
    // Nothing answers on the same port at the IPv6 loopback (or on any other interface).
    await expect(raw('/', { hostname: '::1' })).rejects.toThrow();
  });

  it('refuses a request naming no host or another host', async () => {
    expect(await statusWithoutHost()).toBe(403);
    expect((await raw('/', { headers: { host: `attacker.example:${server.port}` } })).status).toBe(403);
    expect((await raw('/', { headers: { host: `127.0.0.1:${server.port + 1}` } })).status).toBe(403);
  });
});

describe('browser mode: the token and the Origin', () => {
  it('refuses API calls without the token, with a wrong one, or in the query string', async () => {
    const call = (headers: Record<string, string>, path = '/api/workspace:info') =>
      raw(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await call({})).status).toBe(401);
    expect((await call({ authorization: `Bearer ${server.token}x` })).status).toBe(401);
    expect((await call({ authorization: server.token })).status).toBe(401);
    expect((await call({}, `/api/workspace:info?token=${server.token}`)).status).toBe(401);
    expect((await call(auth())).status).toBe(200);
  });

  it('refuses a foreign Origin even with the token, and a page from localhost on another port', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
    ]) {
      const res = await raw('/api/workspace:info', {
        method: 'POST',
        headers: { ...auth(), origin, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status, origin).toBe(403);
    }
  });

  it('refuses the event stream without the token, with a wrong one, or from a foreign Origin', async () => {
    expect((await raw('/api/events')).status).toBe(401);
    expect((await raw('/api/events?token=wrong')).status).toBe(401);
    expect(
      (await raw(`/api/events?token=${server.token}`, { headers: { origin: 'http://evil.example' } })).status,
    ).toBe(403);
    const stream = await openEvents(`/api/events?token=${server.token}`);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream');
  });
});

describe('browser mode: uploads', () => {
  const upload = (name: string, body: Buffer, headers: Record<string, string> = auth()) =>
    raw(`/api/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body,
    });

  it('refuses an upload without the token or from a foreign Origin, and stores nothing', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('stagecoach-uploads-')).length;
    expect((await upload('deals.csv', Buffer.from('a,b\n1,2\n'), {})).status).toBe(401);
    expect(
      (await upload('deals.csv', Buffer.from('a,b\n'), { ...auth(), origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('stagecoach-uploads-')).length).toBe(before);
  });

  it('keeps an uploaded file in its private folder under a plain name, whatever name it was sent with', async () => {
    const res = await upload('../../../home/ana/.bashrc', Buffer.from('deal,owner\n'));
    expect(res.status).toBe(200);
    const { value } = JSON.parse(res.body) as { value: { path: string; name: string } };
    expect(value.name).toBe('.bashrc');
    expect(dirname(dirname(value.path))).toMatch(new RegExp(`^${tmpdir()}/stagecoach-uploads-`));
    expect(readFileSync(value.path, 'utf8')).toBe('deal,owner\n');
    const dots = JSON.parse((await upload('..', Buffer.from('x'))).body) as { value: { name: string } };
    expect(dots.value.name).toBe('upload');
  });

  it('refuses a file over the size limit and keeps none of it', async () => {
    const res = await upload('huge.csv', Buffer.alloc(maxUploadBytes + 1, 97));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const exact = await upload('exact.csv', Buffer.alloc(maxUploadBytes, 97));
    expect(exact.status).toBe(200);
    const kept = JSON.parse(exact.body) as { value: { path: string } };
    const uploads = dirname(dirname(kept.value.path));
    const names = readdirSync(uploads).flatMap((n) => readdirSync(join(uploads, n)));
    expect(names).not.toContain('huge.csv');
  });
});

describe('browser mode: static files', () => {
  it('serves the app’s own files with the CSP and nosniff', async () => {
    const js = await raw('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('never serves a file outside the renderer folder, however the path is spelt', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      `/${folder.dir}/secret.txt`,
      `//${folder.dir}/secret.txt`,
      `/%2f${encodeURIComponent(folder.dir)}%2fsecret.txt`,
      '/secret.txt%00.js',
      '/%c0%ae%c0%ae/secret.txt',
      '/assets/',
      '/assets',
    ]) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(secret);
    }
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    for (const path of ['/assets/leak.js', '/up/secret.txt']) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(secret);
    }
    // A link that stays inside the folder is an ordinary file of the app.
    const alias = await raw('/assets/alias.js');
    expect(alias.status).toBe(200);
    expect(alias.body).toBe('console.log(1)');
  });

  it('answers only GET and HEAD for files', async () => {
    for (const method of ['POST', 'PUT', 'DELETE'])
      expect((await raw('/index.html', { method, body: '' })).status, method).toBe(405);
    const head = await raw('/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('the test folder really holds the secret next to the renderer', () => {
    expect(existsSync(join(rendererDir, 'assets', 'leak.js'))).toBe(true);
    expect(readFileSync(join(rendererDir, 'assets', 'leak.js'), 'utf8')).toBe(secret);
  });
});
