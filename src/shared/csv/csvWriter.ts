import Papa from 'papaparse';

/**
 * One CSV cell: text, a number, or empty (null / undefined). Numbers are written as numbers, so
 * a spreadsheet can sum them; text is always quoted.
 */
export type CsvCell = string | number | null | undefined;

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

/** What makes a spreadsheet read a cell as a formula, or hide how it starts (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/**
 * A text cell made safe to open in a spreadsheet (OWASP's advice on CSV injection): text that begins
 * with `=`, `+`, `-`, `@`, a tab, a carriage return or NUL gets a leading apostrophe, so Excel,
 * LibreOffice and Google Sheets show it as text instead of running it. NUL characters are removed
 * everywhere — none reaches the file — and a text that only starts with a trigger once they are
 * gone (`"\0=1+1"`) is neutralized too.
 *
 * Numbers are not text: a real number cell such as -5 is written as the number -5, which no
 * spreadsheet runs as a formula; only text beginning with "-" (a name like "-Acme-") is prefixed.
 */
export function neutralizeText(text: string): string {
  const clean = text.includes('\0') ? text.replaceAll('\0', '') : text;
  return FORMULA_START.test(text) || FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** A cell as written: neutralized text, a finite number, or null for an empty cell. */
export function csvField(cell: CsvCell): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? (Object.is(cell, -0) ? 0 : cell) : null;
  return neutralizeText(cell);
}

export type WriteCsvOptions = {
  /** Starts the text with a UTF-8 byte order mark (default true: Excel needs it). */
  bom?: boolean;
};

/**
 * A CSV file's text (RFC 4180): a header line, then one line per row, each ended by CRLF; every
 * text cell in double quotes (quotes inside doubled), numbers bare, empty cells empty, every cell
 * neutralized against formula injection. Rows shorter than the header are padded with empty cells.
 */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  { bom = true }: WriteCsvOptions = {},
): string {
  if (header.length === 0) throw new Error('A CSV file needs at least one column.');
  const fields = header.map((name) => neutralizeText(name));
  const data = rows.map((row) => {
    if (row.length > header.length)
      throw new Error(`A CSV row has ${row.length} cells for ${header.length} columns.`);
    return fields.map((_, i) => csvField(row[i]));
  });
  const body = Papa.unparse(
    { fields, data },
    {
      header: true,
      newline: CSV_NEWLINE,
      quotes: (value: unknown) => typeof value === 'string',
      escapeFormulae: false,
      skipEmptyLines: false,
    },
  );
  // Papa ends the header line itself when there are no rows; otherwise the last row needs its CRLF.
  const ended = data.length === 0 && body.endsWith(CSV_NEWLINE) ? body : `${body}${CSV_NEWLINE}`;
  return `${bom ? UTF8_BOM : ''}${ended}`;
}
