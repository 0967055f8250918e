import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadContext } from '../../../src/main/engine/import/adapter';
import { hubspotAdapters } from '../../../src/main/engine/import/adapters/hubspot';
import {
  observationAdapters,
  observationsAdapter,
} from '../../../src/main/engine/import/adapters/observations';
import {
  parseChecklistState,
  rubricCriterion,
} from '../../../src/main/engine/import/adapters/observations/columns';
import { pipedriveAdapters } from '../../../src/main/engine/import/adapters/pipedrive';
import { readCsv } from '../../../src/main/engine/import/readCsv';
import type { ImportRecord, ObservationRecord } from '../../../src/main/engine/import/records';

const dir = resolve(__dirname, '../../fixtures/import/observations');
const read = (name: string) => readCsv(name, readFileSync(resolve(dir, name)));
const context: ReadContext = { timeZone: 'Europe/Berlin', dateOrder: null };
const observations = (records: ImportRecord[]): ObservationRecord[] =>
  records.filter((r): r is ObservationRecord => r.kind === 'observation');

describe('observation cells', () => {
  it('reads checklist states in words and symbols', () => {
    expect(
      ['done', '✓', 'yes', 'partial', '~', 'partly', 'skipped', '✗', 'no', 'n.a.', '-', 'N/A'].map(
        parseChecklistState,
      ),
    ).toEqual([
      'done',
      'done',
      'done',
      'partial',
      'partial',
      'partial',
      'skipped',
      'skipped',
      'skipped',
      'na',
      'na',
      'na',
    ]);
    expect(parseChecklistState('dne')).toBeNull();
  });

  it('recognizes rubric headers', () => {
    expect(rubricCriterion('Score: Discovery questions')).toBe('Discovery questions');
    expect(rubricCriterion('Rubric - Discovery')).toBe('Discovery');
    expect(rubricCriterion('Objection handling (1-5)')).toBe('Objection handling');
    expect(rubricCriterion('Notes')).toBeNull();
  });
});

describe('shadowing observations sheet', () => {
  const table = read('observations.csv');
  const output = observationsAdapter.read(table, context);
  const [first, second, third] = observations(output.records);

  it('is detected as observations and as no CRM export', () => {
    expect(observationsAdapter.detect(table.headers)).toBeGreaterThanOrEqual(0.9);
    for (const adapter of [...hubspotAdapters, ...pipedriveAdapters])
      expect(adapter.detect(table.headers)).toBe(0);
    for (const adapter of observationAdapters) {
      expect(adapter.detect('Id,Name,StageName,OwnerId,CloseDate,Amount'.split(','))).toBe(0);
    }
  });

  it('reads checklist states, rubric scores, tags and notes', () => {
    expect(output.issues).toEqual([]);
    expect(first).toMatchObject({
      externalId: 'OBS-001',
      coach: 'Maria Lopez',
      rep: { name: 'Zoë Müller' },
      dealExternalId: '101',
      dealName: null,
      stage: 'Discovery',
      observedOn: '2026-09-04',
      checklist: [
        { key: 'Agenda sent before the call', state: 'done' },
        { key: 'Pain confirmed in writing', state: 'partial' },
        { key: 'Custom recap email', state: 'skipped' },
        { key: 'Next step booked', state: 'done' },
      ],
      rubric: [
        { criterion: 'Discovery questions', score: 4 },
        { criterion: 'Active listening', score: 3 },
        { criterion: 'Next-step control', score: 5 },
      ],
      tags: ['custom email written from scratch', 'outdated deck'],
      notes: 'Strong opening. Used the 2024 deck, slides 6-9 outdated.',
      at: { file: 'observations.csv', line: 2 },
    });
    expect(second).toMatchObject({
      rep: { email: 'li.na@example.com' },
      dealExternalId: null,
      dealName: 'Hangzhou Tea Co – export licence',
      tags: ['rogue step', 'required field skipped'],
    });
    expect(second!.checklist.map((c) => c.state)).toEqual(['done', 'partial', 'skipped', 'na']);
  });

  it('gives a row without an Observation ID a stable key', () => {
    expect(third).toMatchObject({
      externalId: 'obs|tom baker|pierre martin|2026-10-02|102',
      notes: '',
      tags: [],
    });
    expect(third!.checklist.map((c) => c.state)).toEqual(['done', 'partial', 'skipped', 'na']);
    const again = observations(observationsAdapter.read(read('observations.csv'), context).records);
    expect(again[2]!.externalId).toBe(third!.externalId);
  });

  it('reports a score outside 1–5 at its row and column', () => {
    const bad = observationsAdapter.read(read('observations-bad-score.csv'), context);
    expect(bad.issues).toEqual([
      {
        severity: 'error',
        file: 'observations-bad-score.csv',
        line: 3,
        column: 'Score: Discovery questions',
        message: 'the score 7 is outside 1–5',
      },
    ]);
    expect(observations(bad.records)[1]!.rubric).toEqual([{ criterion: 'Active listening', score: 2 }]);
    expect(observations(bad.records)[1]!.rep).toEqual({ name: '李娜' });
  });

  it('reports a cell that is no checklist state', () => {
    const text = readFileSync(resolve(dir, 'observations.csv'), 'utf8').replace(
      'done,partial,skipped,done',
      'done,partial,dne,done',
    );
    const broken = observationsAdapter.read(readCsv('typo.csv', new TextEncoder().encode(text)), context);
    expect(broken.issues).toEqual([
      expect.objectContaining({ severity: 'error', file: 'typo.csv', line: 2, column: 'Custom recap email' }),
    ]);
  });
});
