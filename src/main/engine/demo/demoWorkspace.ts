import type { Db } from '../db/open';
import { currentWorkflow } from '../queries/workflow';
import { DEMO_SOURCE } from '../queries/workspace';
import type { DemoWorkspace } from './demoTypes';
import { DEMO_SEED, generateDemo } from './generateDemo';
import { bumpDataRevision } from '../queries/dataRevision';
import { insertDemoExperiments, removeDemoExperiments } from './demoExperiments';

/** Rows between two progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 2_000;

function rowCount(data: DemoWorkspace): number {
  let rows =
    data.reps.length * 2 + data.observations.length + data.oneOnOnes.length + data.commitments.length;
  for (const deal of data.deals) rows += 1 + deal.history.length + deal.activities.length;
  return rows;
}

function lookup(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo data refers to unknown key ${key}`);
  return id;
}

function insertAll(
  db: Db,
  data: DemoWorkspace,
  now: number,
  onProgress: (done: number, total: number) => void,
): void {
  const total = rowCount(data);
  let done = 0;
  const tick = (): void => {
    done += 1;
    if (done % PROGRESS_EVERY === 0) onProgress(done, total);
  };

  const batchId = Number(
    db
      .prepare(
        `INSERT INTO import_batches (source, label, status, started_at, finished_at)
         VALUES (?, 'Demo workspace', 'applied', ?, ?)`,
      )
      .run(DEMO_SOURCE, now, now).lastInsertRowid,
  );

  const insertRep = db.prepare(
    `INSERT INTO reps (name, email, role, team, manager_name, start_date, is_active, source, batch_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const setManager = db.prepare('UPDATE reps SET manager_id = ? WHERE id = ?');
  const insertIdentity = db.prepare(
    'INSERT INTO rep_identities (source, external_id, rep_id, batch_id) VALUES (?, ?, ?, ?)',
  );
  const repIds = new Map<string, number>();
  const repNames = new Map(data.reps.map((r) => [r.key, r.name]));
  for (const rep of data.reps) {
    const manager = rep.managerKey ? (repNames.get(rep.managerKey) ?? null) : null;
    const id = Number(
      insertRep.run(
        rep.name,
        rep.email,
        rep.role,
        rep.team,
        manager,
        rep.startDate,
        DEMO_SOURCE,
        batchId,
        now,
      ).lastInsertRowid,
    );
    repIds.set(rep.key, id);
    insertIdentity.run(DEMO_SOURCE, rep.key, id, batchId);
    tick();
    tick();
  }
  // Second pass: a manager may be listed after the reps who report to them.
  for (const rep of data.reps) {
    if (rep.managerKey) setManager.run(lookup(repIds, rep.managerKey), lookup(repIds, rep.key));
  }

  const insertDeal = db.prepare(
    `INSERT INTO deals (source, external_id, name, account, owner_id, amount, currency, created_at, close_date, closed_at,
                        status, stage_key, source_stage, stage_entered_at, lost_reason, pipeline, custom_fields, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO stage_events (deal_id, source_stage, stage_key, entered_at, source, external_id, source_row, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertActivity = db.prepare(
    `INSERT INTO activities (source, external_id, deal_id, rep_id, type, raw_type, subject, occurred_at, duration_seconds,
                             contact, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const dealIds = new Map<string, number>();
  for (const deal of data.deals) {
    const dealId = Number(
      insertDeal.run(
        DEMO_SOURCE,
        deal.externalId,
        deal.name,
        deal.account,
        lookup(repIds, deal.ownerKey),
        deal.amount,
        deal.currency,
        deal.createdAt,
        deal.closeDate,
        deal.closedAt,
        deal.status,
        deal.stageKey,
        deal.sourceStage,
        deal.stageEnteredAt,
        deal.lostReason,
        deal.pipeline,
        JSON.stringify(deal.customFields),
        batchId,
      ).lastInsertRowid,
    );
    dealIds.set(deal.externalId, dealId);
    tick();
    // Insertion order is the history order: rows at the same instant keep it through their ids.
    for (const e of deal.history) {
      insertEvent.run(
        dealId,
        e.sourceStage,
        e.stageKey,
        e.enteredAt,
        DEMO_SOURCE,
        e.externalId,
        e.sourceRow,
        batchId,
      );
      tick();
    }
    for (const a of deal.activities) {
      insertActivity.run(
        DEMO_SOURCE,
        a.externalId,
        dealId,
        a.repKey ? lookup(repIds, a.repKey) : null,
        a.type,
        a.rawType,
        a.subject,
        a.occurredAt,
        a.durationSeconds,
        a.contact,
        batchId,
      );
      tick();
    }
  }

  const insertObservation = db.prepare(
    `INSERT INTO observations (coach, rep_id, deal_id, stage_key, observed_on, checklist, rubric, tags, notes, source,
                               external_id, batch_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const observationIds = new Map<string, number>();
  for (const o of data.observations) {
    const id = insertObservation.run(
      o.coach,
      lookup(repIds, o.repKey),
      o.dealExternalId ? lookup(dealIds, o.dealExternalId) : null,
      o.stageKey,
      o.observedOn,
      JSON.stringify(o.checklist),
      JSON.stringify(o.rubric),
      JSON.stringify(o.tags),
      o.notes,
      DEMO_SOURCE,
      o.externalId,
      batchId,
      o.createdAt,
      o.createdAt,
    ).lastInsertRowid;
    observationIds.set(o.externalId, Number(id));
    tick();
  }

  const insertOneOnOne = db.prepare(
    `INSERT INTO one_on_ones (rep_id, manager, held_on, notes, talking_points, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const oneOnOneIds = new Map<string, number>();
  for (const m of data.oneOnOnes) {
    const id = insertOneOnOne.run(
      lookup(repIds, m.repKey),
      m.manager,
      m.heldOn,
      m.notes,
      JSON.stringify(m.talkingPoints),
      m.createdAt,
      m.createdAt,
    ).lastInsertRowid;
    oneOnOneIds.set(m.key, Number(id));
    tick();
  }

  const insertCommitment = db.prepare(
    `INSERT INTO commitments (rep_id, one_on_one_id, observation_id, text, due_on, status, created_at, resolved_at,
                              resolution_note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of data.commitments) {
    insertCommitment.run(
      lookup(repIds, c.repKey),
      c.oneOnOneKey ? lookup(oneOnOneIds, c.oneOnOneKey) : null,
      c.observationExternalId ? lookup(observationIds, c.observationExternalId) : null,
      c.text,
      c.dueOn,
      c.status,
      c.createdAt,
      c.resolvedAt,
      c.resolutionNote,
    );
    tick();
  }

  const summary = {
    reps: data.reps.length,
    deals: data.deals.length,
    stageEvents: data.deals.reduce((n, d) => n + d.history.length, 0),
    activities: data.deals.reduce((n, d) => n + d.activities.length, 0),
    observations: data.observations.length,
  };
  db.prepare('UPDATE import_batches SET inserted = ?, summary = ? WHERE id = ?').run(
    total,
    JSON.stringify(summary),
    batchId,
  );
  onProgress(total, total);
}

/**
 * Replaces any demo data with a freshly generated demo workspace (about 1,500 deals with their
 * history and activities, reps, coaching records) for the current workflow, in one transaction.
 */
export function loadDemo(
  db: Db,
  now: number,
  onProgress: (done: number, total: number) => void = () => {},
): void {
  // Generated before the transaction opens: the write lock is held only while rows are written.
  const data = generateDemo(DEMO_SEED, now, currentWorkflow(db).definition);
  onProgress(0, rowCount(data));
  db.transaction(() => {
    removeDemo(db);
    insertAll(db, data, now, onProgress);
    insertDemoExperiments(db, now);
    bumpDataRevision(db);
  })();
}

/**
 * Deletes every demo row — the demo reps with their identities, one-on-ones, commitments and
 * observations, the demo deals with their history and activities, and the demo import batch —
 * in one transaction, leaving data from real imports untouched.
 */
export function removeDemo(db: Db): void {
  const demoReps = 'SELECT id FROM reps WHERE source = @source';
  const demoDeals = 'SELECT id FROM deals WHERE source = @source';
  // Children first, so no demo row is left to a cascade; real rows that merely point at a demo rep
  // or deal (an owner, a manager) are kept and their reference set to null by the foreign keys.
  const statements = [
    `DELETE FROM commitments WHERE rep_id IN (${demoReps})
       OR observation_id IN (SELECT id FROM observations WHERE source = @source)`,
    `DELETE FROM one_on_ones WHERE rep_id IN (${demoReps})`,
    `DELETE FROM observations WHERE source = @source OR rep_id IN (${demoReps})`,
    `DELETE FROM activities WHERE source = @source OR deal_id IN (${demoDeals})`,
    `DELETE FROM stage_events WHERE source = @source OR deal_id IN (${demoDeals})`,
    `DELETE FROM deals WHERE source = @source`,
    `DELETE FROM rep_identities WHERE source = @source OR rep_id IN (${demoReps})`,
    `DELETE FROM reps WHERE source = @source`,
    `DELETE FROM import_batches WHERE source = @source`,
  ].map((sql) => db.prepare(sql));
  db.transaction(() => {
    removeDemoExperiments(db);
    for (const statement of statements) statement.run({ source: DEMO_SOURCE });
    bumpDataRevision(db);
  })();
}
