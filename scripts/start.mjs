// Starts Stagecoach: the desktop app when Electron's runtime is on this machine (downloading it
// on first start), otherwise browser mode, after one line that says why.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser') || process.env.STAGECOACH_BROWSER === '1';

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
}

function build() {
  const result = run(process.execPath, [
    join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

function electronBinary() {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function ensureElectron() {
  if (electronBinary()) return electronBinary();
  const electronDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(electronDir, 'install.js'))) return null;
  console.log('Downloading the Electron runtime (first start only)…');
  run(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return electronBinary();
}

/** better-sqlite3 compiled for Electron's ABI, kept apart from the Node build the tests and CLI use. */
function ensureElectronSqlite() {
  const electronVersion = require('electron/package.json').version;
  const target = join(root, '.electron-native');
  const binding = join(target, 'better_sqlite3.node');
  const stamp = join(target, 'electron-version');
  if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion)
    return true;
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(target, 'build-src');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });
  console.log(`Preparing the SQLite module for Electron ${electronVersion} (first start only)…`);
  const electronEnv = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
  };
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion],
    { cwd: work, stdio: 'ignore', env: electronEnv, timeout: 300_000 },
  );
  if (prebuilt.status !== 0) {
    const nodeGyp = process.env.npm_config_node_gyp;
    if (nodeGyp) {
      spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release'], {
        cwd: work,
        stdio: 'ignore',
        env: electronEnv,
        timeout: 900_000,
      });
    }
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) return false;
  cpSync(built, binding);
  writeFileSync(stamp, electronVersion);
  rmSync(work, { recursive: true, force: true });
  return true;
}

function startBrowserMode(reason) {
  if (reason) console.log(reason);
  const web = spawn(
    process.execPath,
    [join(root, 'out', 'main', 'web.js'), ...args.filter((a) => a !== '--browser')],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const forward = (signal) => web.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  web.on('exit', (code) => process.exit(code ?? 0));
}

build();
if (forceBrowser) {
  startBrowserMode();
} else {
  const electron = ensureElectron();
  if (!electron) {
    startBrowserMode(
      'Electron runtime not available on this machine (it could not be downloaded): opening Stagecoach in browser mode instead.',
    );
  } else if (!ensureElectronSqlite()) {
    startBrowserMode(
      'The SQLite module could not be built for Electron on this machine: opening Stagecoach in browser mode instead.',
    );
  } else {
    const app = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
    app.on('exit', (code) => process.exit(code ?? 0));
  }
}
