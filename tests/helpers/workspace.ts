import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const projectRoot = join(__dirname, '..', '..');

/** The built files the tests run, as users do (tests/globalSetup.ts builds them). */
export const built = {
  workerPath: join(projectRoot, 'out', 'main', 'engineWorker.js'),
  webEntry: join(projectRoot, 'out', 'main', 'web.js'),
  cliEntry: join(projectRoot, 'out', 'main', 'cli.js'),
  rendererDir: join(projectRoot, 'out', 'renderer'),
};

/** A fresh folder for one test's workspace; remove() deletes it. */
export function tempFolder(): { dir: string; dbPath: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'stagecoach-test-'));
  return {
    dir,
    dbPath: join(dir, 'stagecoach.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
