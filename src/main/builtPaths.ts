import { join } from 'node:path';

/**
 * Where the built files sit, seen from a built entry in out/main. Each entry passes its own
 * __dirname: shared chunks live elsewhere, so they must not compute it themselves.
 */
export function builtPaths(entryDir: string): {
  workerPath: string;
  rendererDir: string;
  preloadPath: string;
} {
  return {
    workerPath: join(entryDir, 'engineWorker.js'),
    rendererDir: join(entryDir, '..', 'renderer'),
    preloadPath: join(entryDir, '..', 'preload', 'index.js'),
  };
}
