import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Adapter, AdapterOutput, ReadContext } from '../../../src/main/engine/import/adapter';
import { salesforceAdapters } from '../../../src/main/engine/import/adapters/salesforce';
import { readCsv } from '../../../src/main/engine/import/readCsv';
import type {
  ActivityRecord,
  DealRecord,
  ImportRecord,
  RepRecord,
  StageEventRecord,
} from '../../../src/main/engine/import/records';
import type { SourceTable } from '../../../src/main/engine/import/table';

const fixtures = join(__dirname, '../../fixtures/import/salesforce');
const sharedData = join(__dirname, '../../fixtures/real');
const newYork: ReadContext = { timeZone: 'America/New_York', dateOrder: null };

// Ids as the Data Export writes them (18 characters) fold to these 15-character forms.
const id = {
  zoe: '0058a00000KqZoE',
  jose: '0058a00000KqJsP',
  rollout: '0068a00001JmAaA',
  pilot: '0068a00001JmBbB',
  expansion: '0068a00001JmCcC',
  renewal: '0068a00001JmDdD',
  beijing: '0068a00001JmGgG',
  hannelore: '0038a00000HnKlA',
  nordlys: '0018a00000NoRdL',
};

function table(path: string): SourceTable {
  return readCsv(path.split('/').pop()!, readFileSync(path));
}

function best(t: SourceTable): { adapter: Adapter; score: number; runnerUp: number } {
  const scored = salesforceAdapters
    .map((adapter) => ({ adapter, score: adapter.detect(t.headers) }))
    .sort((a, b) => b.score - a.score);
  return { adapter: scored[0]!.adapter, score: scored[0]!.score, runnerUp: scored[1]!.score };
}

function importFile(path: string, context: ReadContext = newYork): AdapterOutput & { adapterId: string } {
  const t = table(path);
  const { adapter } = best(t);
  return { ...adapter.read(t, context), adapterId: adapter.id };
}

function byId<R extends ImportRecord>(records: ImportRecord[], externalId: string): R {
  const found = records.find((r) => 'externalId' in r && r.externalId === externalId);
  if (!found) throw new Error(`no record ${externalId}`);
  return found as R;
}

const errors = (out: AdapterOutput) => out.issues.filter((i) => i.severity === 'error');

describe('Salesforce detection', () => {
  const expected: [string, string][] = [
    ['data-export/User.csv', 'salesforce-user'],
    ['data-export/Opportunity.csv', 'salesforce-opportunity'],
    ['data-export/OpportunityHistory.csv', 'salesforce-opportunity-history'],
    ['data-export/Task.csv', 'salesforce-task'],
    ['data-export/Event.csv', 'salesforce-event'],
    ['data-loader/extract.csv', 'salesforce-opportunity'],
    ['opportunities-report.csv', 'salesforce-opportunity-report'],
    ['opportunities-report-no-id.csv', 'salesforce-opportunity-report'],
    ['opportunity-history-report.csv', 'salesforce-opportunity-history-report'],
    ['opportunity-field-history-report.csv', 'salesforce-field-history-report'],
  ];
  it.each(expected)('%s is read by %s, well ahead of the next shape', (file, adapterId) => {
    const { adapter, score, runnerUp } = best(table(join(fixtures, file)));
    expect(adapter.id).toBe(adapterId);
    expect(score).toBeGreaterThanOrEqual(0.6);
    expect(score - runnerUp).toBeGreaterThanOrEqual(0.3);
  });

  it('compares normalized headers, so Data Loader ALL CAPS and lower case both match', () => {
    const headers = ['ID', 'NAME', 'STAGENAME', 'CLOSEDATE', 'ISWON'];
    const opportunity = salesforceAdapters.find((a) => a.id === 'salesforce-opportunity')!;
    expect(opportunity.detect(headers)).toBeGreaterThan(0.6);
    expect(opportunity.detect(headers.map((h) => h.toLowerCase()))).toBe(opportunity.detect(headers));
  });

  it('tells Task from Event and Opportunity from OpportunityHistory on API headers alone', () => {
    const score = (adapterId: string, headers: string[]) =>
      salesforceAdapters.find((a) => a.id === adapterId)!.detect(headers);
    const event = [
      'Id',
      'WhoId',
      'WhatId',
      'Subject',
      'StartDateTime',
      'EndDateTime',
      'DurationInMinutes',
      'OwnerId',
    ];
    expect(score('salesforce-event', event)).toBeGreaterThan(score('salesforce-task', event));
    const history = ['Id', 'OpportunityId', 'CreatedDate', 'StageName', 'Amount', 'CloseDate'];
    expect(score('salesforce-opportunity', history)).toBe(0);
    expect(score('salesforce-opportunity-history', history)).toBeGreaterThan(0.6);
  });
});

describe('Salesforce Data Export Service (Windows-1252, all quoted, UTC)', () => {
  it('reads Standard users as reps with roles and managers, and skips automated users', () => {
    const out = importFile(join(fixtures, 'data-export/User.csv'));
    expect(out.issues).toEqual([]);
    expect(out.skipped).toEqual({ 'automated or integration user': 2 });
    const reps = out.records as RepRecord[];
    expect(reps.map((r) => [r.name, r.role])).toEqual([
      ['Zoë Müller', 'Manager'],
      ['José Peña', 'AE'],
      ['Björn Ångström', 'SDR'],
      ['Chloé Durand', 'SE'],
      ['Françoise Lefèvre', 'CS'],
    ]);
    const jose = byId<RepRecord>(reps, id.jose);
    expect(jose).toMatchObject({
      email: 'jose.pena@stagecoach-demo.com',
      managerExternalId: id.zoe,
      team: 'Vertrieb DACH',
    });
    expect(byId<RepRecord>(reps, id.zoe).managerExternalId).toBeNull();
    expect(reps.find((r) => r.name === 'Françoise Lefèvre')!.isActive).toBe(false);
  });

  it('reads opportunities: UTC datetimes, 15-character ids, IsClosed/IsWon outcome, custom fields', () => {
    const out = importFile(join(fixtures, 'data-export/Opportunity.csv'));
    expect(out.issues).toEqual([]);
    expect(out.skipped).toEqual({ 'deleted in Salesforce (IsDeleted)': 1 });
    const deals = out.records as DealRecord[];
    expect(deals).toHaveLength(5);

    const rollout = byId<DealRecord>(deals, id.rollout);
    expect(rollout.name).toMatch(/^Müller & Söhne . Rollout 2026$/);
    expect(rollout).toMatchObject({
      account: '0018a00000MsGmB',
      owner: { externalId: id.jose },
      amount: 48000,
      currency: 'EUR',
      createdAt: Date.UTC(2026, 0, 12, 9, 30),
      closeDate: '2026-03-31',
      status: 'open',
      stage: 'Negotiation/Review',
      stageEnteredAt: Date.UTC(2026, 1, 18, 14, 5),
      closedAt: null,
      pipeline: null,
      at: { file: 'Opportunity.csv', line: 2 },
    });
    expect(rollout.customFields).toMatchObject({
      LeadSource: 'Partner',
      Type: 'New Business',
      Probability: '90',
      ForecastCategory: 'Commit',
      Budget_Confirmed__c: '1',
    });
    expect(rollout.customFields).not.toHaveProperty('Partner__c');

    const pilot = byId<DealRecord>(deals, id.pilot);
    expect(pilot).toMatchObject({ status: 'won', closedAt: Date.UTC(2026, 1, 27, 10, 15, 42) });
    // The multi-line HTML description of the row before does not shift line numbers.
    expect(pilot.at.line).toBe(5);
    const expansion = byId<DealRecord>(deals, id.expansion);
    expect(expansion).toMatchObject({ status: 'lost', currency: 'USD' });
    expect(expansion.lostReason).toMatch(/^Precio . competidor más barato$/);
    // NUL bytes inside the rich-text cell are gone.
    expect(byId<DealRecord>(deals, id.renewal).customFields.ClosingPlan__c).toBe(
      '<p>1. Intro call</p><p>2. Demo für das Team</p>',
    );
    expect(byId<DealRecord>(deals, '0068a00001JmFfF')).toMatchObject({ amount: 22000.5, currency: 'DKK' });
  });

  it('reads every OpportunityHistory row, repeated stages included, and skips deleted rows', () => {
    const out = importFile(join(fixtures, 'data-export/OpportunityHistory.csv'));
    expect(out.issues).toEqual([]);
    expect(out.skipped).toEqual({ 'deleted in Salesforce (IsDeleted)': 1 });
    const events = out.records as StageEventRecord[];
    expect(events).toHaveLength(13);
    const rollout = events.filter((e) => e.dealExternalId === id.rollout);
    expect(rollout.map((e) => e.stage)).toEqual([
      'Prospecting',
      'Qualification',
      'Qualification',
      'Negotiation/Review',
      'Negotiation/Review',
    ]);
    expect(rollout[1]).toMatchObject({ externalId: '0088a00003nB002', enteredAt: Date.UTC(2026, 0, 20, 11) });
  });

  it('reads tasks: list emails and deleted rows skipped, sentinels as null, call types and dates', () => {
    const out = importFile(join(fixtures, 'data-export/Task.csv'));
    expect(out.issues).toEqual([]);
    expect(out.skipped).toEqual({ 'list email': 2, 'deleted in Salesforce (IsDeleted)': 1 });
    const tasks = out.records as ActivityRecord[];
    expect(tasks).toHaveLength(5);

    const [call, email, todo, onAccount, inbound] = tasks;
    expect(call).toMatchObject({
      externalId: '00T8a00000TkCa1',
      dealExternalId: id.rollout,
      owner: { externalId: id.jose },
      rawType: 'Call',
      occurredAt: Date.UTC(2026, 1, 19, 15, 10, 40),
      durationSeconds: 420,
      contact: id.hannelore,
      fields: { callType: 'Outbound' },
    });
    // The usual status and priority are not stored a million times over.
    expect(call!.fields).not.toHaveProperty('status');
    expect(call!.fields).not.toHaveProperty('priority');
    expect(call!.fields.description).toBe('Discussed DPA redlines.\nShe wants the SLA annex in German.');
    expect(email).toMatchObject({ rawType: 'Email', durationSeconds: null, dealExternalId: id.pilot });
    // The 000000000000000AAA sentinel is no deal and no contact; an open task falls back to its due date.
    expect(todo).toMatchObject({
      subject: 'QBR vorbereiten',
      dealExternalId: null,
      contact: null,
      rawType: 'Task',
      occurredAt: Date.UTC(2026, 2, 2),
      fields: { status: 'Not Started', priority: 'High', done: 'no' },
    });
    expect(todo!.fields).not.toHaveProperty('whatId');
    // A closed task without CompletedDateTime happened at its last edit; an Account WhatId is no deal.
    expect(onAccount).toMatchObject({
      dealExternalId: null,
      occurredAt: Date.UTC(2026, 1, 3, 9, 14),
      fields: { whatId: id.nordlys },
    });
    expect(inbound).toMatchObject({ rawType: 'Call', durationSeconds: 95, dealExternalId: id.renewal });
  });

  it('reads events: duration from DurationInMinutes, all-day dates at midnight UTC, invitee copies skipped', () => {
    const out = importFile(join(fixtures, 'data-export/Event.csv'));
    expect(out.issues).toEqual([]);
    expect(out.skipped).toEqual({ 'invitee copy of a group event': 1 });
    const [demo, workshop, discovery] = out.records as ActivityRecord[];
    expect(demo).toMatchObject({
      rawType: 'Meeting',
      dealExternalId: id.rollout,
      occurredAt: Date.UTC(2026, 1, 5, 14),
      durationSeconds: 3600,
      fields: { location: 'Düsseldorf, Königsallee 12', showAs: 'Busy' },
    });
    expect(workshop).toMatchObject({
      rawType: 'Meeting',
      occurredAt: Date.UTC(2026, 0, 28),
      durationSeconds: 86_400,
      fields: { allDay: 'true' },
    });
    expect(discovery).toMatchObject({ rawType: 'Call', dealExternalId: null, contact: '0038a00000LcDuP' });
    expect(discovery!.subject).toMatch(/^Discovery . Lucía Durán$/);
  });

  // Windows-1252 puts – € “ ” ‘ ’ at 0x80–0x9F. Node 20.18.3+/22.13+ TextDecoder('windows-1252')
  // decodes those bytes as Latin-1 C1 controls (nodejs/node#60888), and decode.ts relies on it.
  it('decodes Windows-1252 punctuation (0x80–0x9F) such as the en dash', () => {
    const deals = importFile(join(fixtures, 'data-export/Opportunity.csv')).records as DealRecord[];
    const rollout = byId<DealRecord>(deals, id.rollout);
    expect(rollout.name).toBe('Müller & Söhne – Rollout 2026');
    expect(rollout.customFields.NextStep).toBe('Legal review – Vertragsentwurf');
    expect(byId<DealRecord>(deals, id.expansion).lostReason).toBe('Precio – competidor más barato');
  });

  it('names file, row and column of a bad cell in a broken copy', () => {
    const path = join(fixtures, 'data-export/Opportunity.csv');
    const broken = Buffer.from(
      readFileSync(path).toString('latin1').replace('"2026-01-05 16:20:00"', '"2026-01-05 25:20:00"'),
      'latin1',
    );
    const t = readCsv('Opportunity.csv', broken);
    const out = best(t).adapter.read(t, newYork);
    expect(errors(out)).toEqual([
      {
        severity: 'error',
        file: 'Opportunity.csv',
        line: 5,
        column: 'CreatedDate',
        message: '"2026-01-05 25:20:00" is not a real date',
      },
    ]);
  });

  it('reports a task with no date at all as an error on its row', () => {
    const header = '"Id","WhoId","WhatId","Subject","Status","ActivityDate","CreatedDate"';
    const csv = `${header}\n"00T8a00000TkXx1","","","Follow up","Not Started","",""\n`;
    const t = readCsv('Task.csv', Buffer.from(csv));
    const out = best(t).adapter.read(t, newYork);
    expect(out.records).toEqual([]);
    expect(errors(out)).toMatchObject([
      { file: 'Task.csv', line: 2, message: expect.stringContaining('no date') },
    ]);
  });
});

describe('Salesforce Data Loader extract', () => {
  it('reads ALL-CAPS headers, ISO Z datetimes, true/false, and folds 18-character ids onto the Data Export ones', () => {
    const out = importFile(join(fixtures, 'data-loader/extract.csv'));
    expect(out.issues).toEqual([]);
    const exported = importFile(join(fixtures, 'data-export/Opportunity.csv')).records as DealRecord[];
    const deals = out.records as DealRecord[];
    expect(deals.map((d) => d.externalId)).toEqual([id.rollout, id.expansion, id.beijing]);
    expect(exported.map((d) => d.externalId)).toContain(deals[0]!.externalId);
    expect(deals[0]).toMatchObject({
      status: 'won',
      account: 'Müller & Söhne GmbH',
      owner: { externalId: id.jose, name: 'José Peña' },
      pipeline: 'New Business',
      createdAt: Date.UTC(2026, 0, 12, 9, 30),
      closedAt: Date.UTC(2026, 2, 12, 16, 45, 10),
      closeDate: '2026-03-12',
    });
    expect(deals[1]).toMatchObject({ status: 'lost', lostReason: 'Precio – competidor más barato' });
    expect(deals[2]).toMatchObject({
      name: '北京星辰科技 – 试点项目',
      owner: { name: '李娜' },
      currency: 'CNY',
      status: 'open',
    });
  });
});

describe('Salesforce report exports (labels, locale dates in the workspace zone)', () => {
  it('reads an opportunity report with 15-character ids that upsert onto Data Export rows', () => {
    const t = table(join(fixtures, 'opportunities-report.csv'));
    expect(t.rows).toHaveLength(3);
    const out = importFile(join(fixtures, 'opportunities-report.csv'));
    expect(out.issues).toEqual([]);
    const deals = out.records as DealRecord[];
    expect(deals.map((d) => d.externalId)).toEqual([id.rollout, id.beijing, id.expansion]);
    expect(deals[1]).toMatchObject({
      name: '北京星辰科技 – 试点项目',
      account: '北京星辰科技有限公司',
      owner: { name: '李娜' },
      amount: 350000,
      currency: 'CNY',
      // 1/15/2026 is midnight in New York.
      createdAt: Date.UTC(2026, 0, 15, 5),
      closeDate: '2026-04-30',
      status: null,
      stage: 'Qualification',
    });
    expect(deals[1]!.customFields).toEqual({
      'Fiscal Period': 'Q2-2026',
      'Probability (%)': '20%',
      'Lead Source': 'Web',
      Type: 'New Business',
    });
  });

  it('keys deals by name, account and created date when the report has no Opportunity ID, and says so once', () => {
    const first = importFile(join(fixtures, 'opportunities-report-no-id.csv'));
    const again = importFile(join(fixtures, 'opportunities-report-no-id.csv'));
    expect(first.issues).toHaveLength(1);
    expect(first.issues[0]).toMatchObject({
      severity: 'warning',
      file: 'opportunities-report-no-id.csv',
      message: expect.stringContaining(
        'no Opportunity ID column: re-imports match deals by name, account and created date',
      ),
    });
    const keys = first.records.map((r) => (r as DealRecord).externalId);
    expect(keys[0]).toBe('report|Müller & Söhne – Rollout 2026|Müller & Söhne GmbH|2026-01-12');
    expect(again.records.map((r) => (r as DealRecord).externalId)).toEqual(keys);
  });

  it('reads an Opportunity History report into stage events at the edit time', () => {
    const out = importFile(join(fixtures, 'opportunity-history-report.csv'));
    expect(out.issues).toEqual([]);
    const events = out.records as StageEventRecord[];
    expect(events.map((e) => [e.dealExternalId, e.stage, e.enteredAt])).toEqual([
      [id.rollout, 'Prospecting', Date.UTC(2026, 0, 12, 9, 30)],
      [id.rollout, 'Qualification', Date.UTC(2026, 0, 20, 11)],
      [id.rollout, 'Qualification', Date.UTC(2026, 1, 3, 15, 30)],
      [id.rollout, 'Negotiation/Review', Date.UTC(2026, 1, 18, 14, 5)],
      [id.beijing, 'Qualification', Date.UTC(2026, 0, 15, 14, 10)],
    ]);
    expect(new Set(events.map((e) => e.externalId)).size).toBe(events.length);
  });

  it('reads only Stage rows of a Field History report, with the creation stage from the first change', () => {
    const out = importFile(join(fixtures, 'opportunity-field-history-report.csv'));
    expect(out.issues).toEqual([]);
    expect(out.skipped).toEqual({ 'not a stage change': 3 });
    const events = (out.records as StageEventRecord[]).sort((a, b) => a.enteredAt - b.enteredAt);
    expect(events.map((e) => [e.stage, e.enteredAt])).toEqual([
      ['Prospecting', Date.UTC(2026, 0, 12, 9, 30)],
      ['Qualification', Date.UTC(2026, 0, 20, 11)],
      ['Negotiation/Review', Date.UTC(2026, 1, 18, 14, 5)],
    ]);
    expect(events.every((e) => e.dealExternalId === id.rollout)).toBe(true);
  });
});

describe('real public Salesforce files (tests/fixtures/real)', () => {
  const powerBi = join(sharedData, 'salesforce_powerbi_demo_mit');
  const workshop = join(sharedData, 'sfdc_assets_data_cloud_workshop_bsd3');

  it('reads the Excel-mangled Opportunity.csv (02/03/24, TRUE/FALSE): 36 deals', () => {
    const out = importFile(join(powerBi, 'Opportunity.csv'));
    expect(out.adapterId).toBe('salesforce-opportunity');
    expect(errors(out)).toEqual([]);
    expect(out.records).toHaveLength(36);
    const first = out.records[0] as DealRecord;
    expect(first).toMatchObject({
      externalId: '006bm00000LKJNN',
      name: 'Dickenson Mobile Generators',
      closeDate: '2024-02-03',
      status: 'open',
      amount: 15000,
      createdAt: Date.UTC(2026, 1, 23),
    });
    const won = (out.records as DealRecord[]).filter((d) => d.status === 'won').length;
    const lost = (out.records as DealRecord[]).filter((d) => d.status === 'lost').length;
    expect([won, lost]).toEqual([12, 8]);
  });

  it('reads the Excel-mangled OpportunityHistory.csv: 48 stage events onto the same deals', () => {
    const out = importFile(join(powerBi, 'OpportunityHistory.csv'));
    expect(out.adapterId).toBe('salesforce-opportunity-history');
    expect(errors(out)).toEqual([]);
    expect(out.records).toHaveLength(48);
    expect(out.records[0]).toMatchObject({
      dealExternalId: '006bm00000LKJNN',
      stage: 'Qualification',
      enteredAt: Date.UTC(2026, 1, 23, 20, 55),
    });
  });

  it('reads the UTF-8-with-BOM REST Opportunity.csv (+0000, blank for false): 50 deals', () => {
    const out = importFile(join(workshop, 'Opportunity.csv'));
    expect(out.adapterId).toBe('salesforce-opportunity');
    expect(errors(out)).toEqual([]);
    expect(out.records).toHaveLength(50);
    const [first, second] = out.records as DealRecord[];
    expect(first).toMatchObject({
      externalId: '006Ec00000AieKF',
      createdAt: Date.UTC(2024, 0, 22, 16, 14, 25),
      closeDate: '2024-11-10',
      status: 'open',
      owner: { externalId: '005Ec000004oBPN' },
      account: '001Ec00000GGw3i',
      customFields: {
        Probability: '10',
        ForecastCategory: 'Pipeline',
        External_id__c: 'ext_opportunity_0',
        Product__c: 'Merchant Services',
      },
    });
    expect(second!.status).toBe('won');
  });

  it('reads the REST Task.csv: 75 tasks', () => {
    const out = importFile(join(workshop, 'Task.csv'));
    expect(out.adapterId).toBe('salesforce-task');
    expect(errors(out)).toEqual([]);
    expect(out.records).toHaveLength(75);
    expect(out.records[0]).toMatchObject({
      externalId: '00TEc00000Co1Wh',
      rawType: 'Task',
      contact: '003Ec00000Cz310',
      occurredAt: Date.UTC(2023, 11, 25),
      fields: { status: 'Not Started' },
    });
  });
});
