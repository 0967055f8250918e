import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, stopServer } from '../e2e/harness';
import { tempFolder } from '../helpers/workspace';

let server: { url: string; process: ChildProcess };
let base: URL;
let token: string;
const folder = tempFolder();

beforeAll(async () => {
  server = await startServer(folder.dbPath);
  base = new URL(server.url);
  token = base.searchParams.get('token')!;
});
afterAll(async () => {
  await stopServer(server.process);
  folder.remove();
});

function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(base.port),
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, headers: Record<string, string>, body = '{}') =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and prints a URL with a per-launch token', () => {
    expect(base.hostname).toBe('127.0.0.1');
    expect(token.length).toBeGreaterThanOrEqual(24);
  });

  it('serves the app with a strict CSP', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers API calls with the token, as POST /api/<noun:verb>', async () => {
    const res = await api('workspace:info', { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; value: { counts: { deals: number } } };
    expect(body.ok).toBe(true);
    expect(body.value.counts.deals).toBeGreaterThan(1000);
  });

  it('refuses API calls without the token or with a wrong one (401)', async () => {
    expect((await api('workspace:info', {})).status).toBe(401);
    expect((await api('workspace:info', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await raw('/api/events')).status).toBe(401);
  });

  it('refuses a foreign Origin and a foreign Host (403)', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expect((await api('workspace:info', { ...auth, origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('workspace:info', { ...auth, origin: `http://127.0.0.1:${base.port}` })).status).toBe(
      200,
    );
    expect((await api('workspace:info', { ...auth, host: `evil.example:${base.port}` })).status).toBe(403);
    expect((await raw('/', { headers: { host: 'rebind.example' } })).status).toBe(403);
  });

  it('rejects GET on the API, bad JSON and directory traversal', async () => {
    expect((await raw('/api/workspace:info')).status).toBe(405);
    expect((await api('workspace:info', { authorization: `Bearer ${token}` }, '{not json')).status).toBe(400);
    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fpackage.json',
    ]) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('root:');
    }
  });

  it('stops cleanly on Ctrl-C', async () => {
    const folder2 = tempFolder();
    const other = await startServer(folder2.dbPath);
    const exited = new Promise<number | null>((resolve) =>
      other.process.once('exit', (code) => resolve(code)),
    );
    other.process.kill('SIGINT');
    expect(await exited).toBe(0);
    folder2.remove();
  });
});
