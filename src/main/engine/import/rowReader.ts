import type { ReadContext } from './adapter';
import {
  type DateOrder,
  inferDateOrder,
  type OrderEvidence,
  parseCalendarDate,
  parseDateTime,
} from './dates';
import type { ImportIssue } from './records';
import { findColumn, type SourceRow, type SourceTable } from './table';

/** The Salesforce null-lookup sentinel, written instead of an empty id. */
const SALESFORCE_NULL_ID = /^0{15}AAA$/;

const truthy = new Set([
  '1',
  'true',
  'yes',
  'y',
  'x',
  'wahr',
  'vrai',
  'sí',
  'si',
  'ja',
  'oui',
  'won',
  'done',
]);
const falsy = new Set(['0', 'false', 'no', 'n', '', 'falsch', 'faux', 'nein', 'non', 'not done', 'undone']);

/**
 * Reads typed cells of one table by field name, where each field is found through its aliases.
 * Problems become issues that name the file, row and column; a column's day/month order is
 * settled once from all its values (or from the user's choice).
 */
export type RowReader<F extends string> = {
  has(field: F): boolean;
  column(field: F): string;
  text(row: SourceRow, field: F): string | null;
  id(row: SourceRow, field: F): string | null;
  number(row: SourceRow, field: F): number | null;
  integer(row: SourceRow, field: F): number | null;
  bool(row: SourceRow, field: F): boolean | null;
  datetime(row: SourceRow, field: F, zone?: string): number | null;
  date(row: SourceRow, field: F): string | null;
  issues: ImportIssue[];
  error(row: SourceRow, field: F | null, message: string): void;
  warn(row: SourceRow, field: F | null, message: string): void;
};

function* allCells(table: SourceTable): Generator<string> {
  for (const row of table.rows) yield* row.cells;
}

/**
 * Whether a column writes decimals with a comma (1.234,56): decided by the values themselves,
 * and by the delimiter only when they do not tell (a semicolon file is usually a comma locale).
 */
export function usesDecimalComma(values: readonly string[], delimiter: string | null): boolean {
  const comma = values.some((v) => /\d\.\d{3},\d|^\s*-?\d+,\d{1,2}\s*$/.test(v));
  const dot = values.some((v) => /\d,\d{3}\.\d|^\s*-?\d+\.\d{1,2}\s*$|^\s*-?\d+\.\d{4,}\s*$/.test(v));
  if (comma !== dot) return comma;
  return delimiter === ';';
}

function parseNumber(text: string, decimalComma: boolean): number | null {
  let cleaned = text.replace(/[\s\u00a0'’]/g, '').replace(/^[^\d\-+.,]+|[^\d.,]+$/g, '');
  if (cleaned === '') return null;
  if (decimalComma) cleaned = cleaned.replace(/\./g, '').replace(',', '.');
  else cleaned = cleaned.replace(/,/g, '');
  if (!/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(cleaned)) return null;
  return Number(cleaned);
}

export function createRowReader<F extends string>(
  table: SourceTable,
  context: ReadContext,
  aliases: Record<F, readonly string[]>,
): RowReader<F> {
  const issues: ImportIssue[] = [];
  const index = new Map<F, number>();
  for (const field of Object.keys(aliases) as F[]) {
    const at = findColumn(table.headers, aliases[field]);
    if (at >= 0) index.set(field, at);
  }
  const decimalComma = new Map<F, boolean>();
  const dateOrder = new Map<F, DateOrder | null>();
  const reportedColumns = new Set<F>();
  let fileOrder: OrderEvidence | null = null;

  const raw = (row: SourceRow, field: F): string | null => {
    const at = index.get(field);
    if (at === undefined) return null;
    const value = (row.cells[at] ?? '').trim();
    return value === '' ? null : value;
  };
  const columnName = (field: F): string => {
    const at = index.get(field);
    return at === undefined ? field : (table.headers[at] ?? field);
  };
  const issue = (
    severity: ImportIssue['severity'],
    row: SourceRow,
    field: F | null,
    message: string,
  ): void => {
    issues.push({
      severity,
      file: table.fileName,
      line: row.line,
      column: field ? columnName(field) : null,
      message,
    });
  };
  const columnValues = (field: F): string[] => {
    const at = index.get(field);
    return at === undefined ? [] : table.rows.map((r) => r.cells[at] ?? '');
  };
  const orderFor = (field: F, row: SourceRow): DateOrder | null => {
    if (context.dateOrder) return context.dateOrder;
    if (!dateOrder.has(field)) {
      // One tool in one locale wrote the whole file: a column that proves the order settles the
      // others; only a file whose columns disagree is judged column by column.
      fileOrder ??= inferDateOrder(allCells(table));
      const evidence =
        fileOrder === 'conflict'
          ? inferDateOrder(columnValues(field))
          : fileOrder === 'MDY' || fileOrder === 'DMY'
            ? fileOrder
            : inferDateOrder(columnValues(field));
      dateOrder.set(field, evidence === 'MDY' || evidence === 'DMY' ? evidence : null);
      if ((evidence === 'ambiguous' || evidence === 'conflict') && !reportedColumns.has(field)) {
        reportedColumns.add(field);
        issue(
          'error',
          row,
          field,
          evidence === 'ambiguous'
            ? 'dates like 3/4/2026 could be day/month or month/day: choose the date order for this file'
            : 'this column mixes day/month and month/day dates',
        );
      }
    }
    return dateOrder.get(field) ?? null;
  };

  return {
    issues,
    has: (field) => index.has(field),
    column: columnName,
    text: raw,
    id(row, field) {
      const value = raw(row, field);
      return value === null || SALESFORCE_NULL_ID.test(value) ? null : value;
    },
    number(row, field) {
      const value = raw(row, field);
      if (value === null) return null;
      if (!decimalComma.has(field))
        decimalComma.set(field, usesDecimalComma(columnValues(field), table.delimiter));
      const parsed = parseNumber(value, decimalComma.get(field) ?? false);
      if (parsed === null) issue('error', row, field, `"${value}" is not a number`);
      return parsed;
    },
    integer(row, field) {
      const value = this.number(row, field);
      return value === null ? null : Math.round(value);
    },
    bool(row, field) {
      const value = raw(row, field);
      const key = (value ?? '').toLowerCase();
      if (truthy.has(key)) return true;
      if (falsy.has(key)) return false;
      issue('error', row, field, `"${value}" is not yes/no (expected 1/0, true/false)`);
      return null;
    },
    datetime(row, field, zone) {
      const value = raw(row, field);
      if (value === null) return null;
      const parsed = parseDateTime(value, { zone: zone ?? context.timeZone, order: orderFor(field, row) });
      if (parsed.ok) return parsed.ms;
      if (!reportedColumns.has(field) || !/choose the date order/.test(parsed.message))
        issue('error', row, field, parsed.message);
      return null;
    },
    date(row, field) {
      const value = raw(row, field);
      if (value === null) return null;
      const parsed = parseCalendarDate(value, { zone: context.timeZone, order: orderFor(field, row) });
      if (parsed.ok) return parsed.date;
      if (!reportedColumns.has(field) || !/choose the date order/.test(parsed.message))
        issue('error', row, field, parsed.message);
      return null;
    },
    error: (row, field, message) => issue('error', row, field, message),
    warn: (row, field, message) => issue('warning', row, field, message),
  };
}

/** Salesforce ids: the 15-character case-sensitive form names the same record as the 18-character one. */
export function salesforceId(id: string | null): string | null {
  if (id === null) return null;
  return id.length === 18 ? id.slice(0, 15) : id;
}
