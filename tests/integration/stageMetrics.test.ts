import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/engine/db/migrate';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { ensureEvaluated } from '../../src/main/engine/evaluation/queries';
import { stageMetricsReport } from '../../src/main/engine/reports/stageMetrics';
import { bottlenecksReport, failurePointsReport } from '../../src/main/engine/reports/patterns';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { tempFolder } from '../helpers/workspace';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.UTC(2026, 6, 1, 9);
const now = Date.UTC(2026, 10, 1);
const folder = tempFolder();
let db: Db;

beforeAll(() => {
  db = openDatabase(folder.dbPath, { role: 'writer' });
  migrate(db, folder.dbPath, now);
  ensureWorkspaceDefaults(db, now);
  const repId = Number(
    db.prepare("INSERT INTO reps (name, role, source, created_at) VALUES ('Ana', 'AE', 't', 0)").run()
      .lastInsertRowid,
  );
  const deal = db.prepare(
    "INSERT INTO deals (source, external_id, name, owner_id, created_at, status, custom_fields) VALUES ('t', ?, ?, ?, ?, ?, ?)",
  );
  const event = db.prepare(
    "INSERT INTO stage_events (deal_id, source_stage, entered_at, source) VALUES (?, ?, ?, 't')",
  );
  const activity = db.prepare(
    "INSERT INTO activities (source, external_id, deal_id, rep_id, type, raw_type, subject, occurred_at, contact) VALUES ('t', ?, ?, ?, 'other', ?, ?, ?, ?)",
  );
  let n = 0;
  const add = (
    id: string,
    status: string,
    history: [string, number][],
    acts: [string, string, number, string?][],
    fields = '{}',
  ) => {
    const dealId = Number(deal.run(id, id, repId, t0, status, fields).lastInsertRowid);
    for (const [stage, at] of history) event.run(dealId, stage, t0 + at);
    for (const [raw, subject, at, contact] of acts)
      activity.run(`a${n++}`, dealId, repId, raw, subject, t0 + at, contact ?? null);
  };
  // Won: first call 2 h after entering Lead; proposal on day 10, won on day 16 (6 days to signature).
  add(
    'W1',
    'won',
    [
      ['Prospecting', 0],
      ['Qualification', 2 * DAY],
      ['Proposal/Price Quote', 10 * DAY],
      ['Closed Won', 16 * DAY],
    ],
    [
      ['Call', 'Call', 2 * HOUR, 'ann'],
      ['Meeting', 'Discovery call', 3 * DAY, 'bob'],
    ],
    '{"discount_pct":"10"}',
  );
  // Lost in Discovery: first email 6 h after entering Lead; one contact only.
  add(
    'L1',
    'lost',
    [
      ['Prospecting', 0],
      ['Qualification', 1 * DAY],
      ['Closed Lost', 5 * DAY],
    ],
    [['Email', 'Email: intro', 6 * HOUR, 'cy']],
  );
  // Won: first call 4 h after Lead; proposal day 20, won day 30 (10 days).
  add(
    'W2',
    'won',
    [
      ['Prospecting', 0],
      ['Qualification', 1 * DAY],
      ['Proposal/Price Quote', 20 * DAY],
      ['Closed Won', 30 * DAY],
    ],
    [['Call', 'Call', 4 * HOUR, 'dee']],
    '{"discount_pct":"20"}',
  );
  db.prepare("UPDATE deals SET closed_at = ? WHERE external_id = 'W1'").run(t0 + 16 * DAY);
  db.prepare("UPDATE deals SET closed_at = ? WHERE external_id = 'W2'").run(t0 + 30 * DAY);
  db.prepare("UPDATE deals SET closed_at = ? WHERE external_id = 'L1'").run(t0 + 5 * DAY);
  ensureEvaluated(db, currentWorkflow(db), now);
});
afterAll(() => {
  db.close();
  folder.remove();
});

const period = { from: '2026-07-01', to: '2026-09-30' };

describe('stage metrics, failure points and bottlenecks on a hand-built workspace', () => {
  it('computes the method stage metrics with their sample sizes', () => {
    const report = stageMetricsReport(db, period);
    const metric = (key: string) => report.metrics.find((m) => m.key === key)!;
    expect(metric('lead_response_hours')).toMatchObject({ value: 4, deals: 3 });
    expect(metric('leads_qualified')).toMatchObject({ value: 1, deals: 3 });
    expect(metric('proposal_to_signature_days')).toMatchObject({ value: 8, deals: 2 });
    // W1 met two contacts before leaving Discovery; W2 and L1 one each.
    expect(metric('decision_makers_early')).toMatchObject({ value: 1 / 3, deals: 3 });
    expect(metric('meeting_to_opportunity')).toMatchObject({ value: null, deals: 0 });
    // Both wins close in July, at 10 % and 20 % discount.
    expect(report.discountByMonth).toEqual([{ month: '2026-07', wonDeals: 2, averageDiscountPercent: 15 }]);
  });

  it('finds where the lost deal stopped and ranks stages by cost', () => {
    const failures = failurePointsReport(db, period, now);
    expect(failures.lost.deals).toBe(1);
    expect(failures.lost.byStage[0]).toMatchObject({
      stageKey: 'discovery',
      deals: 1,
      daysThere: { medianDays: 4 },
    });
    const bottlenecks = bottlenecksReport(db, period);
    expect(bottlenecks.stages[0]!.stageKey).toBe('discovery');
    expect(bottlenecks.stages.find((s) => s.stageKey === 'discovery')).toMatchObject({
      entered: 3,
      dropOff: 1,
    });
  });
});
