import { type ChildProcess, spawn } from 'node:child_process';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { fixedClockEnv, testNow } from '../helpers/clock';
import { built, tempFolder } from '../helpers/workspace';

/**
 * How long a step waits for the screen to show what a user would see. Generous: these machines
 * are shared 2-core boxes, and a step that is merely slow must not fail.
 */
export const poll = { timeout: 60_000, interval: 100 };

/**
 * A whole end-to-end test's budget, well above `poll`'s, so a step that never gets there fails
 * with its own message ("expected … to be …") and not with "test timed out". Every e2e file
 * imports this harness, which sets it for the file.
 */
export const e2eTestTimeout = 300_000;
vi.setConfig({ testTimeout: e2eTestTimeout, hookTimeout: e2eTestTimeout });

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

/**
 * Starts browser mode on its own temp workspace (seeded with the demo, as a new user sees it),
 * with the engine's clock fixed at `now` (the suite's clock unless a test needs another day).
 */
export async function startServer(
  dbPath: string,
  now: number = testNow,
): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [built.webEntry, '--db', dbPath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: fixedClockEnv(now),
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

/**
 * A page whose clock starts at `now` and runs on from there (timers are real), so the screens'
 * "today" is the engine's; its actions wait as long as `poll` does.
 */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
  now: number = testNow,
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(poll.timeout);
  await page.clock.setSystemTime(now);
  return page;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

/**
 * Browser mode on a fresh workspace, with Chromium on the page it printed; server and page on
 * the suite's clock, or on `now` for a test about a particular day.
 */
export async function startApp(options: { now?: number } = {}): Promise<RunningApp> {
  const now = options.now ?? testNow;
  const folder = tempFolder();
  const server = await startServer(folder.dbPath, now);
  const browser = await launchChromium();
  const page = await openPage(browser, { width: 1440, height: 900 }, now);
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

/** Opens a screen from the sidebar and waits for its heading. */
export async function openScreen(page: Page, label: string, heading: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1, name: heading }).isVisible(), poll)
    .toBe(true);
}
