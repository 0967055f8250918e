import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvDate,
  csvDateTime,
  csvFileName,
  csvPercent,
  csvRound,
  fileSlug,
  toCsvCell,
} from '@shared/csv/csvValues';
import { UTF8_BOM, neutralizeText, writeCsv } from '@shared/csv/csvWriter';
import { dealCsvValue } from '@shared/csv/dealsCsv';
import type { DealRow } from '@shared/domain/types';

/** The lines of a CSV written without a BOM, split on CRLF (the text ends with one). */
function lines(csv: string): string[] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(0, -2).split('\r\n');
}

const one = (cell: string | number | null) => lines(writeCsv(['c'], [[cell]], { bom: false }))[1];

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM for Excel, unless asked not to', () => {
    const csv = writeCsv(['Deal'], [['Acme']]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(writeCsv(['Deal'], [['Acme']], { bom: false }).startsWith('"Deal"')).toBe(true);
  });

  it('ends every line, the last one too, with CRLF', () => {
    const csv = writeCsv(
      ['a', 'b'],
      [
        ['x', 1],
        ['y', 2],
      ],
      { bom: false },
    );
    expect(csv).toBe('"a","b"\r\n"x",1\r\n"y",2\r\n');
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes the header line alone when there are no rows', () => {
    expect(writeCsv(['Deal', 'Amount'], [], { bom: false })).toBe('"Deal","Amount"\r\n');
  });

  it('quotes every text cell and doubles quotes inside it (RFC 4180)', () => {
    expect(one('say "hi"')).toBe('"say ""hi"""');
    expect(one('a, b')).toBe('"a, b"');
    expect(one('')).toBe('""');
  });

  it('keeps line breaks inside a quoted cell, so the cell stays one cell', () => {
    const csv = writeCsv(['note'], [['line one\nline two\r\nline three']], { bom: false });
    expect(csv).toBe('"note"\r\n"line one\nline two\r\nline three"\r\n');
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' });
    expect(parsed.data[1]).toEqual(['line one\nline two\r\nline three']);
  });

  it('writes numbers bare so a spreadsheet sums them, negative numbers included', () => {
    expect(one(1234.5)).toBe('1234.5');
    expect(one(-5)).toBe('-5');
    expect(one(0)).toBe('0');
    expect(one(-0)).toBe('0');
  });

  it('leaves empty cells empty: null, undefined, NaN and infinities', () => {
    const csv = writeCsv(['a', 'b', 'c', 'd', 'e'], [[null, undefined, Number.NaN, Infinity, 'x']], {
      bom: false,
    });
    expect(lines(csv)[1]).toBe(',,,,"x"');
  });

  it('pads short rows and refuses rows longer than the header', () => {
    expect(lines(writeCsv(['a', 'b', 'c'], [['x']], { bom: false }))[1]).toBe('"x",,');
    expect(() => writeCsv(['a'], [['x', 'y']])).toThrow(/2 cells for 1 columns/);
    expect(() => writeCsv([], [])).toThrow(/at least one column/);
  });

  it('keeps Unicode as it is: accents, CJK, emoji, right-to-left text', () => {
    const names = ['Zoë Ångström', '山田太郎', 'Ünal Çelik 🚀', 'محمد'];
    const csv = writeCsv(
      ['Rep'],
      names.map((n) => [n]),
    );
    expect(lines(csv.slice(1)).slice(1)).toEqual(names.map((n) => `"${n}"`));
    const bytes = new TextEncoder().encode(csv);
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).toBe(csv);
  });

  it('exports =HYPERLINK("http://x") as text: an apostrophe first, quotes doubled, inside quotes', () => {
    expect(one('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1+1', `"'+1+1"`],
    ['-1+1', `"'-1+1"`],
    ['-Acme-', `"'-Acme-"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ["cmd|' /C calc'!A0", `"cmd|' /C calc'!A0"`],
    ['1+1', '"1+1"'],
    ['a=b', '"a=b"'],
    [' =1', '" =1"'],
  ])('neutralizes %j as %s', (text, written) => {
    expect(one(text)).toBe(written);
  });

  it('never writes a NUL: removed everywhere, and a cell that began with one is neutralized', () => {
    expect(one('a\0b')).toBe('"ab"');
    expect(one('\0=1+1')).toBe(`"'=1+1"`);
    expect(one('\0abc')).toBe(`"'abc"`);
    expect(one('\0')).toBe(`"'"`);
    const csv = writeCsv(['\0h'], [['x\0y\0'], ['\0\0']]);
    expect(csv.includes('\0')).toBe(false);
  });

  it('neutralizes header names like any other text', () => {
    expect(lines(writeCsv(['=cmd', 'Deal'], [], { bom: false }))[0]).toBe(`"'=cmd","Deal"`);
  });

  it('round-trips through a CSV parser: what was written is what a reader gets', () => {
    const rows = [
      ['Acme "Big" deal', 12000, '2026-03-04'],
      ['Ünal, Çelik', -5, null],
    ];
    const parsed = Papa.parse<string[]>(writeCsv(['Deal', 'Amount', 'Closed'], rows).slice(1), {
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['Deal', 'Amount', 'Closed'],
      ['Acme "Big" deal', '12000', '2026-03-04'],
      ['Ünal, Çelik', '-5', ''],
    ]);
  });
});

describe('neutralizeText', () => {
  it('leaves ordinary text alone', () => {
    expect(neutralizeText('Acme Corp')).toBe('Acme Corp');
    expect(neutralizeText('')).toBe('');
  });
});

describe('CSV values', () => {
  // 2026-03-08 07:30 UTC: the day and the hour differ between Tokyo, London and Los Angeles.
  const at = Date.UTC(2026, 2, 8, 7, 30);

  it('writes dates as ISO days and date-times in the given time zone', () => {
    expect(csvDate(at, 'UTC')).toBe('2026-03-08');
    expect(csvDate(at, 'America/Los_Angeles')).toBe('2026-03-07');
    expect(csvDateTime(at, 'Asia/Tokyo')).toBe('2026-03-08 16:30');
    expect(csvDateTime(at, 'America/Los_Angeles')).toBe('2026-03-07 23:30');
    expect(csvDate(null, 'UTC')).toBeNull();
    expect(csvDateTime(undefined, 'UTC')).toBeNull();
    expect(() => csvDate(at, 'Mars/Olympus')).toThrow(/not a known time zone/);
  });

  it('turns ratios into percentage numbers and rounds away float noise', () => {
    expect(csvPercent(0.4567)).toBe(45.67);
    expect(csvPercent(0.07)).toBe(7);
    expect(csvPercent(null)).toBeNull();
    expect(csvRound(0.1 + 0.2)).toBe(0.3);
    expect(csvRound(-0.001)).toBe(0);
    expect(csvRound(12.3456, 1)).toBe(12.3);
  });

  it('falls back to the plain value for columns that say nothing about their export', () => {
    expect(toCsvCell('text', 'UTC')).toBe('text');
    expect(toCsvCell(12, 'UTC')).toBe(12);
    expect(toCsvCell(true, 'UTC')).toBe('Yes');
    expect(toCsvCell(false, 'UTC')).toBe('No');
    expect(toCsvCell(['a', null, 'b'], 'UTC')).toBe('a, b');
    expect(toCsvCell(new Date(at), 'UTC')).toBe('2026-03-08 07:30');
    expect(toCsvCell({ a: 1 }, 'UTC')).toBeNull();
    expect(toCsvCell(undefined, 'UTC')).toBeNull();
  });

  it('names files stagecoach-<what>.csv, any script kept', () => {
    expect(csvFileName('Deals', '2026-11-27')).toBe('stagecoach-deals-2026-11-27.csv');
    expect(csvFileName('Scorecards', 'Q4 2026')).toBe('stagecoach-scorecards-q4-2026.csv');
    expect(csvFileName('Zoë · 山田 / Q1')).toBe('stagecoach-zoë-山田-q1.csv');
    expect(csvFileName('', '—')).toBe('stagecoach-table.csv');
    expect(fileSlug('  ../../etc/passwd  ')).toBe('etc-passwd');
  });

  it('exports a deal with its status words and local days', () => {
    const deal: DealRow = {
      id: 7,
      name: 'Acme',
      account: null,
      ownerId: null,
      ownerName: null,
      team: null,
      amount: -250,
      currency: 'EUR',
      status: 'won',
      stageKey: 'won',
      stageName: 'Won',
      pipeline: null,
      createdAt: at,
      closedAt: null,
      lastStageChangeAt: at,
      source: 'demo',
    };
    expect(dealCsvValue(deal, 'status', 'UTC')).toBe('Won');
    expect(dealCsvValue(deal, 'createdAt', 'America/Los_Angeles')).toBe('2026-03-07');
    expect(dealCsvValue(deal, 'closedAt', 'UTC')).toBeNull();
    expect(dealCsvValue(deal, 'amount', 'UTC')).toBe(-250);
    expect(dealCsvValue(deal, 'account', 'UTC')).toBeNull();
  });
});

describe('rows of empty cells', () => {
  it('keeps a row whose only cell is empty', () => {
    expect(writeCsv(['c'], [[null], ['x']], { bom: false })).toBe('"c"\r\n\r\n"x"\r\n');
    expect(writeCsv(['c'], [['x'], [null]], { bom: false })).toBe('"c"\r\n"x"\r\n\r\n');
  });
});

describe('local dates in any time zone', () => {
  const zones = [
    'UTC',
    'America/New_York',
    'America/Sao_Paulo',
    'Europe/Berlin',
    'Asia/Kolkata',
    'Asia/Tokyo',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
  ];

  /** The same instant written by Intl directly, one call per value. */
  function reference(ms: number, zone: string): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(ms)
        .map((p) => [p.type, p.value]),
    );
    return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
  }

  it('matches Intl for any instant from 1970 to 2100, daylight-saving switches included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          expect(csvDateTime(ms, zone)).toBe(reference(ms, zone));
          expect(csvDate(ms, zone)).toBe(reference(ms, zone).slice(0, 10));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is right on both sides of a clock change, minute by minute', () => {
    // New York springs forward at 07:00 UTC on 2026-03-08; Lord Howe moves by half an hour.
    for (const [start, zone] of [
      [Date.UTC(2026, 2, 8, 5), 'America/New_York'],
      [Date.UTC(2026, 3, 4, 13), 'Australia/Lord_Howe'],
    ] as const)
      for (let ms = start; ms < start + 4 * 3_600_000; ms += 60_000)
        expect(csvDateTime(ms, zone)).toBe(reference(ms, zone));
    expect(csvDateTime(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York')).toBe('2026-03-08 01:59');
    expect(csvDateTime(Date.UTC(2026, 2, 8, 7, 0), 'America/New_York')).toBe('2026-03-08 03:00');
  });
});
