import { join } from 'node:path';
import { migrate } from '../engine/db/migrate';
import { openDatabase } from '../engine/db/open';
import { complianceReport, reevaluateAfterChange } from '../engine/evaluation/queries';
import { materializeEvaluations } from '../engine/evaluation/materialize';
import { bumpDataRevision } from '../engine/queries/dataRevision';
import { funnelReport } from '../engine/reports/stageReports';
import { currentWorkflow } from '../engine/queries/workflow';
import { ensureWorkspaceDefaults } from '../engine/queries/workspace';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A seeded generator, so every run times the same workspace. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * Evaluation at scale: a workspace of `deals` deals with stage histories and ten activities
 * each, evaluated in full under the default workflow, then the funnel and heatmap queries.
 */
export function evaluateBench(dir: string, deals: number): void {
  const dbPath = join(dir, 'evaluate.db');
  const db = openDatabase(dbPath, { role: 'writer' });
  const now = Date.UTC(2026, 10, 27);
  migrate(db, dbPath, now);
  ensureWorkspaceDefaults(db, now);
  const rand = random(7);
  const paths = [
    [
      'Prospecting',
      'Qualification',
      'Value Proposition',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
    ],
    ['Prospecting', 'Qualification', 'Closed Lost'],
    ['Prospecting', 'Value Proposition', 'Proposal/Price Quote', 'Closed Lost'],
    ['Prospecting', 'Qualification', 'Value Proposition'],
    [
      'Prospecting',
      'Qualification',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Proposal/Price Quote',
      'Closed Won',
    ],
  ];
  const keys: Record<string, string> = {
    Prospecting: 'lead',
    Qualification: 'discovery',
    'Value Proposition': 'demo',
    'Proposal/Price Quote': 'proposal',
    'Negotiation/Review': 'negotiation',
    'Closed Won': 'won',
    'Closed Lost': 'lost',
  };
  const activityKinds: [string, string][] = [
    ['Call', 'Call'],
    ['Email', 'Email: follow-up'],
    ['Meeting', 'Discovery call'],
    ['Meeting', 'Demo — walkthrough'],
    ['Email', 'Proposal sent'],
    ['Meeting', 'Follow-up meeting'],
    ['Note', 'Call notes'],
    ['Email', 'Contract sent'],
  ];
  const seeding = performance.now();
  db.transaction(() => {
    const rep = db.prepare(
      "INSERT INTO reps (name, role, team, source, created_at) VALUES (?, ?, ?, 'bench', 0)",
    );
    for (let i = 0; i < 60; i++) rep.run(`Rep ${i}`, i % 10 === 0 ? 'SDR' : 'AE', i % 2 ? 'North' : 'South');
    const deal = db.prepare(
      `INSERT INTO deals (source, external_id, name, owner_id, amount, created_at, status, stage_key, closed_at, custom_fields)
       VALUES ('bench', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const event = db.prepare(
      "INSERT INTO stage_events (deal_id, source_stage, stage_key, entered_at, source) VALUES (?, ?, ?, ?, 'bench')",
    );
    const activity = db.prepare(
      `INSERT INTO activities (source, external_id, deal_id, rep_id, type, raw_type, subject, occurred_at, contact)
       VALUES ('bench', ?, ?, ?, 'other', ?, ?, ?, ?)`,
    );
    let activityId = 0;
    for (let i = 0; i < deals; i++) {
      const path = paths[i % paths.length]!;
      const created = now - Math.floor(rand() * 400) * DAY;
      const owner = 1 + Math.floor(rand() * 60);
      let t = created;
      const times = path.map(() => (t += Math.floor(rand() * 20 * DAY) + HOUR));
      const last = keys[path.at(-1)!]!;
      const status = last === 'won' ? 'won' : last === 'lost' ? 'lost' : 'open';
      const dealId = Number(
        deal.run(
          `D${i}`,
          `Deal ${i}`,
          owner,
          1000 + Math.floor(rand() * 100_000),
          created,
          status,
          last,
          status === 'open' ? null : times.at(-1)!,
          rand() < 0.6 ? '{"pain_point":"x","persona":"y","next_step":"z"}' : '{}',
        ).lastInsertRowid,
      );
      path.forEach((stage, j) => event.run(dealId, stage, keys[stage]!, times[j]!));
      for (let k = 0; k < 10; k++) {
        const [rawType, subject] = activityKinds[Math.floor(rand() * activityKinds.length)]!;
        activity.run(
          `A${activityId++}`,
          dealId,
          owner,
          rawType,
          subject,
          created + Math.floor(rand() * (times.at(-1)! - created + DAY)),
          `c${Math.floor(rand() * 4)}`,
        );
      }
    }
  })();
  console.log(
    `seeded ${deals.toLocaleString('en-US')} deals and ${(deals * 10).toLocaleString('en-US')} activities in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const version = currentWorkflow(db);
  const started = performance.now();
  materializeEvaluations(db, version, now);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `full evaluation: ${seconds.toFixed(2)} s (${Math.round(deals / seconds).toLocaleString('en-US')} deals/s)   target ≤ 3 s`,
  );
  // What an import usually costs afterwards: only the deals it touched are judged again.
  const touched = Array.from(
    { length: Math.min(1_000, deals) },
    (_, i) => 1 + Math.floor((i * deals) / 1_000),
  );
  bumpDataRevision(db);
  const partialStarted = performance.now();
  reevaluateAfterChange(db, version, now, touched);
  console.log(
    `re-evaluation after an import touching ${touched.length.toLocaleString('en-US')} deals: ${(performance.now() - partialStarted).toFixed(0)} ms`,
  );
  const period = { from: '2025-11-01', to: '2026-10-31' };
  for (const [label, run] of [
    ['funnel screen query', () => funnelReport(db, period)],
    ['heatmap screen query', () => complianceReport(db, period)],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      run();
      times.push(performance.now() - t);
    }
    console.log(`${label}: ${median(times).toFixed(0)} ms (median of 5)   target ≤ 150 ms`);
  }
  db.close();
}
