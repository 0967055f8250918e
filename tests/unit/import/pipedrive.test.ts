import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadContext } from '../../../src/main/engine/import/adapter';
import { hubspotAdapters } from '../../../src/main/engine/import/adapters/hubspot';
import { observationAdapters } from '../../../src/main/engine/import/adapters/observations';
import {
  createPipedriveActivitiesAdapter,
  pipedriveAdapters,
  pipedriveDealsAdapter,
} from '../../../src/main/engine/import/adapters/pipedrive';
import { readCsv } from '../../../src/main/engine/import/readCsv';
import { readXlsx } from '../../../src/main/engine/import/readXlsx';
import type {
  ActivityRecord,
  DealRecord,
  ImportRecord,
  StageEventRecord,
} from '../../../src/main/engine/import/records';

const dir = resolve(__dirname, '../../fixtures/import/pipedrive');
const bytes = (name: string): Uint8Array => readFileSync(resolve(dir, name));
const csv = (name: string, text: string) => readCsv(name, new TextEncoder().encode(text));
const context: ReadContext = { timeZone: 'Europe/Berlin', dateOrder: null };
const now = Date.UTC(2026, 10, 20, 12, 0);
const activitiesAdapter = createPipedriveActivitiesAdapter(() => now);
const salesforceOpportunity =
  'Id,IsDeleted,AccountId,Name,Description,StageName,Amount,Probability,CloseDate,Type,IsClosed,IsWon,OwnerId,CreatedDate,LastStageChangeDate'.split(
    ',',
  );

const deals = (records: ImportRecord[]): Map<string, DealRecord> =>
  new Map(records.filter((r): r is DealRecord => r.kind === 'deal').map((d) => [d.externalId, d]));
const events = (records: ImportRecord[], dealId: string): StageEventRecord[] =>
  records.filter((r): r is StageEventRecord => r.kind === 'stageEvent' && r.dealExternalId === dealId);
const activities = (records: ImportRecord[]): Map<string, ActivityRecord> =>
  new Map(records.filter((r): r is ActivityRecord => r.kind === 'activity').map((a) => [a.externalId, a]));

describe('Pipedrive deals export (semicolons, decimal commas, day-first dates)', () => {
  const table = readCsv('deals.csv', bytes('deals.csv'));
  const output = pipedriveDealsAdapter.read(table, context);
  const byId = deals(output.records);

  it('is detected as Pipedrive deals and as nothing else', () => {
    expect(table.delimiter).toBe(';');
    expect(pipedriveDealsAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.9);
    expect(activitiesAdapter.detect(table.headers)).toBe(0);
    for (const adapter of [...hubspotAdapters, ...observationAdapters])
      expect(adapter.detect(table.headers)).toBe(0);
  });

  it('scores 0 for a Salesforce Opportunity export', () => {
    for (const adapter of pipedriveAdapters) expect(adapter.detect(salesforceOpportunity)).toBe(0);
  });

  it('reads amounts with decimal commas and dates day first', () => {
    expect(output.issues).toEqual([]);
    expect(byId.get('101')).toMatchObject({
      name: 'Bäckerei Schmidt – POS terminals',
      amount: 1234.56,
      currency: 'EUR',
      status: 'open',
      stage: 'Proposal Made',
      pipeline: 'Sales',
      owner: { name: 'Zoë Müller' },
      account: 'Bäckerei Schmidt GmbH',
      createdAt: Date.UTC(2026, 8, 3, 8, 15),
      stageEnteredAt: Date.UTC(2026, 8, 29, 12, 5),
      closeDate: '2026-12-15',
      closedAt: null,
      at: { file: 'deals.csv', line: 2 },
    });
    expect(byId.get('101')!.customFields).toEqual({
      'Deal - Contact person': 'Anna Schmidt',
      'Deal - Label': 'Hot',
    });
    expect(byId.get('103')).toMatchObject({
      amount: 9850,
      status: 'lost',
      lostReason: 'Budget cut',
      owner: { name: '李娜' },
    });
    expect(byId.get('104')).toMatchObject({ amount: null, status: 'open', closeDate: null });
  });

  it('derives coarse stage events with stable ids: current stage, then won or lost', () => {
    expect(events(output.records, '101').map((e) => [e.externalId, e.stage, e.enteredAt])).toEqual([
      ['101:stage:Proposal Made', 'Proposal Made', Date.UTC(2026, 8, 29, 12, 5)],
    ]);
    expect(events(output.records, '102').map((e) => [e.externalId, e.stage, e.enteredAt])).toEqual([
      ['102:stage:Negotiations Started', 'Negotiations Started', Date.UTC(2026, 9, 2, 14, 30)],
      ['102:won', 'Won', Date.UTC(2026, 9, 21, 9, 45)],
    ]);
    expect(byId.get('102')).toMatchObject({
      status: 'won',
      closedAt: Date.UTC(2026, 9, 21, 9, 45),
      closeDate: '2026-10-21',
    });
    expect(events(output.records, '103').map((e) => e.externalId)).toEqual([
      '103:stage:Qualified',
      '103:lost',
    ]);
    // Never moved: in its stage since it was created (CET, so 11:00 is 10:00 UTC).
    expect(events(output.records, '104')).toEqual([
      expect.objectContaining({
        externalId: '104:stage:Contact Made',
        enteredAt: Date.UTC(2026, 10, 6, 10, 0),
      }),
    ]);
  });

  it('reads bare headers and Czech headers and statuses', () => {
    const bare = csv(
      'bare.csv',
      'ID,Title,Value,Currency,Pipeline,Stage,Status,Owner,Deal created,Won time\n5,Acme,100,EUR,Sales,Demo,Won,Ana,2026-09-01 10:00,2026-09-20 10:00\n',
    );
    expect(pipedriveDealsAdapter.detect(bare.headers)).toBeGreaterThanOrEqual(0.5);
    for (const adapter of hubspotAdapters) expect(adapter.detect(bare.headers)).toBe(0);
    expect(deals(pipedriveDealsAdapter.read(bare, context).records).get('5')).toMatchObject({
      status: 'won',
      amount: 100,
    });

    const czech = csv(
      'obchody.csv',
      'Obchod - ID;Obchod - Název*;Obchod - Hodnota;Obchod - Fáze;Obchod - Stav;Obchod - Vlastník;Obchod - Obchod vytvořen\n7;Praha Stavby;10,5;Jednání;Vyhráno;Jan Novák;01.09.2026 10:00\n',
    );
    expect(pipedriveDealsAdapter.detect(czech.headers)).toBeGreaterThanOrEqual(0.5);
    expect(deals(pipedriveDealsAdapter.read(czech, context).records).get('7')).toMatchObject({
      name: 'Praha Stavby',
      status: 'won',
      amount: 10.5,
      stage: 'Jednání',
      createdAt: Date.UTC(2026, 8, 1, 8, 0),
    });
  });

  it('names file, row and column for a broken date', () => {
    const text = readFileSync(resolve(dir, 'deals.csv'), 'utf8').replace(
      '12/08/2026 09:00',
      '31/02/2026 09:00',
    );
    const broken = pipedriveDealsAdapter.read(csv('broken-deals.csv', text), context);
    expect(broken.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'broken-deals.csv',
        line: 3,
        column: 'Deal - Deal created',
      }),
    ]);
  });
});

describe('Pipedrive activities export (CSV)', () => {
  const table = readCsv('activities.csv', bytes('activities.csv'));
  const output = activitiesAdapter.read(table, context);
  const byId = activities(output.records);

  it('is detected as Pipedrive activities and as nothing else', () => {
    expect(activitiesAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.9);
    expect(pipedriveDealsAdapter.detect(table.headers)).toBe(0);
    for (const adapter of [...hubspotAdapters, ...observationAdapters])
      expect(adapter.detect(table.headers)).toBe(0);
  });

  it('dates done activities when marked done and skips undone ones still ahead', () => {
    expect(output.issues).toEqual([]);
    expect(output.skipped).toEqual({ 'not done yet': 1 });
    expect([...byId.keys()]).toEqual(['9001', '9002', '9003', '9005']);
    expect(byId.get('9001')).toMatchObject({
      rawType: 'Call',
      subject: 'Discovery call',
      owner: { name: 'Zoë Müller' },
      dealExternalId: '101',
      contact: 'Anna Schmidt',
      durationSeconds: 1800,
      occurredAt: Date.UTC(2026, 8, 4, 12, 35, 10),
      fields: {
        done: 'yes',
        organization: 'Bäckerei Schmidt GmbH',
        dealTitle: 'Bäckerei Schmidt – POS terminals',
      },
    });
    expect(byId.get('9001')!.fields.note).toContain('12 terminals');
    expect(byId.get('9005')!.durationSeconds).toBe(7200);
  });

  it('keeps an undone past activity at its due date with done = no', () => {
    expect(byId.get('9003')).toMatchObject({
      rawType: 'Task',
      occurredAt: Date.UTC(2026, 8, 30, 22, 0),
      durationSeconds: null,
      fields: { done: 'no' },
    });
  });

  it('names file, row and column for a broken done flag', () => {
    const text = readFileSync(resolve(dir, 'activities.csv'), 'utf8').replace(',Not done,', ',maybe,');
    const broken = activitiesAdapter.read(csv('broken-activities.csv', text), context);
    expect(broken.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'broken-activities.csv',
        line: 4,
        column: 'Activity - Done',
      }),
    ]);
  });
});

describe('Pipedrive activities export (XLSX with serial due dates)', () => {
  it('reads Excel serial due dates', async () => {
    const table = await readXlsx('activities.xlsx', bytes('activities.xlsx'));
    // readXlsx leaves a serial number as its digits; the date parser recognizes it.
    expect(table.rows[0]!.cells[3]).toBe('46294');
    expect(activitiesAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.9);
    const output = activitiesAdapter.read(table, context);
    expect(output.issues).toEqual([]);
    expect(output.skipped).toEqual({ 'not done yet': 1 });
    const byId = activities(output.records);
    // Done: the typed "Marked as done time" cell, 10:02 in Berlin.
    expect(byId.get('9101')).toMatchObject({
      occurredAt: Date.UTC(2026, 8, 29, 8, 2),
      durationSeconds: 2700,
      dealExternalId: '101',
    });
    // Not done and past: serial 46309 is 2026-10-14, due at 15:00 Berlin time.
    expect(byId.get('9102')).toMatchObject({
      occurredAt: Date.UTC(2026, 9, 14, 13, 0),
      fields: { done: 'no' },
      owner: { name: '李娜' },
    });
  });
});
