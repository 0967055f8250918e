import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds the app once before the tests: integration tests start the built engine worker and
 * the end-to-end tests serve the built renderer, exactly as users run them.
 */
export function setup(): void {
  const root = join(__dirname, '..');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'error'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('electron-vite build failed before the tests');
}
