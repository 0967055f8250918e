import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '@shared/import/types';
import type { Db } from '../../src/main/engine/db/open';
import { dealChecklist, ensureEvaluated } from '../../src/main/engine/evaluation/queries';
import type { ImportRequest } from '../../src/main/engine/import/pipeline';
import { getDeal } from '../../src/main/engine/queries/deals';
import { metricsReport } from '../../src/main/engine/queries/metrics';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { funnelReport } from '../../src/main/engine/reports/stageReports';
import { testNow } from '../helpers/clock';
import {
  trackedImportWorkspace,
  mavenMapping,
  mavenPipeline,
  runTestImport,
} from '../helpers/importWorkspace';
import { tempFolder } from '../helpers/workspace';

const now = testNow;
const DAY = 86_400_000;
const hubspotNoHistory = join(
  __dirname,
  '../fixtures/import/hubspot/hubspot-crm-exports-deals-no-history-2026-11-20.csv',
);
// The close date mapped as what it is, a date: nothing in the file says when a stage was entered.
const { closedAt: _closedAt, ...mavenColumns } = mavenMapping.columns;
const mavenDateMapping = { ...mavenMapping, columns: { ...mavenColumns, closeDate: 'close_date' } };

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const workspace = () => trackedImportWorkspace(cleanups).db;

async function apply(db: Db, request: ImportRequest): Promise<ImportResult> {
  const result = (await runTestImport(db, request, 'apply')) as ImportResult;
  ensureEvaluated(db, currentWorkflow(db), now, true);
  return result;
}

function deal(db: Db, externalId: string) {
  return db
    .prepare(
      'SELECT id, status, stage_key AS stageKey, created_at AS createdAt, closed_at AS closedAt, close_date AS closeDate FROM deals WHERE external_id = ?',
    )
    .get(externalId) as {
    id: number;
    status: string;
    stageKey: string | null;
    createdAt: number;
    closedAt: number | null;
    closeDate: string | null;
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

describe('deals from files without stage history', () => {
  it('close a HubSpot view export at its Close Date, keep an open deal open, and say the history is missing', async () => {
    const db = workspace();
    const result = await apply(db, { paths: [hubspotNoHistory] });
    expect(result.counts.deals.new).toBe(6);
    // No stage history in the file: every deal with a stage gets one entry derived from its row,
    // except the won deal nothing dates.
    expect(result.counts.stageEvents).toEqual({ new: 0, changed: 0, unchanged: 0 });
    expect(result.counts.derivedStageEvents).toEqual({ new: 5, changed: 0, unchanged: 0 });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        file: 'hubspot-crm-exports-deals-no-history-2026-11-20.csv',
        message: expect.stringContaining('1 won or lost deal has no stage history and no close date'),
      }),
    );

    // Won and lost close at the Close Date the file gives, not at creation.
    expect(deal(db, '9001')).toMatchObject({ status: 'won', closedAt: Date.UTC(2026, 9, 28, 16, 5) });
    expect(deal(db, '9002')).toMatchObject({ status: 'lost', closedAt: Date.UTC(2026, 10, 2, 11, 30) });
    // An open deal's Close Date is its expected close, never a close.
    expect(deal(db, '9003')).toMatchObject({ status: 'open', closedAt: null, closeDate: '2026-12-20' });
    // A Close Date before the deal was created: it closes no earlier than its creation.
    expect(deal(db, '9004')).toMatchObject({ status: 'won', closedAt: Date.UTC(2026, 9, 10, 12) });
    // Won with no Close Date: counted in no period.
    expect(deal(db, '9005')).toMatchObject({ status: 'won', closedAt: null });

    const q4 = { from: '2026-10-01', to: '2026-12-31' };
    const report = metricsReport(db, currentWorkflow(db), q4);
    const zoe = report.reps.find((r) => r.name === 'Zoë Müller')!;
    const pierre = report.reps.find((r) => r.name === 'Pierre Martin')!;
    // 9001: Aug 3 09:15 → Oct 28 16:05 is 86.28 days, never the 0.0 of a close at creation.
    expect(zoe).toMatchObject({ won: 1, lost: 0, wonAmount: 48_500, dealsWithoutHistory: 2 });
    expect(zoe.medianCycleDays).toBeCloseTo(
      (Date.UTC(2026, 9, 28, 16, 5) - Date.UTC(2026, 7, 3, 9, 15)) / DAY,
      9,
    );
    expect(pierre).toMatchObject({
      won: 1,
      lost: 1,
      winRate: 0.5,
      medianCycleDays: 0,
      dealsWithoutHistory: 3,
    });
    // 9001, 9002, 9004 closed in Q4 and 9003, 9006 are open; 9005 belongs to no period.
    expect(report.withoutHistory).toEqual({ deals: 5, closed: 3 });

    // The funnel: the open deals' entry into their stage is not dated, so no visit is invented.
    const funnel = funnelReport(db, q4);
    expect(funnel.withoutHistory).toEqual({ deals: 5, closed: 3 });
    expect(funnel.stages.reduce((sum, s) => sum + s.entered, 0)).toBe(0);
    expect(funnel.outcomes).toMatchObject({ won: 2, lost: 1 });

    // The deal page says so, and shows no visit that the file does not date.
    const open = getDeal(db, deal(db, '9003').id, currentWorkflow(db).definition, now);
    expect(open.visits).toEqual([]);
    // Its stage is known, when it entered it is not: no "in stage since" its creation.
    expect(open.deal).toMatchObject({ stageKey: 'negotiation', lastStageChangeAt: null });
    expect(open.missingHistory).toContain('when the deal entered its current stage is not known');
    const won = getDeal(db, deal(db, '9001').id, currentWorkflow(db).definition, now);
    expect(won.visits.map((v) => [v.stageKey, v.enteredAt])).toEqual([['won', Date.UTC(2026, 9, 28, 16, 5)]]);
    expect(won.missingHistory).toContain('closes at its Close Date');
    const checklist = dealChecklist(db, deal(db, '9003').id, undefined, now);
    expect(checklist.evaluation.flags.map((f) => f.kind)).toEqual(['no_history']);
    expect(checklist.evaluation.visits).toEqual([]);

    // A second import of the same file changes nothing, derived entries included.
    const again = await apply(db, { paths: [hubspotNoHistory] });
    expect(again.counts.derivedStageEvents).toEqual({ new: 0, changed: 0, unchanged: 5 });
    expect(again.counts.deals).toEqual({ new: 0, changed: 0, unchanged: 6 });
  });

  it('give way to real history when a later export brings it, and drop the flag', async () => {
    const db = workspace();
    await apply(db, { paths: [hubspotNoHistory] });
    const flagged = (): number =>
      (db.prepare("SELECT count(*) AS n FROM eval_flags WHERE kind = 'no_history'").get() as { n: number }).n;
    expect(flagged()).toBe(6);

    // The same portal exported again from a view with the "Date entered" columns, for one deal.
    const dir = tempFolder();
    cleanups.push(dir.remove);
    const withHistory = join(dir.dir, 'hubspot-crm-exports-all-deals-2026-11-27.csv');
    writeFileSync(
      withHistory,
      [
        '"Record ID","Deal Name","Deal Stage","Pipeline","Amount","Close Date","Create Date","Deal owner","Date entered ""Appointment Scheduled (Sales Pipeline)""","Date entered ""Contract Sent (Sales Pipeline)"""',
        '"9003","Brauhaus Kern – scanners","Contract Sent","Sales Pipeline","12900","2026-12-20 00:00","2026-10-05 08:00","Zoë Müller","2026-10-05 08:00","2026-10-20 10:00"',
        '',
      ].join('\r\n'),
    );
    const result = await apply(db, { paths: [withHistory] });
    expect(result.counts.stageEvents.new).toBe(2);
    const events = db
      .prepare(
        'SELECT external_id AS id, entered_at AS at FROM stage_events WHERE deal_id = ? ORDER BY entered_at',
      )
      .all(deal(db, '9003').id);
    expect(events).toEqual([
      { id: '9003:entered:Appointment Scheduled (Sales Pipeline)', at: Date.UTC(2026, 9, 5, 8) },
      { id: '9003:entered:Contract Sent (Sales Pipeline)', at: Date.UTC(2026, 9, 20, 10) },
    ]);
    expect(flagged()).toBe(5);
    const detail = getDeal(db, deal(db, '9003').id, currentWorkflow(db).definition, now);
    expect(detail.missingHistory).toBeNull();
    expect(detail.visits.map((v) => v.stageKey)).toEqual(['lead', 'negotiation']);
    const funnel = funnelReport(db, { from: '2026-10-01', to: '2026-12-31' });
    expect(funnel.withoutHistory).toEqual({ deals: 4, closed: 3 });
    expect(funnel.stages.find((s) => s.key === 'lead')).toMatchObject({ entered: 1, advanced: 1 });
  });

  it('close Maven deals mapped with a close date at that date, with the cycle an independent count gives', async () => {
    const db = workspace();
    await apply(db, { paths: [mavenPipeline], mappings: { 'sales_pipeline.csv': mavenDateMapping } });

    // The oracle: the file read line by line (Maven's CSV has no quoted fields).
    const rows = readFileSync(mavenPipeline, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(','))
      .map(([, agent, , , stage, engage, close, value]) => ({ agent, stage, engage, close, value }));
    const inQ1 = rows.filter((r) => r.close! >= '2017-01-01' && r.close! <= '2017-03-31');
    const byAgent = new Map<string, typeof inQ1>();
    for (const row of inQ1) byAgent.set(row.agent!, [...(byAgent.get(row.agent!) ?? []), row]);

    const report = metricsReport(db, currentWorkflow(db), { from: '2017-01-01', to: '2017-03-31' });
    expect(byAgent.size).toBeGreaterThan(20);
    for (const [agent, closed] of byAgent) {
      const rep = report.reps.find((r) => r.name === agent)!;
      const won = closed.filter((r) => r.stage === 'Won');
      const cycles = won.map((r) => (Date.parse(r.close!) - Date.parse(r.engage!)) / DAY);
      expect(rep, agent).toMatchObject({
        won: won.length,
        lost: closed.filter((r) => r.stage === 'Lost').length,
        wonAmount: won.reduce((sum, r) => sum + Number(r.value), 0),
        medianCycleDays: cycles.length ? median(cycles) : null,
      });
      expect(rep.medianCycleDays ?? 1).toBeGreaterThan(0);
    }
    // The sample deal of the issue: created 2016-10-20, won on its Close Date 2017-03-01.
    expect(deal(db, '1C1I7A6R')).toMatchObject({ status: 'won', closedAt: Date.UTC(2017, 2, 1) });
  });
});
