import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builtPaths } from '../builtPaths';
import { EngineError } from '../engine/errors';
import { type EngineHost, startEngineHost } from '../engine/host';
import { fixedNowFromEnv, fixedNowNotice } from '../fixedClock';
import { startWebServer, type WebServer } from './server';

const usage =
  'Usage: npm run web -- [--db PATH] [--port N]   (default database: ./stagecoach.db, port: a free one)';

async function main(): Promise<void> {
  let values: { db?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".\n${usage}`);
    process.exit(2);
  }
  const dbPath = resolve(values.db ?? 'stagecoach.db');
  const paths = builtPaths(__dirname);
  // Ctrl-C is handled from the very start, so a stop during start-up also closes cleanly.
  let host: EngineHost | null = null;
  let server: WebServer | null = null;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping Stagecoach…');
    void (async () => {
      await server?.close();
      await host?.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let fixedNow: number | undefined;
  try {
    fixedNow = fixedNowFromEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (fixedNow !== undefined) console.log(fixedNowNotice(fixedNow));
  host = await startEngineHost({ dbPath, workerPath: paths.workerPath, seedDemoIfNew: true, fixedNow });
  if (host.migration?.backupPath)
    console.log(`Upgraded the workspace; backup of the old version: ${host.migration.backupPath}`);
  if (host.seeded) console.log('New workspace: loaded the demo data (remove it from the Overview screen).');
  if (host.damaged) console.log(`${host.damaged} Open the address below to restore a backup.`);
  server = await startWebServer({ host, rendererDir: paths.rendererDir, port });
  if (stopping) return;
  console.log(`Workspace: ${dbPath}`);
  console.log(`Stagecoach is running at ${server.url}`);
  console.log('Open that address in your browser. Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(
    error instanceof EngineError ? error.message : `Stagecoach could not start: ${String(error)}`,
  );
  process.exit(1);
});
