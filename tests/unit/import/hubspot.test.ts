import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadContext } from '../../../src/main/engine/import/adapter';
import { hubspotAdapters } from '../../../src/main/engine/import/adapters/hubspot';
import { hubspotActivitiesAdapter } from '../../../src/main/engine/import/adapters/hubspot/activities';
import { hubspotDealsAdapter } from '../../../src/main/engine/import/adapters/hubspot/deals';
import {
  parseStageColumn,
  splitStageLabel,
} from '../../../src/main/engine/import/adapters/hubspot/stageColumns';
import { observationAdapters } from '../../../src/main/engine/import/adapters/observations';
import { pipedriveAdapters } from '../../../src/main/engine/import/adapters/pipedrive';
import { readCsv } from '../../../src/main/engine/import/readCsv';
import type {
  ActivityRecord,
  DealRecord,
  ImportRecord,
  StageEventRecord,
} from '../../../src/main/engine/import/records';

const dir = resolve(__dirname, '../../fixtures/import/hubspot');
const bytes = (name: string): Uint8Array => readFileSync(resolve(dir, name));
const context: ReadContext = { timeZone: 'Europe/Berlin', dateOrder: null };
const salesforceOpportunity =
  'Id,IsDeleted,AccountId,Name,Description,StageName,Amount,Probability,CloseDate,Type,IsClosed,IsWon,OwnerId,CreatedDate,LastStageChangeDate'.split(
    ',',
  );

const deals = (records: ImportRecord[]): DealRecord[] =>
  records.filter((r): r is DealRecord => r.kind === 'deal');
const events = (records: ImportRecord[], dealId: string): StageEventRecord[] =>
  records.filter((r): r is StageEventRecord => r.kind === 'stageEvent' && r.dealExternalId === dealId);
const activities = (records: ImportRecord[]): ActivityRecord[] =>
  records.filter((r): r is ActivityRecord => r.kind === 'activity');

describe('HubSpot stage columns', () => {
  it('reads v2 and legacy labels, taking stage and pipeline from the last parenthesised group', () => {
    expect(parseStageColumn('Date entered "Closed Won (Sales Pipeline)"', 3)).toMatchObject({
      kind: 'entered',
      family: 'v2',
      stage: 'Closed Won',
      pipeline: 'Sales Pipeline',
    });
    // dedupeHeaders renames the legacy twin of a v2 label: the " (2)" is not the pipeline.
    expect(parseStageColumn("Date entered 'Closed Won (Sales Pipeline)' (2)", 4)).toMatchObject({
      family: 'legacy',
      stage: 'Closed Won',
      pipeline: 'Sales Pipeline',
    });
    expect(parseStageColumn("Date exited 'Buyer's Review (EMEA)'", 5)).toMatchObject({
      kind: 'exited',
      stage: "Buyer's Review",
    });
    expect(splitStageLabel('Unit 3 (Final) In Production (Plans Schedule Pipeline)')).toEqual({
      stage: 'Unit 3 (Final) In Production',
      pipeline: 'Plans Schedule Pipeline',
    });
    expect(parseStageColumn('Cumulative time in "Appointment Scheduled (Sales Pipeline)"', 6)).toBeNull();
    expect(parseStageColumn('Date entered current stage', 7)).toBeNull();
    expect(parseStageColumn('hs_v2_date_entered_closedwon', 8)).toMatchObject({
      kind: 'entered',
      stage: 'closedwon',
    });
  });
});

describe('HubSpot deals export', () => {
  const table = readCsv(
    'hubspot-crm-exports-all-deals-2026-11-20.csv',
    bytes('hubspot-crm-exports-all-deals-2026-11-20.csv'),
  );
  const output = hubspotDealsAdapter.read(table, context);

  it('is detected as HubSpot deals and as nothing else', () => {
    expect(hubspotDealsAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.9);
    expect(hubspotActivitiesAdapter.detect(table.headers)).toBe(0);
    for (const adapter of [...pipedriveAdapters, ...observationAdapters])
      expect(adapter.detect(table.headers)).toBe(0);
  });

  it('scores 0 for a Salesforce Opportunity export', () => {
    for (const adapter of hubspotAdapters) expect(adapter.detect(salesforceOpportunity)).toBe(0);
  });

  it('reads every row without issues', () => {
    expect(output.issues).toEqual([]);
    expect(deals(output.records).map((d) => d.externalId)).toEqual([
      '18734201',
      '18734202',
      '18734203',
      '18734204',
      '18734205',
    ]);
  });

  it('reads portal-local datetimes in the context zone', () => {
    const pilot = deals(output.records).find((d) => d.externalId === '18734202')!;
    expect(pilot).toMatchObject({
      name: 'Shenzhen Bright Optics – pilot',
      owner: { name: '李娜' },
      amount: 12000.5,
      currency: 'USD',
      stage: 'Presentation Scheduled',
      pipeline: 'Sales Pipeline',
      status: 'open',
      closeDate: '2026-12-15',
      closedAt: null,
      account: 'Shenzhen Bright Optics Ltd.',
      at: { file: 'hubspot-crm-exports-all-deals-2026-11-20.csv', line: 8 },
    });
    // 10:30 in Berlin summer time is 08:30 UTC.
    expect(pilot.createdAt).toBe(Date.UTC(2026, 8, 14, 8, 30));
    expect(pilot.stageEnteredAt).toBe(Date.UTC(2026, 9, 5, 13, 45));
  });

  it('unpivots the Date entered columns into sorted stage events', () => {
    expect(events(output.records, '18734202').map((e) => [e.externalId, e.stage, e.enteredAt])).toEqual([
      [
        '18734202:entered:Appointment Scheduled (Sales Pipeline)',
        'Appointment Scheduled',
        Date.UTC(2026, 8, 14, 8, 32),
      ],
      ['18734202:entered:Qualified To Buy (Sales Pipeline)', 'Qualified To Buy', Date.UTC(2026, 8, 20, 6, 0)],
      [
        '18734202:entered:Presentation Scheduled (Sales Pipeline)',
        'Presentation Scheduled',
        Date.UTC(2026, 9, 5, 13, 45),
      ],
    ]);
  });

  it('prefers the v2 column and falls back to the legacy one', () => {
    const won = events(output.records, '18734201');
    expect(won.map((e) => e.stage)).toEqual([
      'Appointment Scheduled',
      'Qualified To Buy',
      'Presentation Scheduled',
      'Contract Sent',
      'Closed Won',
    ]);
    // v2 says 16:05, legacy 16:04 (CET after the October clock change).
    expect(won.at(-1)!.enteredAt).toBe(Date.UTC(2026, 9, 28, 15, 5));
    const legacyOnly = events(output.records, '18734204');
    expect(legacyOnly.at(-1)).toMatchObject({
      externalId: '18734204:entered:Closed Won (Sales Pipeline)',
      enteredAt: Date.UTC(2026, 2, 16, 16, 30),
    });
    const production = events(output.records, '18734205');
    expect(production).toHaveLength(1);
    expect(production[0]).toMatchObject({
      externalId: '18734205:entered:Unit 3 (Final) In Production (Plans Schedule Pipeline)',
      stage: 'Unit 3 (Final) In Production',
    });
    expect(deals(output.records).find((d) => d.externalId === '18734205')!.stageEnteredAt).toBe(
      Date.UTC(2026, 10, 2, 7, 0),
    );
  });

  it('takes the status from the Is Closed booleans', () => {
    const byId = new Map(deals(output.records).map((d) => [d.externalId, d]));
    expect(byId.get('18734201')).toMatchObject({
      status: 'won',
      closeDate: '2026-10-28',
      closedAt: Date.UTC(2026, 9, 28, 15, 5),
    });
    expect(byId.get('18734203')).toMatchObject({
      status: 'lost',
      lostReason: 'Went with a cheaper competitor',
    });
  });

  it('keeps other columns as custom fields, repeated headers apart, email bodies out', () => {
    const fleet = deals(output.records).find((d) => d.externalId === '18734201')!;
    expect(fleet.customFields['Associated Contact IDs']).toBe('301;302');
    expect(fleet.customFields['Associated Contact IDs (2)']).toBe('305');
    expect(fleet.customFields['Deal notes']).toBe(
      'Fleet of 40 vans.\nDecision by the board in October;\n"Karl" is the champion.',
    );
    expect(fleet.customFields['Date exited "Appointment Scheduled (Sales Pipeline)"']).toBe(
      '2026-08-10 11:00',
    );
    expect(fleet.customFields['Deal Type']).toBe('New Business');
    expect(fleet.customFields['Associated Email']).toBeUndefined();
    expect(Object.keys(fleet.customFields).some((k) => k.startsWith('Date entered'))).toBe(false);
  });

  it('names file, row and column for a broken cell', () => {
    const text = readFileSync(resolve(dir, 'hubspot-crm-exports-all-deals-2026-11-20.csv'), 'utf8').replace(
      '"2026-09-14 10:30"',
      '"14th of September"',
    );
    const broken = hubspotDealsAdapter.read(readCsv('broken.csv', new TextEncoder().encode(text)), context);
    expect(broken.issues).toEqual([
      expect.objectContaining({ severity: 'error', file: 'broken.csv', line: 8, column: 'Create Date' }),
    ]);
  });
});

describe('HubSpot deals export in German, saved by Excel as Unicode text', () => {
  const name = 'hubspot-crm-exports-alle-deals-2026-11-20.txt';
  const table = readCsv(name, bytes(name));
  const output = hubspotDealsAdapter.read(table, context);

  it('decodes UTF-16 LE with its TAB delimiter and detects the German headers', () => {
    expect(table.encoding).toBe('UTF-16 LE');
    expect(table.delimiter).toBe('\t');
    expect(hubspotDealsAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.9);
    for (const adapter of pipedriveAdapters) expect(adapter.detect(table.headers)).toBe(0);
  });

  it('reads German numbers, dotted dates and stage columns', () => {
    expect(output.issues).toEqual([]);
    const [won, pilot] = deals(output.records);
    expect(won).toMatchObject({
      externalId: '18734301',
      name: 'Bäckerei Schmidt – Kassensysteme',
      amount: 48500,
      owner: { name: 'Zoë Müller' },
      stage: 'Abgeschlossen und gewonnen',
      pipeline: 'Vertriebspipeline',
      status: null,
      createdAt: Date.UTC(2026, 7, 3, 7, 15),
      account: 'Bäckerei Schmidt GmbH',
    });
    expect(pilot!.amount).toBe(12000.5);
    expect(events(output.records, '18734301').map((e) => e.stage)).toEqual([
      'Termin vereinbart',
      'Für Kauf qualifiziert',
      'Präsentation vereinbart',
      'Abgeschlossen und gewonnen',
    ]);
    expect(won!.stageEnteredAt).toBe(Date.UTC(2026, 9, 28, 15, 5));
  });
});

describe('HubSpot calls export', () => {
  const name = 'hubspot-crm-exports-all-calls-2026-11-20.csv';
  const table = readCsv(name, bytes(name));
  const output = hubspotActivitiesAdapter.read(table, context);

  it('is detected as HubSpot activities only', () => {
    expect(hubspotActivitiesAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.8);
    expect(hubspotDealsAdapter.detect(table.headers)).toBe(0);
    for (const adapter of [...pipedriveAdapters, ...observationAdapters])
      expect(adapter.detect(table.headers)).toBe(0);
  });

  it('reads calls with durations in seconds and the assignee as rep', () => {
    expect(output.issues).toEqual([]);
    const calls = activities(output.records);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toMatchObject({
      externalId: 'call:50001',
      rawType: 'Call',
      subject: 'Discovery call – Müller Logistik',
      owner: { name: 'Zoë Müller' },
      dealExternalId: '18734201',
      durationSeconds: 754,
      occurredAt: Date.UTC(2026, 7, 4, 12, 30),
      contact: 'Karl Weber',
      fields: { outcome: 'Connected', direction: 'OUTBOUND', status: 'COMPLETED' },
    });
    expect(calls[0]!.fields['Create Date']).toBe('2026-08-04 14:45');
    expect(calls[1]).toMatchObject({
      dealExternalId: '18734202',
      durationSeconds: 0,
      owner: { name: '李娜' },
    });
    expect(calls[1]!.fields.otherDealIds).toBe('18734299');
    expect(calls[2]!.durationSeconds).toBe(1800);
    expect(calls[3]!.dealExternalId).toBeNull();
  });

  it('names file, row and column for a broken duration', () => {
    const text = readFileSync(resolve(dir, name), 'utf8').replace('"754000"', '"12 minutes"');
    const broken = hubspotActivitiesAdapter.read(
      readCsv('calls.csv', new TextEncoder().encode(text)),
      context,
    );
    expect(broken.issues).toEqual([
      expect.objectContaining({ severity: 'error', file: 'calls.csv', line: 2, column: 'Call duration' }),
    ]);
  });
});

describe('HubSpot tasks export', () => {
  const name = 'hubspot-crm-exports-all-tasks-2026-11-20.csv';
  const table = readCsv(name, bytes(name));
  const output = hubspotActivitiesAdapter.read(table, context);

  it('dates done tasks by completion and open ones by their due date; call and email tasks keep their type', () => {
    expect(hubspotActivitiesAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.8);
    expect(output.issues).toEqual([]);
    const [proposal, callBack, recap] = activities(output.records);
    expect(proposal).toMatchObject({
      externalId: 'task:60001',
      rawType: 'Task',
      subject: 'Send pilot proposal',
      occurredAt: Date.UTC(2026, 8, 29, 9, 20),
      fields: { status: 'Completed', taskType: 'To-do', Priority: 'High' },
    });
    expect(callBack).toMatchObject({
      externalId: 'task:60002',
      rawType: 'Call',
      occurredAt: Date.UTC(2026, 9, 6, 8, 0),
    });
    expect(recap).toMatchObject({
      rawType: 'Email',
      occurredAt: Date.UTC(2026, 5, 9, 6, 40),
      owner: { name: 'Jonas Becker' },
    });
  });
});

describe('HubSpot meetings and notes exports', () => {
  it('times meetings by their start and measures them by their end', () => {
    const text = [
      '"Record ID","Meeting name","Activity date","Meeting start time","Meeting end time","Meeting outcome","Activity assigned to","Associated Deal IDs"',
      '"70001","Pilot demo","2026-10-05 15:30","2026-10-05 15:45","2026-10-05 16:30","Completed","李娜","18734202"',
    ].join('\r\n');
    const table = readCsv('meetings.csv', new TextEncoder().encode(text));
    expect(hubspotActivitiesAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.8);
    const [meeting] = activities(hubspotActivitiesAdapter.read(table, context).records);
    expect(meeting).toMatchObject({
      externalId: 'meeting:70001',
      rawType: 'Meeting',
      subject: 'Pilot demo',
      occurredAt: Date.UTC(2026, 9, 5, 13, 45),
      durationSeconds: 45 * 60,
      fields: { outcome: 'Completed' },
    });
  });

  it('keeps a note body in the fields, cut to 2,000 characters', () => {
    const body = 'x'.repeat(5000);
    const text = `"Record ID","Note body","Activity date","Activity assigned to"\n"80001","${body}","2026-10-05 15:30","Zoë Müller"\n`;
    const [note] = activities(
      hubspotActivitiesAdapter.read(readCsv('notes.csv', new TextEncoder().encode(text)), context).records,
    );
    expect(note).toMatchObject({ externalId: 'note:80001', rawType: 'Note', subject: null });
    expect(note!.fields.body).toHaveLength(2000);
  });
});
