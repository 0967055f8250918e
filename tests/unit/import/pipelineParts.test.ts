import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from '@shared/workflow/defaultWorkflow';
import { createActivityClassifier } from '@shared/workflow/activityTypes';
import { inferDateOrder, parseDateTime } from '../../../src/main/engine/import/dates';
import { decodeText, decodeWindows1252 } from '../../../src/main/engine/import/decode';
import { readCsv } from '../../../src/main/engine/import/readCsv';
import { usesDecimalComma } from '../../../src/main/engine/import/rowReader';
import { dedupeHeaders, normalizeHeader } from '../../../src/main/engine/import/table';

const utc = { zone: 'UTC', order: null };

describe('parseDateTime', () => {
  it.each([
    ['2026-02-10T06:03:48.000Z', Date.UTC(2026, 1, 10, 6, 3, 48)],
    ['2024-01-22T16:14:25.000+0000', Date.UTC(2024, 0, 22, 16, 14, 25)],
    ['2026-02-10T08:03:48+02:00', Date.UTC(2026, 1, 10, 6, 3, 48)],
    ['2023-05-11 00:00:00', Date.UTC(2023, 4, 11)],
    ['2026-03-01', Date.UTC(2026, 2, 1)],
    ['1/15/2026', Date.UTC(2026, 0, 15)],
    ['02/23/26 08:55 PM', Date.UTC(2026, 1, 23, 20, 55)],
    ['12/01/26 12:05 AM', Date.UTC(2026, 11, 1, 0, 5)],
    ['29.09.2026 14:30', Date.UTC(2026, 8, 29, 14, 30)],
    ['46294', Date.UTC(2026, 8, 29)],
  ])('reads %s', (text, ms) => {
    expect(parseDateTime(text, { zone: 'UTC', order: 'MDY' })).toEqual({ ok: true, ms });
  });

  it('reads zone-less datetimes as wall-clock time in the given zone, across DST', () => {
    expect(parseDateTime('2026-09-14 10:30', { zone: 'Europe/Berlin', order: null })).toEqual({
      ok: true,
      ms: Date.UTC(2026, 8, 14, 8, 30),
    });
    expect(parseDateTime('2026-01-14 10:30', { zone: 'Europe/Berlin', order: null })).toEqual({
      ok: true,
      ms: Date.UTC(2026, 0, 14, 9, 30),
    });
  });

  it('refuses impossible dates and asks for the order when it cannot tell', () => {
    expect(parseDateTime('2026-02-30', utc)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a real date'),
    });
    expect(parseDateTime('3/4/2026', utc)).toMatchObject({
      ok: false,
      message: expect.stringContaining('choose the date order'),
    });
    expect(parseDateTime('13/4/2026', utc)).toEqual({ ok: true, ms: Date.UTC(2026, 3, 13) });
    expect(parseDateTime('next Tuesday', utc)).toMatchObject({ ok: false });
  });

  it('settles day/month order from a whole column', () => {
    expect(inferDateOrder(['3/4/2026', '15/4/2026'])).toBe('DMY');
    expect(inferDateOrder(['3/4/2026', '4/15/2026'])).toBe('MDY');
    expect(inferDateOrder(['3/4/2026', '5/6/2026'])).toBe('ambiguous');
    expect(inferDateOrder(['13/4/2026', '4/15/2026'])).toBe('conflict');
    expect(inferDateOrder(['2026-04-03'])).toBe('none');
  });
});

describe('decoding', () => {
  it('reads Windows-1252 punctuation and letters, which some Node releases get wrong', () => {
    expect(
      decodeWindows1252(
        Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x96, 0x20, 0x80, 0x93, 0x94]),
      ),
    ).toBe('Müller – €“”');
    expect(decodeText(Uint8Array.from([0x53, 0xe3, 0x6f]))).toEqual({
      text: 'São',
      encoding: 'Windows-1252',
    });
  });

  it('detects UTF-16 with and without a BOM, and drops NUL bytes in UTF-8', () => {
    const le = Buffer.from('\ufeffName\tStadt\nZoë\t李娜\n', 'utf16le');
    expect(decodeText(le)).toEqual({ text: 'Name\tStadt\nZoë\t李娜\n', encoding: 'UTF-16 LE' });
    const noBom = Buffer.from('Name,City\nAna,Lisboa\n', 'utf16le');
    expect(decodeText(noBom).encoding).toBe('UTF-16 LE');
    const be = Buffer.from(Buffer.from('Name,City\n', 'utf16le').swap16());
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: 'Name,City\n',
      encoding: 'UTF-16 BE',
    });
    expect(decodeText(Buffer.from('a,b\n"x\u0000y",z\n')).text).toBe('a,b\n"xy",z\n');
  });
});

describe('files that are not text', () => {
  const refusal = (bytes: Uint8Array): string => {
    try {
      readCsv('deals.csv', bytes);
    } catch (error) {
      return (error as Error).message;
    }
    return 'read as text';
  };

  it('refuses a binary file renamed .csv, naming what it looks like, instead of reading it as UTF-16', () => {
    expect(refuse(Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n', 'latin1'))).toBe(
      'deals.csv: this is not a text/CSV file (it looks like a PDF document): export the data from the CRM as CSV or XLSX.',
    );
    expect(refuse(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toContain(
      'an Excel 97–2003 (.xls) or other Office 97 file: save it as .xlsx or CSV',
    );
    // No known signature, half zeros like UTF-16, but control bytes beside them: binary.
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i % 2 ? 0 : (i * 7919) % 32));
    expect(refuse(noise)).toContain('(it looks like binary data)');
    const random = Uint8Array.from({ length: 8192 }, (_, i) => (i * 2654435761) % 251);
    expect(refuse(random)).toContain('this is not a text/CSV file');
  });

  it('still reads text with a few NUL bytes in a cell, and UTF-16 without a BOM', () => {
    expect(refuse(Buffer.from('Id,Notes\n1,"x\u0000y"\n'))).toBe('read as text');
    expect(refuse(Buffer.from('Name,Stadt\nZoë,Köln\n', 'utf16le'))).toBe('read as text');
  });

  function refuse(bytes: Uint8Array): string {
    return refusal(bytes);
  }
});

describe('readCsv', () => {
  it('drops a Salesforce report footer and total rows, keeps data that starts with "Total", and numbers rows', () => {
    const text = [
      '"Opportunity Name","Account Name","Amount"',
      '"Pilot","Total Quality Logistics","1,200.00"',
      '"Rollout","Acme","3,400.00"',
      '"Total","","4,600.00"',
      '',
      '"Grand Totals (2 records)"',
      '"Confidential Information - Do Not Distribute"',
      '"Copyright © 2000-2026 salesforce.com, inc. All rights reserved."',
    ].join('\n');
    const table = readCsv('report.csv', Buffer.from(text));
    expect(table.rows.map((r) => [r.line, r.cells[1]])).toEqual([
      [2, 'Total Quality Logistics'],
      [3, 'Acme'],
    ]);
    expect(table.droppedLines).toBe(4);
  });

  it('detects the delimiter, keeps multi-line cells and counts lines after them', () => {
    const table = readCsv('x.csv', Buffer.from('a|b\n1|"two\nlines"\n3|4\n'));
    expect(table.delimiter).toBe('|');
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'two\nlines'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('refuses an unclosed quote with the row it starts on', () => {
    expect(() => readCsv('x.csv', Buffer.from('a,b\n1,2\n3,"never closed\n4,5\n'))).toThrow(
      /x\.csv, row \d: a quoted field is never closed/,
    );
  });

  it('names repeated headers apart and matches headers after normalizing them', () => {
    expect(dedupeHeaders(['Billing Contact IDs', 'Amount', 'billing contact ids'])).toEqual([
      'Billing Contact IDs',
      'Amount',
      'billing contact ids (2)',
    ]);
    expect(normalizeHeader(' Organizace – Název* ')).toBe('organizace - nazev');
  });
});

describe('number locale', () => {
  it('tells decimal commas from decimal points by the values, then by the delimiter', () => {
    expect(usesDecimalComma(['1.234,56', '99,5'], ',')).toBe(true);
    expect(usesDecimalComma(['1234.56', '99.5'], ';')).toBe(false);
    expect(usesDecimalComma(['1200', '300'], ';')).toBe(true);
    expect(usesDecimalComma(['1200', '300'], ',')).toBe(false);
  });
});

describe('activity classification', () => {
  const classify = createActivityClassifier(defaultWorkflow.activityRules);

  it('turns raw CRM activities into workflow events', () => {
    expect(classify('Task', 'Email: follow-up on pricing')).toBe('email');
    expect(classify('Task', 'Call')).toBe('call');
    expect(classify('Note', 'Call notes')).toBe('note');
    expect(classify('Meeting', 'Demo — product walkthrough')).toBe('demo');
    expect(classify('Email', 'Proposal sent')).toBe('proposal_sent');
    expect(classify('Event', 'Lunch')).toBe('meeting');
    expect(classify('LinkedIn', 'Connected')).toBe('linkedin');
    expect(classify(null, null)).toBe('other');
  });
});

describe('readCsv refuses rows that do not match the header, and files cut off', () => {
  const header = 'Deal Id,Deal Name,Deal Stage,Deal owner';
  const whole = [
    header,
    '101,Pilot,Closed: abandoned,Mark Stroud',
    '102,Rollout,Closed won,Ana Lima',
    '103,Renewal,Closed: abandoned,Mark Stroud',
    '104,Upsell,Closed won,Ana Lima',
    '105,Expansion,Closed: abandoned,Mark Stroud',
  ].join('\n');

  it('reads the whole file, with or without a final line break', () => {
    expect(readCsv('deals.csv', Buffer.from(`${whole}\n`)).rows).toHaveLength(5);
    expect(readCsv('deals.csv', Buffer.from(whole)).rows).toHaveLength(5);
  });

  it('names the file and row of a row with fewer or more fields than the header', () => {
    const lines = whole.split('\n');
    lines[2] = '102,Rollout,Closed won';
    lines[4] = '104,Upsell, Inc.,Closed won,Ana Lima';
    expect(() => readCsv('deals.csv', Buffer.from(`${lines.join('\n')}\n`))).toThrow(
      'deals.csv, row 3: this row has 3 fields but the header has 4 (a delimiter inside an unquoted value, or a broken or joined line). 1 more row also does not match. Nothing was imported.',
    );
  });

  it('refuses a file cut inside its last row as cut off', () => {
    const cut = whole.slice(0, whole.lastIndexOf(',Closed'));
    expect(() => readCsv('deals.csv', Buffer.from(cut))).toThrow(
      "deals.csv, row 6: the file is cut off: its last row has 2 of the header's 4 fields and the file ends mid-row. Export it again; nothing was imported.",
    );
  });

  it('refuses a file cut inside a value its column repeats, instead of inventing "Mark Str"', () => {
    expect(() => readCsv('deals.csv', Buffer.from(whole.slice(0, -3)))).toThrow(
      'deals.csv, row 6: the file is cut off: it ends without a line break inside “Mark Str” (column “Deal owner”), a value no other row has (“Mark Stroud” starts with it). Export it again; nothing was imported.',
    );
  });

  it('refuses a file cut after a closing quote whose last row is short', () => {
    const quoted = ['"Id","Stage","Amount","Owner"', '"1","Won","10","Ana"', '"2","Lost","20","Bo"'].join(
      '\r\n',
    );
    expect(() =>
      readCsv('OpportunityHistory.csv', Buffer.from(quoted.slice(0, quoted.lastIndexOf(',"20"')))),
    ).toThrow(
      /^OpportunityHistory\.csv, row 3: the file is cut off: its last row has 2 of the header's 4 fields/,
    );
  });

  it('marks a file that stops inside its last data row, not one that stops in a report footer', () => {
    expect(readCsv('deals.csv', Buffer.from(whole)).endsMidRow).toBe(true);
    expect(readCsv('deals.csv', Buffer.from(`${whole}\r\n`)).endsMidRow).toBe(false);
    const report = `${whole}\n\n"Grand Totals (5 records)"\n"Confidential Information - Do Not Distribute"`;
    expect(readCsv('report.csv', Buffer.from(report)).endsMidRow).toBe(false);
  });

  it('keeps a last free-text value it cannot judge, and a quoted last value', () => {
    const notes = ['Rep,Observed,Notes', 'Ana,2026-11-02,Good discovery', 'Bo,2026-11-03,Ran long'].join(
      '\n',
    );
    expect(readCsv('notes.csv', Buffer.from(notes)).rows.at(-1)?.cells).toEqual([
      'Bo',
      '2026-11-03',
      'Ran long',
    ]);
    const quoted = `${whole.slice(0, whole.lastIndexOf(',') + 1)}"Mark Str"`;
    expect(readCsv('deals.csv', Buffer.from(quoted)).rows.at(-1)?.cells[3]).toBe('Mark Str');
  });
});
