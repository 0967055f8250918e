// `npm run stress`: the data-safety tests at full strength, one after the other — the crash test
// (STRESS_ROUNDS SIGKILLs of a writing process, 1000 by default) and, when it exists, the import
// fuzz test (FUZZ_RUNS cases, 10,000 by default) — then the figures the README reports.
// Vitest's global setup builds the app once before both.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rounds = process.env.STRESS_ROUNDS ?? '1000';
const fuzzRuns = process.env.FUZZ_RUNS ?? '10000';
const crashTest = 'tests/integration/crashSafety.test.ts';
const fuzzTest = 'tests/integration/fuzzImport.test.ts';
const files = [crashTest, ...(existsSync(join(root, fuzzTest)) ? [fuzzTest] : [])];

const work = mkdtempSync(join(tmpdir(), 'stagecoach-stress-'));
const crashReport = join(work, 'crash.json');
const vitestReport = join(work, 'vitest.json');
const started = Date.now();

const child = spawn(
  process.execPath,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--no-file-parallelism',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
    ...files,
  ],
  {
    cwd: root,
    env: { ...process.env, STRESS_ROUNDS: rounds, FUZZ_RUNS: fuzzRuns, STRESS_REPORT: crashReport },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let output = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
const status = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const crash = readJson(crashReport);
const tests = readJson(vitestReport);
// eslint-disable-next-line no-control-regex
const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
const fuzzLine = /fuzzed imports: (\{.*\})/.exec(plain);
const fuzzOutcomes = fuzzLine ? JSON.parse(fuzzLine[1]) : null;
const fuzzCases = fuzzOutcomes
  ? Object.values(fuzzOutcomes).reduce((n, o) => n + o.imported + o.refused, 0)
  : null;
rmSync(work, { recursive: true, force: true });

const failedTests = tests ? tests.numFailedTests : null;
const failures = (crash?.failures ?? 0) + (failedTests ?? 0);
const number = (n) => (n === null || n === undefined ? 'not run' : n.toLocaleString('en-US'));
const rows = [
  ['crash rounds (SIGKILL)', number(crash?.rounds)],
  [
    'acknowledged writes',
    crash
      ? `${number(crash.acknowledgedWrites)} (${number(crash.acknowledgedImports)} import batches, ${number(crash.acknowledgedObservations)} observations)`
      : 'not run',
  ],
  ['committed, killed before acknowledging', number(crash?.committedUnacknowledged)],
  ['lost writes', number(crash?.lostWrites)],
  ['fuzz cases', number(fuzzCases)],
  ['failures', `${number(failures)}${failedTests ? ` (${failedTests} failed test(s))` : ''}`],
  ['duration', `${Math.round((Date.now() - started) / 1000)} s`],
];
console.log('\nData safety figures');
for (const [what, value] of rows) console.log(`  ${what.padEnd(40)} ${value}`);
if (crash?.seed !== undefined)
  console.log(`  (crash seed ${crash.seed}: STRESS_SEED=${crash.seed} repeats its random choices)`);
process.exit(status === 0 && failures === 0 ? 0 : 1);
