import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const shared = { '@shared': resolve(__dirname, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        // Every Node entry sits in out/main so each can find engineWorker.js beside itself.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          engineWorker: resolve(__dirname, 'src/main/engine/worker.ts'),
          web: resolve(__dirname, 'src/main/web/entry.ts'),
          cli: resolve(__dirname, 'src/main/cli/entry.ts'),
          bench: resolve(__dirname, 'src/main/bench/entry.ts'),
          crashWorker: resolve(__dirname, 'src/main/stress/crashWorker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
  },
  renderer: {
    resolve: { alias: { ...shared, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react()],
    // Loaded from disk, never over a network: one larger bundle costs nothing to download.
    build: { minify: true, chunkSizeWarningLimit: 2000 },
  },
});
