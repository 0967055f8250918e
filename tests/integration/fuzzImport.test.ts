import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '@shared/import/types';
import { migrate } from '../../src/main/engine/db/migrate';
import { type Db, openDatabase } from '../../src/main/engine/db/open';
import { EngineError } from '../../src/main/engine/errors';
import { decodeText } from '../../src/main/engine/import/decode';
import { type ImportRequest, runImport } from '../../src/main/engine/import/pipeline';
import { readCsv, sniffDelimiter } from '../../src/main/engine/import/readCsv';
import { currentWorkflow } from '../../src/main/engine/queries/workflow';
import { ensureWorkspaceDefaults } from '../../src/main/engine/queries/workspace';
import { testNow } from '../helpers/clock';
import { dbState } from '../helpers/dbState';
import { tempFolder } from '../helpers/workspace';

/**
 * Fuzzing the importers end to end: random files go through the real pipeline (preview, then
 * apply) on a real SQLite workspace. Whatever the bytes, an import either succeeds — and doing
 * it again changes nothing — or fails with the engine's EngineError naming the file (and the row
 * when it is about a row) and leaves the workspace exactly as it was. `FUZZ_RUNS` sets the total
 * number of cases (`npm run stress` runs 10,000); the default keeps CI quick.
 */
const totalRuns = Math.max(20, Number(process.env['FUZZ_RUNS'] ?? 240));
/** No case may take longer than this: far above any real case, it only catches a hang. */
const CASE_BUDGET_MS = 120_000;
const now = testNow;
const fixturesRoot = join(__dirname, '../fixtures/import');

/**
 * CI runs a fixed seed, so a red build is a regression and not a new random find; `npm run
 * stress` (FUZZ_RUNS) explores new seeds, and FUZZ_SEED replays a failure it reports.
 */
const seed =
  process.env['FUZZ_SEED'] !== undefined
    ? Number(process.env['FUZZ_SEED'])
    : process.env['FUZZ_RUNS'] === undefined
      ? 20261127
      : undefined;

/** Each property's share of the total runs, with the seed. */
const share = (weight: number, minimum = 3): { numRuns: number; seed?: number } => ({
  numRuns: Math.max(minimum, Math.round(totalRuns * weight)),
  ...(seed === undefined ? {} : { seed }),
});

// ---------------------------------------------------------------------------------------------
// The workspace every case runs against, seeded with a real import so that "unchanged" means
// something, and the checks every case ends with.

let db: Db;
let folder: ReturnType<typeof tempFolder>;
let caseNumber = 0;

beforeAll(async () => {
  folder = tempFolder();
  db = openDatabase(folder.dbPath, { role: 'writer' });
  migrate(db, folder.dbPath, now);
  ensureWorkspaceDefaults(db, now);
  const seeded = (await importFiles(
    { paths: [join(fixturesRoot, 'salesforce', 'data-export')] },
    'apply',
  )) as ImportResult;
  expect(seeded.counts.deals.new).toBeGreaterThan(0);
});

afterAll(() => {
  db?.close();
  folder?.remove();
});

function importFiles(
  request: ImportRequest,
  mode: 'preview' | 'apply',
): Promise<ImportPreview | ImportResult> {
  return runImport(db, request, { now, timeZone: 'UTC', workflow: currentWorkflow(db).definition }, mode);
}

type FuzzFile = { name: string; bytes: Uint8Array };

function workspaceState(): unknown {
  const batches = db.prepare("SELECT count(*) AS n FROM import_batches WHERE status = 'applied'").get();
  const mappings = db.prepare('SELECT count(*) AS n FROM import_mappings').get();
  return { tables: dbState(db), batches, mappings };
}

function withBudget<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stall = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish within ${CASE_BUDGET_MS} ms`)),
      CASE_BUDGET_MS,
    );
  });
  return Promise.race([work, stall]).finally(() => clearTimeout(timer));
}

/** The error an import may end with: the engine's, naming the file (and the row when it has one). */
function expectCleanError(error: unknown, names: readonly string[]): void {
  if (!(error instanceof EngineError)) throw error;
  expect(['invalid_input', 'not_found']).toContain(error.code);
  expect(
    names.some((name) => error.message.includes(name)),
    error.message,
  ).toBe(true);
}

type Outcome = 'imported' | 'refused';

/** Runs one case through preview and apply and checks every property; returns how it ended. */
async function checkImport(files: readonly FuzzFile[]): Promise<Outcome> {
  const dir = join(folder.dir, `case-${++caseNumber}`);
  mkdirSync(dir);
  try {
    const paths = files.map((file) => {
      const path = join(dir, file.name);
      writeFileSync(path, file.bytes);
      return path;
    });
    const names = files.map((file) => file.name);
    const request: ImportRequest = { paths };
    const started = Date.now();
    const before = workspaceState();

    let preview: ImportPreview;
    try {
      preview = (await withBudget(importFiles(request, 'preview'), 'the preview')) as ImportPreview;
    } catch (error) {
      expectCleanError(error, names);
      expect(workspaceState()).toEqual(before);
      return 'refused';
    }
    // A preview writes nothing, and every issue it lists says where it is.
    expect(workspaceState()).toEqual(before);
    for (const issue of preview.issues) {
      expect(names).toContain(issue.file);
      expect(issue.message.trim()).not.toBe('');
    }

    let outcome: Outcome;
    try {
      const applied = (await withBudget(importFiles(request, 'apply'), 'the import')) as ImportResult;
      expect(preview.canApply).toBe(true);
      expect(applied.counts).toEqual(preview.counts);
      outcome = 'imported';
    } catch (error) {
      expectCleanError(error, names);
      expect(workspaceState()).toEqual(before);
      const first = preview.issues.find((issue) => issue.severity === 'error');
      if (first?.line != null) expect((error as Error).message).toContain(`row ${first.line}`);
      outcome = 'refused';
    }

    if (outcome === 'imported') {
      // Importing the same files again changes nothing.
      const after = dbState(db);
      const again = (await withBudget(importFiles(request, 'apply'), 'the re-import')) as ImportResult;
      for (const [entity, counts] of Object.entries(again.counts)) {
        expect({ entity, new: counts.new, changed: counts.changed }).toEqual({ entity, new: 0, changed: 0 });
      }
      expect(dbState(db)).toEqual(after);
    }
    expect(Date.now() - started, 'a case took longer than the hang budget').toBeLessThan(CASE_BUDGET_MS);
    return outcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Encodings.

const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function encodeWindows1252(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const high = cp1252High.indexOf(ch);
    if (high >= 0) out.push(0x80 + high);
    else if (code < 0x100) out.push(code);
    else out.push(0x3f); // "?" as Windows tools write what the code page lacks
  }
  return Uint8Array.from(out);
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return bytes;
}

const encodings = [
  'utf-8',
  'utf-8 bom',
  'utf-16le bom',
  'utf-16le',
  'utf-16be bom',
  'utf-16be',
  'windows-1252',
] as const;
type Encoding = (typeof encodings)[number];

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8 bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]);
    case 'utf-16be':
      return utf16be(text);
    case 'windows-1252':
      return encodeWindows1252(text);
  }
}

// ---------------------------------------------------------------------------------------------
// The real header sets of the built-in formats, taken from the export fixtures the adapters are
// tested with, together with their real rows.

type Shape = { file: string; headers: string[]; rows: string[][]; delimiter: string };

function listFixtures(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listFixtures(path);
      return ['.csv', '.txt'].includes(extname(name)) ? [path] : [];
    });
}

const shapes: Shape[] = listFixtures(fixturesRoot).map((path) => {
  const { text } = decodeText(readFileSync(path));
  const delimiter = sniffDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  const [headers = [], ...rows] = parsed.data;
  return {
    file: basename(path),
    headers,
    rows: rows.filter((row) => row.length === headers.length),
    delimiter,
  };
});

// ---------------------------------------------------------------------------------------------
// Generators.

const fileName = fc.constantFrom('export.csv', 'Opportunity.csv', 'deals.txt', 'data.tsv', 'sheet.xlsx');

const anyText = fc.string({ unit: fc.constantFrom('grapheme', 'binary', 'grapheme-ascii'), maxLength: 40 });

/** Values a CRM cell might hold, good and bad. */
const cellValue: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constantFrom(' ', '\t', 'null', 'NULL', 'N/A', '-', '#N/A', '#VALUE!', '000000000000000AAA', '0', '1'),
  // dates, real and broken
  fc
    .date({ min: new Date(-2208988800000), max: new Date(7258118400000), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-02-30',
    '2026-13-01',
    '31/02/2026',
    '3/4/2026',
    '13/13/2013',
    '2026-09-04 25:61:00',
    '1/20/2026, 6:00 AM',
    '20.01.2026 14:30',
    '0000-00-00',
    '9999-12-31T23:59:59.999Z',
    '-001-01-01',
    '45678',
    '1e10',
    'yesterday',
    '2026-09-04T14:30:00+14:00',
    '2026-09-04T14:30:00-12:00',
  ),
  fc
    .integer({ min: 1, max: 28 })
    .chain((d) =>
      fc.integer({ min: 1, max: 12 }).map((m) => `${d}/${m}/20${String(d % 30).padStart(2, '0')}`),
    ),
  // amounts
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(
    '1,234.56',
    '1.234,56',
    '€5',
    '$-0.00',
    '(500)',
    '1 000 000',
    '12%',
    '1e309',
    '-',
    '+',
    '.',
    ',',
    'Infinity',
  ),
  // ids and names
  fc.stringMatching(/^[0-9A-Za-z]{15}([0-9A-Z]{3})?$/),
  fc.constantFrom(
    'José Peña',
    '李娜',
    'Zoë Müller',
    'Björn Ångström',
    '=HYPERLINK("x")',
    '+1 555',
    '@me',
    '"quoted"',
  ),
  anyText,
  fc.string({ unit: 'grapheme', minLength: 50, maxLength: 400 }),
);

/** A CRM-shaped file: a real header set, rows mixing real values of that column with random ones. */
const crmFile: fc.Arbitrary<FuzzFile & { encoding: Encoding }> = fc
  .record({
    shape: fc.constantFrom(...shapes),
    rows: fc.array(
      // Mostly real rows with a few random cells, so that imports succeed as well as fail.
      fc.record({ source: fc.nat(), mutate: fc.array(fc.tuple(fc.nat(), cellValue), { maxLength: 3 }) }),
      { minLength: 0, maxLength: 12 },
    ),
    dropColumn: fc.option(fc.nat(), { freq: 4 }),
    encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8 bom', 'windows-1252', 'utf-16le bom'),
    lineEnding: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ shape, rows, dropColumn, encoding, lineEnding }) => {
    const width = shape.headers.length;
    const keep = (cells: string[]): string[] =>
      dropColumn === null ? cells : cells.filter((_, i) => i !== dropColumn % width);
    const data = rows.map(({ source, mutate }) => {
      const base =
        shape.rows.length > 0 ? [...shape.rows[source % shape.rows.length]!] : Array<string>(width).fill('');
      for (const [at, value] of mutate) base[at % width] = value;
      return keep(base);
    });
    const text = Papa.unparse([keep(shape.headers), ...data], {
      delimiter: shape.delimiter,
      newline: lineEnding,
      quotes: shape.delimiter === ',',
    });
    return { name: shape.file, bytes: encode(text, encoding), encoding };
  });

/** Damage done to a text file: stray quotes and delimiters, lines cut or joined, line ends mixed. */
const damage = fc.array(
  fc.tuple(
    fc.nat(),
    fc.constantFrom(
      '"',
      '""',
      '"\n',
      ',',
      ';',
      '\t',
      '|',
      '\r',
      '\n',
      '\r\n',
      '\n\n\n',
      '\u0000',
      '\ufeff',
      '\ufffd',
      '',
    ),
    fc.nat({ max: 20 }),
  ),
  { minLength: 1, maxLength: 8 },
);

function damageText(text: string, edits: readonly [number, string, number][]): string {
  let out = text;
  for (const [at, insert, remove] of edits) {
    const position = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, position) + insert + out.slice(position + remove);
  }
  return out;
}

let fixtureXlsx: Uint8Array | null = null;
const xlsxFixture = (): Uint8Array =>
  (fixtureXlsx ??= readFileSync(join(fixturesRoot, 'pipedrive', 'activities.xlsx')));

async function workbookBytes(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Export');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------

describe(`fuzzed imports (${totalRuns} cases in all)`, () => {
  const outcomes: Record<string, Record<Outcome, number>> = {};
  const tally = (property: string, outcome: Outcome): void => {
    outcomes[property] ??= { imported: 0, refused: 0 };
    outcomes[property][outcome]++;
  };
  afterAll(() => {
    // The figures the README reports: cases run per property and how they ended.
    console.log(`fuzzed imports: ${JSON.stringify(outcomes)}`);
  });

  it('random bytes under any name', { timeout: 0 }, async () => {
    await fc.assert(
      fc.asyncProperty(fileName, fc.uint8Array({ maxLength: 4096 }), async (name, bytes) => {
        tally('bytes', await checkImport([{ name, bytes }]));
      }),
      share(0.15),
    );
  });

  it('random text in random encodings, delimiters and line ends', { timeout: 0 }, async () => {
    const table = fc.record({
      rows: fc.array(fc.array(anyText, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 10 }),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      lineEnding: fc.constantFrom('\n', '\r\n', '\r'),
      quoteAll: fc.boolean(),
      encoding: fc.constantFrom(...encodings),
    });
    await fc.assert(
      fc.asyncProperty(fileName, table, async (name, { rows, delimiter, lineEnding, quoteAll, encoding }) => {
        const text = Papa.unparse(rows, { delimiter, newline: lineEnding, quotes: quoteAll });
        tally(
          'text',
          await checkImport([{ name: name.replace(/\.xlsx$/, '.csv'), bytes: encode(text, encoding) }]),
        );
      }),
      share(0.15),
    );
  });

  it('CRM exports with random and invalid values', { timeout: 0 }, async () => {
    await fc.assert(
      fc.asyncProperty(crmFile, async (file) => {
        tally('crm', await checkImport([file]));
      }),
      share(0.3),
    );
  });

  it('several CRM exports imported together', { timeout: 0 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(crmFile, { minLength: 2, maxLength: 4, selector: (f) => f.name }),
        async (files) => {
          tally('crm set', await checkImport(files));
        },
      ),
      share(0.1),
    );
  });

  it('CRM exports with broken quotes, stray delimiters and mixed line ends', { timeout: 0 }, async () => {
    await fc.assert(
      fc.asyncProperty(crmFile, damage, async (file, edits) => {
        const text = damageText(decodeText(file.bytes).text, edits);
        tally('damaged', await checkImport([{ name: file.name, bytes: encode(text, file.encoding) }]));
      }),
      share(0.2),
    );
  });

  it(
    'CRM exports cut at any byte: refused, or exactly their whole rows imported',
    { timeout: 0 },
    async () => {
      // The CRMs' own exports, as exported (each ends with a line break). Coaching sheets are left
      // out: a sheet cut inside free text is indistinguishable from one saved without a final
      // line break, and is read as it is.
      const exports = listFixtures(fixturesRoot).filter((path) => !path.includes(`${sep}observations${sep}`));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...exports),
          fc.double({ min: 0, max: 1, noNaN: true }),
          async (path, where) => {
            const whole = readFileSync(path);
            const cut = whole.subarray(0, Math.floor(where * whole.length));
            const name = basename(path);
            const outcome = await checkImport([{ name, bytes: cut }]);
            tally('cut', outcome);
            if (outcome === 'refused') return;
            // Never a partial row: what was imported is the whole file's first rows, row for row.
            const rows = readCsv(name, cut).rows;
            expect(rows).toEqual(readCsv(name, whole).rows.slice(0, rows.length));
          },
        ),
        share(0.15),
      );
    },
  );

  it('huge cells', { timeout: 0 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...shapes),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        fc.constantFrom('x', 'é', '"', ',', '\n', '😀'),
        async (shape, megabytes, column, filler) => {
          const cells = [...(shape.rows[0] ?? shape.headers.map(() => ''))];
          const at = column % cells.length;
          cells[at] = filler.repeat(Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(filler)));
          const text = Papa.unparse([shape.headers, cells], { delimiter: shape.delimiter, quotes: true });
          tally('huge cell', await checkImport([{ name: shape.file, bytes: Buffer.from(text, 'utf8') }]));
        },
      ),
      share(0.02, 4),
    );
  });

  it('broken and random workbooks', { timeout: 0 }, async () => {
    const workbook = fc.oneof(
      // the real workbook with bytes overwritten or cut off
      fc
        .tuple(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
          fc.option(fc.nat()),
        )
        .map(([edits, cut]) => {
          const bytes = Uint8Array.from(xlsxFixture());
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          return cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
        }),
      // zip-like garbage
      fc.uint8Array({ maxLength: 2048 }).map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail])),
      // a valid workbook holding a CRM-shaped table with random values
      fc
        .record({
          shape: fc.constantFrom(...shapes),
          rows: fc.array(fc.array(cellValue, { maxLength: 30 }), { maxLength: 6 }),
        })
        .map(({ shape, rows }) => ({
          rows: [shape.headers, ...rows.map((r) => shape.headers.map((_, i) => r[i] ?? ''))],
        })),
    );
    await fc.assert(
      fc.asyncProperty(workbook, async (generated) => {
        const bytes = generated instanceof Uint8Array ? generated : await workbookBytes(generated.rows);
        tally('xlsx', await checkImport([{ name: 'export.xlsx', bytes }]));
      }),
      share(0.08),
    );
  });
});

describe('what fuzzing found', () => {
  const calls = (rows: string[][]): FuzzFile => ({
    name: 'hubspot-crm-exports-all-calls-2026-11-20.csv',
    bytes: Buffer.from(
      Papa.unparse(
        [
          [
            'Record ID',
            'Call Title',
            'Activity date',
            'Activity assigned to',
            'Call outcome',
            'Associated Deal IDs',
            'Create Date',
          ],
          ...rows,
        ],
        { quotes: true },
      ),
    ),
  });

  it('refuses a file listing one record twice with different values, naming both rows', async () => {
    // Both rows were imported in turn, so every re-import "changed" the call back and forth.
    const file = calls([
      ['70003', 'Intro call', '2026-06-02 11:00', 'Jonas Becker', 'Left voicemail', '', '2026-06-02 11:31'],
      ['70003', ' ', '2026-06-02 11:00', 'Jonas Becker', 'Left voicemail', '', '2026-06-02 11:31'],
    ]);
    expect(await checkImport([file])).toBe('refused');
    const dir = join(folder.dir, 'regression');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, file.name), file.bytes);
    const preview = (await importFiles({ paths: [join(dir, file.name)] }, 'preview')) as ImportPreview;
    expect(preview.issues[0]).toMatchObject({
      severity: 'error',
      file: file.name,
      line: 3,
      message:
        'this row has the id of the activity on row 2 with other values: a file must list each record once',
    });
  });

  it('imports a file that repeats a row exactly once, and again as a no-op', async () => {
    const row = [
      '70004',
      'Demo call',
      '2026-06-03 11:00',
      'Jonas Becker',
      'Connected',
      '',
      '2026-06-03 11:31',
    ];
    expect(await checkImport([calls([row, row])])).toBe('imported');
  });

  it('refuses durations no column can hold, naming the row, instead of failing inside SQLite', async () => {
    // "1e309" minutes, or a 400-digit count of milliseconds, reached SQLite as Infinity or 1e397
    // and stopped the import with "cannot store REAL value in INTEGER column" and no file named.
    const header = [
      'Id',
      'Subject',
      'ActivityDateTime',
      'DurationInMinutes',
      'OwnerId',
      'WhatId',
      'IsAllDayEvent',
    ];
    const events: FuzzFile = {
      name: 'Event.csv',
      bytes: Buffer.from(
        Papa.unparse([
          header,
          ['00U8a00000ZzZzZAAV', 'Demo', '2026-06-02 11:00:00', '1e309', '0058a00000KqJsPAAV', '', '0'],
        ]),
      ),
    };
    const hubspot: FuzzFile = {
      name: 'hubspot-crm-exports-all-calls-2026-11-20.csv',
      bytes: Buffer.from(
        Papa.unparse([
          [
            'Record ID',
            'Call Title',
            'Activity date',
            'Activity assigned to',
            'Call duration',
            'Create Date',
          ],
          ['70005', 'Long call', '2026-06-02 11:00', 'Jonas Becker', '9'.repeat(400), '2026-06-02 11:31'],
        ]),
      ),
    };
    for (const file of [events, hubspot]) {
      expect(await checkImport([file])).toBe('refused');
      const dir = join(folder.dir, `regression-${file.name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, file.name), file.bytes);
      const preview = (await importFiles({ paths: [join(dir, file.name)] }, 'preview')) as ImportPreview;
      expect(preview.issues.find((i) => i.severity === 'error')).toMatchObject({ file: file.name, line: 2 });
    }
  });
});
