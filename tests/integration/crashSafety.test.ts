import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/engine/db/open';
import {
  importPlan,
  markerOfNotes,
  observationPlan,
  parseWorkerLine,
  planOfDeal,
  plannedUsers,
} from '../../src/main/stress/crashPlan';
import { projectRoot, tempFolder } from '../helpers/workspace';

/**
 * Crash safety (issue 8): a child process runs the real engine on a real workspace file —
 * imports through the import pipeline, observations with commitments through saveObservation —
 * printing each write once its transaction returned, and is SIGKILLed at a random moment.
 * After every kill the file must pass integrity_check and foreign_key_check, hold every
 * acknowledged write whole, and hold no partial import batch. STRESS_ROUNDS sets the rounds
 * (200 here, 1000 under `npm run stress`); STRESS_SEED repeats a run's random choices; STRESS_REPORT names a
 * JSON file for the figures.
 */

const builtMain = join(projectRoot, 'out', 'main');
const rounds = Number(process.env.STRESS_ROUNDS ?? 200);
const seed = Number(process.env.STRESS_SEED ?? Math.floor(Math.random() * 2 ** 31));

const folders: { remove: () => void }[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

function random(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type AckedImport = { batchId: number; round: number; iteration: number };
type AckedObservation = { id: number; round: number; iteration: number };
type Acks = { imports: AckedImport[]; observations: AckedObservation[] };

type Verdict = {
  /** Acknowledged writes missing or not whole. */
  lost: string[];
  /** Anything else wrong: integrity, foreign keys, partial or stray batches and rows. */
  failures: string[];
  /** Writes committed but killed before they were acknowledged (allowed: the caller never heard back). */
  unacknowledged: number;
};

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Checks the workspace file against everything the worker acknowledged and everything it could have written. */
function verify(db: Database.Database, acks: Acks): Verdict {
  const lost: string[] = [];
  const failures: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
    failures.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) failures.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);

  for (const table of [
    'deals',
    'stage_events',
    'activities',
    'reps',
    'rep_identities',
    'observations',
    'batch_changes',
  ]) {
    const stray = (
      db
        .prepare(
          `SELECT count(*) AS n FROM ${table} WHERE batch_id IS NOT NULL AND batch_id NOT IN (SELECT id FROM import_batches)`,
        )
        .get() as { n: number }
    ).n;
    if (stray > 0) failures.push(`${stray} ${table} row(s) stamped with a batch that does not exist`);
  }

  // Every batch in the file: applied, finished, and exactly its plan's deals, history and tasks.
  const batches = db.prepare('SELECT id, status, finished_at, summary FROM import_batches').all() as {
    id: number;
    status: string;
    finished_at: number | null;
    summary: string;
  }[];
  const deals = db.prepare('SELECT id, external_id, batch_id FROM deals').all() as {
    id: number;
    external_id: string;
    batch_id: number | null;
  }[];
  const childrenOf = (table: 'stage_events' | 'activities'): Map<number, string[]> => {
    const map = new Map<number, string[]>();
    const rows = db.prepare(`SELECT deal_id, external_id, batch_id FROM ${table}`).all() as {
      deal_id: number | null;
      external_id: string | null;
      batch_id: number | null;
    }[];
    for (const row of rows) {
      if (row.deal_id === null) {
        failures.push(`${table} row ${row.external_id} belongs to no deal`);
        continue;
      }
      const list = map.get(row.deal_id) ?? [];
      list.push(row.external_id ?? '(no id)');
      map.set(row.deal_id, list);
    }
    return map;
  };
  const stageEvents = childrenOf('stage_events');
  const activities = childrenOf('activities');
  const dealsByBatch = new Map<number, typeof deals>();
  for (const deal of deals) {
    if (deal.batch_id === null) {
      failures.push(`deal ${deal.external_id} belongs to no batch`);
      continue;
    }
    const list = dealsByBatch.get(deal.batch_id) ?? [];
    list.push(deal);
    dealsByBatch.set(deal.batch_id, list);
  }
  const batchPlans = new Map<number, string>();
  const partial = new Set<number>();
  for (const batch of batches) {
    const own = dealsByBatch.get(batch.id) ?? [];
    const where = `batch ${batch.id}`;
    if (batch.status !== 'applied') failures.push(`${where} is ${batch.status}, not applied`);
    if (batch.finished_at === null) failures.push(`${where} never finished`);
    const planned = own.length > 0 ? planOfDeal(own[0]!.external_id) : null;
    if (!planned) {
      failures.push(`${where} is partial: it holds no deal of a planned import`);
      continue;
    }
    const plan = importPlan(planned.round, planned.iteration);
    batchPlans.set(batch.id, plan.tag);
    const failuresBefore = failures.length;
    if (
      !sameList(
        own.map((d) => d.external_id),
        plan.deals.map((d) => d.externalId),
      )
    )
      failures.push(
        `${where} is partial: deals ${own.map((d) => d.external_id).join(',')} for plan ${plan.tag}`,
      );
    let stageRows = 0;
    let taskRows = 0;
    for (const deal of plan.deals) {
      const row = own.find((d) => d.external_id === deal.externalId);
      if (!row) continue;
      const events = stageEvents.get(row.id) ?? [];
      const tasks = activities.get(row.id) ?? [];
      stageRows += events.length;
      taskRows += tasks.length;
      if (
        !sameList(
          events,
          deal.stages.map((s) => s.id),
        )
      )
        failures.push(`${where} is partial: deal ${deal.externalId} has stage events ${events.join(',')}`);
      if (
        !sameList(
          tasks,
          deal.tasks.map((t) => t.id),
        )
      )
        failures.push(`${where} is partial: deal ${deal.externalId} has activities ${tasks.join(',')}`);
    }
    const counts = (JSON.parse(batch.summary) as { counts?: Record<string, { new: number }> }).counts;
    const expected = {
      deals: plan.deals.length,
      stageEvents: plan.deals.reduce((n, d) => n + d.stages.length, 0),
      activities: plan.deals.reduce((n, d) => n + d.tasks.length, 0),
    };
    if (
      counts?.deals?.new !== expected.deals ||
      counts.stageEvents?.new !== expected.stageEvents ||
      counts.activities?.new !== expected.activities ||
      stageRows !== expected.stageEvents ||
      taskRows !== expected.activities
    )
      failures.push(`${where}: summary ${JSON.stringify(counts)} and rows do not match plan ${plan.tag}`);
    if (failures.length > failuresBefore) partial.add(batch.id);
  }
  if (new Set(batchPlans.values()).size !== batchPlans.size)
    failures.push('the same planned import was written as two batches');

  const reps = db.prepare('SELECT count(*) AS n FROM reps').get() as { n: number };
  if (reps.n !== (batches.length > 0 ? plannedUsers.length : 0))
    failures.push(`${reps.n} reps for ${batches.length} batches`);

  // Every observation in the file: a planned one, with exactly its commitments.
  const observations = db.prepare('SELECT id, rep_id, notes, deleted_at FROM observations').all() as {
    id: number;
    rep_id: number;
    notes: string;
    deleted_at: number | null;
  }[];
  const commitments = db
    .prepare('SELECT observation_id, rep_id, text FROM commitments ORDER BY id')
    .all() as { observation_id: number | null; rep_id: number; text: string }[];
  const observationMarkers = new Map<number, string>();
  const wholeObservations = new Set<number>();
  for (const observation of observations) {
    const planned = markerOfNotes(observation.notes);
    if (!planned) {
      failures.push(`observation ${observation.id} is not one the worker wrote: ${observation.notes}`);
      continue;
    }
    const plan = observationPlan(planned.round, planned.iteration);
    observationMarkers.set(observation.id, plan.marker);
    const own = commitments.filter((c) => c.observation_id === observation.id);
    const whole =
      sameList(
        own.map((c) => c.text),
        plan.commitments,
      ) && own.every((c) => c.rep_id === observation.rep_id);
    if (whole) wholeObservations.add(observation.id);
    else
      failures.push(
        `observation ${observation.id} (${plan.marker}) is partial: commitments ${own.map((c) => c.text).join(' | ')}`,
      );
    if (observation.deleted_at !== null) failures.push(`observation ${observation.id} is deleted`);
  }
  if (new Set(observationMarkers.values()).size !== observationMarkers.size)
    failures.push('the same planned observation was written twice');
  const strayCommitments = commitments.filter(
    (c) => c.observation_id === null || !observationMarkers.has(c.observation_id),
  );
  if (strayCommitments.length > 0)
    failures.push(`${strayCommitments.length} commitment(s) without their observation`);

  // Every acknowledged write: there, and the one the worker said it wrote.
  for (const ack of acks.imports) {
    const tag = importPlan(ack.round, ack.iteration).tag;
    if (batchPlans.get(ack.batchId) !== tag || partial.has(ack.batchId))
      lost.push(`import batch ${ack.batchId} (${tag})`);
  }
  for (const ack of acks.observations) {
    const marker = observationPlan(ack.round, ack.iteration).marker;
    if (observationMarkers.get(ack.id) !== marker || !wholeObservations.has(ack.id))
      lost.push(`observation ${ack.id} (${marker})`);
  }
  const ackedBatches = new Set(acks.imports.map((a) => a.batchId));
  const ackedObservations = new Set(acks.observations.map((a) => a.id));
  const unacknowledged =
    [...batchPlans.keys()].filter((id) => !ackedBatches.has(id)).length +
    [...observationMarkers.keys()].filter((id) => !ackedObservations.has(id)).length;
  return { lost, failures, unacknowledged };
}

type RoundResult = { acks: Acks; failure: string | null; beforeReady: boolean };

/**
 * Starts one round's worker: it loads the bundle and waits. run() lets it open the workspace and
 * write, SIGKILLs it at a random moment and returns what it acknowledged. Loading ahead lets the
 * next round's process start while the last round's file is still being checked.
 */
function startRound(
  workerPath: string,
  dbPath: string,
  dir: string,
  round: number,
  next: () => number,
): { run: () => Promise<RoundResult>; stop: () => void } {
  const child = spawn(
    process.execPath,
    [
      workerPath,
      '--db',
      dbPath,
      '--dir',
      join(dir, `round-${round}`),
      '--round',
      String(round),
      '--seed',
      String(Math.floor(next() * 2 ** 31)),
      '--wait',
    ],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      // The bundle runs from a copy; its packages still come from the project.
      env: { ...process.env, NODE_PATH: join(projectRoot, 'node_modules') },
    },
  );
  // One round in ten is killed at any moment from the go (opening, recovering, the first write);
  // the others 20–300 ms after the workspace is open.
  const early = next() < 0.1;
  const delay = early ? Math.floor(next() * 300) : 20 + Math.floor(next() * 281);
  const acks: Acks = { imports: [], observations: [] };
  let stderr = '';
  let pending = '';
  let started = false;
  let ready = false;
  let timer: NodeJS.Timeout | undefined;
  let noReady: NodeJS.Timeout | undefined;
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  let markLoaded = (): void => undefined;
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve));
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  child.stdin.on('error', () => undefined); // a worker that died early: its exit is the failure
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const parsed = parseWorkerLine(line);
      if (parsed?.kind === 'loaded') {
        markLoaded();
        continue;
      }
      if (parsed?.kind === 'ready' && started) {
        ready = true;
        clearTimeout(noReady);
        if (!early) timer = setTimeout(kill, delay);
      } else if (parsed?.kind === 'import' && ready) acks.imports.push(parsed);
      else if (parsed?.kind === 'observation' && ready) acks.observations.push(parsed);
      else stderr += `unexpected output: ${line}\n`;
    }
  });
  return {
    stop: kill,
    run: async () => {
      // Loaded (or dead: then its exit says why).
      await Promise.race([loaded, closed]);
      started = true;
      child.stdin.write('go\n');
      if (early) timer = setTimeout(kill, delay);
      noReady = setTimeout(kill, 20_000);
      const [code, signal] = await closed;
      clearTimeout(timer);
      clearTimeout(noReady);
      // Only our SIGKILL may end it, and (unless killed early on purpose) after it was ready.
      const failure =
        signal === 'SIGKILL' && stderr === '' && (ready || early)
          ? null
          : `round ${round}: worker ended with ${signal ?? `exit code ${code}`}${ready ? '' : ' before it was ready'}: ${stderr.trim()}`;
      return { acks, failure, beforeReady: !ready };
    },
  };
}

describe('crash safety', () => {
  it(
    `keeps every acknowledged write whole and no partial batch across ${rounds} SIGKILLs of a writing process`,
    async () => {
      const folder = tempFolder();
      folders.push(folder);
      // A copy of the built bundle, so a rebuild of out/ while this runs cannot pull it away.
      const bundle = join(folder.dir, 'bundle');
      cpSync(builtMain, bundle, { recursive: true });
      const workerPath = join(bundle, 'crashWorker.js');
      const next = random(seed);
      const acks: Acks = { imports: [], observations: [] };
      const failures: string[] = [];
      const lost = new Set<string>();
      let killedBeforeReady = 0;
      let roundsWithWrites = 0;
      let unacknowledged = 0;
      const started = Date.now();
      // Two rounds' processes load ahead while the current one runs and its file is checked.
      const upcoming: ReturnType<typeof startRound>[] = [];
      let spawned = 0;
      const fill = (): void => {
        while (upcoming.length < 2 && spawned < rounds)
          upcoming.push(startRound(workerPath, folder.dbPath, folder.dir, ++spawned, next));
      };
      fill();
      try {
        for (let round = 1; round <= rounds; round++) {
          const result = await upcoming.shift()!.run();
          fill();
          if (result.failure) failures.push(result.failure);
          if (result.beforeReady) killedBeforeReady++;
          if (result.acks.imports.length + result.acks.observations.length > 0) roundsWithWrites++;
          acks.imports.push(...result.acks.imports);
          acks.observations.push(...result.acks.observations);
          // Killed before it created the file: nothing was written, nothing acknowledged.
          if (!existsSync(folder.dbPath)) {
            if (result.acks.imports.length + result.acks.observations.length > 0)
              failures.push(`round ${round}: writes acknowledged but there is no workspace file`);
            continue;
          }
          // Read-only, as a second process would: the WAL the worker left stays for the next round.
          const db = new Database(folder.dbPath, { readonly: true });
          try {
            // Killed after it created the file but before the first migration committed: an
            // empty file, which the next start migrates. Nothing can have been acknowledged.
            if (db.pragma('user_version', { simple: true }) === 0) {
              if (acks.imports.length + acks.observations.length > 0)
                failures.push(`round ${round}: writes acknowledged but the workspace file has no schema`);
              continue;
            }
            const verdict = verify(db, acks);
            verdict.lost.forEach((l) => lost.add(l));
            failures.push(...verdict.failures.map((f) => `round ${round}: ${f}`));
            unacknowledged = verdict.unacknowledged;
          } finally {
            db.close();
          }
          if (failures.length > 20) break;
        }
      } finally {
        upcoming.forEach((u) => u.stop());
      }

      // Reopened as the app's writer (recovery, checkpoint), the file still holds everything.
      const writer = openDatabase(folder.dbPath, { role: 'writer' });
      const final = verify(writer, acks);
      writer.pragma('wal_checkpoint(TRUNCATE)');
      writer.close();
      final.lost.forEach((l) => lost.add(l));
      failures.push(...final.failures.map((f) => `after reopening: ${f}`));

      const figures = {
        seed,
        rounds,
        acknowledgedWrites: acks.imports.length + acks.observations.length,
        acknowledgedImports: acks.imports.length,
        acknowledgedObservations: acks.observations.length,
        committedUnacknowledged: unacknowledged,
        lostWrites: lost.size,
        failures: failures.length,
        killedBeforeReady,
        roundsWithWrites,
        seconds: Math.round((Date.now() - started) / 1000),
      };
      console.log(`crash safety: ${JSON.stringify(figures)}`);
      if (process.env.STRESS_REPORT) {
        mkdirSync(dirname(process.env.STRESS_REPORT), { recursive: true });
        writeFileSync(process.env.STRESS_REPORT, JSON.stringify(figures, null, 2));
      }

      expect(failures).toEqual([]);
      expect([...lost]).toEqual([]);
      // The kills must land while writes happen, both kinds: a run that wrote nothing proves nothing.
      // (How many land depends on the machine's speed, so the bar is low.)
      expect(acks.imports.length).toBeGreaterThan(rounds / 10);
      expect(acks.observations.length).toBeGreaterThan(rounds / 10);
      expect(roundsWithWrites).toBeGreaterThan(rounds / 10);

      // And the check itself sees lost writes: drop one acknowledged task and one acknowledged
      // observation (with its commitments) from a copy.
      const copy = join(folder.dir, 'copy.db');
      copyFileSync(folder.dbPath, copy);
      const damaged = new Database(copy);
      const ackedImport = acks.imports.at(-1)!;
      const task = importPlan(ackedImport.round, ackedImport.iteration).deals[0]!.tasks[0]!;
      expect(damaged.prepare('DELETE FROM activities WHERE external_id = ?').run(task.id).changes).toBe(1);
      const ackedObservation = acks.observations.at(-1)!;
      expect(
        damaged.prepare('DELETE FROM commitments WHERE observation_id = ?').run(ackedObservation.id).changes,
      ).toBeGreaterThan(0);
      damaged.prepare('DELETE FROM observations WHERE id = ?').run(ackedObservation.id);
      const verdict = verify(damaged, acks);
      damaged.close();
      expect(verdict.lost).toEqual([
        `import batch ${ackedImport.batchId} (${importPlan(ackedImport.round, ackedImport.iteration).tag})`,
        `observation ${ackedObservation.id} (${observationPlan(ackedObservation.round, ackedObservation.iteration).marker})`,
      ]);
      expect(verdict.failures).toEqual([
        expect.stringMatching(/is partial: deal .* has activities/),
        expect.stringMatching(/summary .* and rows do not match plan/),
      ]);
    },
    Math.max(60_000, rounds * 3_000),
  );
});
