import { type ChildProcess, spawn } from 'node:child_process';
import { type Browser, chromium, type Page } from 'playwright-core';
import { built, tempFolder } from '../helpers/workspace';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type RunningApp = {
  url: string;
  dbPath: string;
  page: Page;
  browser: Browser;
  close(): Promise<void>;
};

/** Starts browser mode on its own temp workspace (seeded with the demo, as a new user sees it). */
export async function startServer(dbPath: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [built.webEntry, '--db', dbPath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return { url, process: child };
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

/** Browser mode on a fresh workspace, with Chromium on the page it printed. */
export async function startApp(): Promise<RunningApp> {
  const folder = tempFolder();
  const server = await startServer(folder.dbPath);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  return {
    url: server.url,
    dbPath: folder.dbPath,
    page,
    browser,
    async close() {
      await browser.close();
      await stopServer(server.process);
      folder.remove();
    },
  };
}
