import { mkdirSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { observationInputSchema } from '@shared/coaching/observation';
import { saveObservation } from '../engine/coaching/observations';
import { migrate } from '../engine/db/migrate';
import { type Db, openDatabase } from '../engine/db/open';
import { runImport } from '../engine/import/pipeline';
import { currentWorkflow } from '../engine/queries/workflow';
import { ensureWorkspaceDefaults, getSetting } from '../engine/queries/workspace';
import {
  MAX_ITERATION,
  MAX_ROUND,
  formatImportAck,
  formatLoaded,
  formatObservationAck,
  formatReady,
  importPlan,
  observationPlan,
  salesforceFiles,
} from './crashPlan';

/**
 * The crash-safety worker (tests/integration/crashSafety.test.ts, `npm run stress`): opens a
 * workspace as the app's writer does (WAL, synchronous=FULL) and, until it is killed, imports
 * generated Salesforce exports through the real import pipeline and saves observations with
 * commitments through the real engine function, printing one line per write only after its
 * transaction returned. The parent SIGKILLs it at a random moment and checks that every printed
 * write is in the file, whole.
 *
 *   node out/main/crashWorker.js --db FILE --dir FOLDER --round N --seed N [--wait]
 *
 * With --wait it loads, prints "loaded" and opens the workspace only once a "go" line arrives on
 * stdin, so the parent can start the next round's process while it still checks the last one.
 */

/** A small seeded generator (mulberry32), so a failing round can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Straight to the pipe, no buffering in this process: once written, a SIGKILL cannot take it back. */
const say = (line: string): void => {
  writeSync(1, line);
};

function wholeNumber(name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > max)
    throw new Error(`--${name} must be a whole number from 0 to ${max}.`);
  return n;
}

async function importOnce(db: Db, dir: string, round: number, iteration: number): Promise<void> {
  const plan = importPlan(round, iteration);
  const folder = join(dir, `i${iteration}`);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(salesforceFiles(plan))) writeFileSync(join(folder, name), text);
  const result = await runImport(
    db,
    { paths: [folder], timeZone: 'UTC' },
    { now: Date.now(), timeZone: 'UTC', workflow: currentWorkflow(db).definition },
    'apply',
  );
  if (!('batchId' in result)) throw new Error('the import returned a preview, not a batch');
  say(formatImportAck(result.batchId, plan));
}

function observeOnce(db: Db, round: number, iteration: number, next: () => number): boolean {
  const reps = db.prepare('SELECT id FROM reps ORDER BY id').all() as { id: number }[];
  if (reps.length === 0) return false;
  const deals = db.prepare('SELECT id, stage_key FROM deals ORDER BY id DESC LIMIT 20').all() as {
    id: number;
    stage_key: string | null;
  }[];
  const deal = deals.length > 0 && next() < 0.7 ? deals[Math.floor(next() * deals.length)]! : null;
  const workflow = currentWorkflow(db).definition;
  const timeZone = getSetting(db, 'time_zone') ?? 'UTC';
  const now = Date.now();
  const observedOn = DateTime.fromMillis(now, { zone: timeZone }).minus({ days: 3 }).toISODate()!;
  const plan = observationPlan(round, iteration);
  const input = observationInputSchema.parse({
    coach: 'Crash Coach',
    repId: reps[Math.floor(next() * reps.length)]!.id,
    dealId: deal?.id ?? null,
    stageKey: deal?.stage_key ?? workflow.stages[0]?.key ?? null,
    observedOn,
    checklist: [],
    rubric: [{ criterion: 'Discovery depth', score: 1 + Math.floor(next() * 5) }],
    tags: ['crash test'],
    notes: plan.notes,
    commitments: plan.commitments.map((text, j) => ({ text, dueOn: j === 0 ? null : observedOn })),
  });
  const saved = saveObservation(db, input, { now, timeZone, workflow });
  say(formatObservationAck(saved.id, round, iteration));
  return true;
}

/** Resolves on a "go" line on stdin; ends the process quietly when stdin closes without one. */
function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      if (!text.split('\n').includes('go')) return;
      process.stdin.off('data', onData);
      process.stdin.off('end', onEnd);
      process.stdin.destroy();
      resolve();
    };
    const onEnd = (): void => process.exit(0);
    process.stdin.on('data', onData);
    process.stdin.on('end', onEnd);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      dir: { type: 'string' },
      round: { type: 'string' },
      seed: { type: 'string' },
      wait: { type: 'boolean' },
    },
  });
  if (!values.db || !values.dir) throw new Error('--db FILE and --dir FOLDER are required.');
  const round = wholeNumber('round', values.round, MAX_ROUND);
  const next = random(wholeNumber('seed', values.seed ?? '1', 2 ** 32 - 1));
  const dbPath = resolve(values.db);
  const dir = resolve(values.dir);
  if (values.wait) {
    say(formatLoaded());
    await waitForGo();
  }
  const db = openDatabase(dbPath, { role: 'writer' });
  migrate(db, dbPath, Date.now());
  ensureWorkspaceDefaults(db, Date.now());
  say(formatReady());
  for (let iteration = 0; iteration <= MAX_ITERATION; iteration++) {
    if (next() < 0.5 || !observeOnce(db, round, iteration, next)) {
      await importOnce(db, dir, round, iteration);
    }
  }
  throw new Error(`ran ${MAX_ITERATION + 1} iterations without being killed`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `crash worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
