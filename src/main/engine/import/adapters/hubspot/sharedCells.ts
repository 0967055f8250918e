import { type DateOrder, inferDateOrder } from '../../dates';
import type { RepRef } from '../../records';
import { findColumn, normalizeHeader, type SourceRow, type SourceTable } from '../../table';

// Cell helpers every CRM adapter needs (the Pipedrive and observation adapters import them too);
// they belong in a shared adapters module once the lead has one.

/** The longest text kept from one cell: email and note bodies run to hundreds of kilobytes. */
export const MAX_FIELD_CHARS = 2000;

/** Cuts a long cell to MAX_FIELD_CHARS, marking the cut, so one row cannot bloat the database. */
export function truncate(value: string, max: number = MAX_FIELD_CHARS): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

const nameWithEmail = /^(.*?)\s*[(<]\s*([^\s()<>@]+@[^\s()<>@]+)\s*[)>]\s*$/;
const bareEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The suffix HubSpot puts after the owner of a deal or activity whose user was deactivated, in the
 * export languages seen: the same person, no longer active.
 */
const deactivatedSuffix =
  /\s*\((?:deactivated user|usuario desactivado|usuário desativado|deaktivierter benutzer|utilisateur désactivé|utente disattivato|gedeactiveerde gebruiker)\)\s*$/iu;

/**
 * Reads a person cell as CRMs write it — "Name", "Name (email)", "Name <email>" or an email — as
 * a rep reference; "Name (Deactivated User)" is that person, marked inactive.
 */
export function repRefFromCell(value: string | null): RepRef | null {
  if (value === null || value.trim() === '') return null;
  const deactivated = deactivatedSuffix.test(value);
  const ref = personRef(deactivated ? value.replace(deactivatedSuffix, '') : value);
  return ref && deactivated ? { ...ref, inactive: true } : ref;
}

function personRef(value: string): RepRef | null {
  const text = value.trim();
  if (text === '') return null;
  if (bareEmail.test(text)) return { email: text.toLowerCase() };
  const m = nameWithEmail.exec(text);
  if (m) return m[1] ? { name: m[1], email: m[2]!.toLowerCase() } : { email: m[2]!.toLowerCase() };
  return { name: text };
}

/** Splits a multi-valued association cell (HubSpot writes `123;456`) into its trimmed values. */
export function splitList(value: string | null, separators: RegExp = /;/): string[] {
  if (value === null) return [];
  return value
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The normalized header set of a file, for detection scores. */
export function headerSet(headers: readonly string[]): Set<string> {
  return new Set(headers.map(normalizeHeader));
}

/** Whether any alias (normalized) is among the headers. */
export function hasAny(headers: ReadonlySet<string>, aliases: readonly string[]): boolean {
  return aliases.some((alias) => headers.has(normalizeHeader(alias)));
}

/** The column indexes an alias table claims in this file (the same lookup the row reader does). */
export function claimedColumns<F extends string>(
  table: SourceTable,
  aliases: Record<F, readonly string[]>,
  fields?: readonly F[],
): Set<number> {
  const claimed = new Set<number>();
  for (const field of fields ?? (Object.keys(aliases) as F[])) {
    const at = findColumn(table.headers, aliases[field]);
    if (at >= 0) claimed.add(at);
  }
  return claimed;
}

/**
 * The non-empty cells of the columns no field claimed, keyed by header and truncated: what a
 * CRM export carries beyond the canonical record is kept for display, never interpreted.
 */
export function extraFields(
  table: SourceTable,
  row: SourceRow,
  claimed: ReadonlySet<number>,
  skip: (header: string) => boolean = () => false,
): Record<string, string> {
  const fields: Record<string, string> = {};
  table.headers.forEach((header, at) => {
    if (claimed.has(at) || skip(header)) return;
    const value = (row.cells[at] ?? '').trim();
    if (value !== '') fields[header] = truncate(value);
  });
  return fields;
}

/**
 * Settles the day/month order from all the file's date columns at once: a won-time column with
 * a single "03/04/2026" is decidable when the created column of the same export has "29/09/2026".
 */
export function fileDateOrder(table: SourceTable, columns: Iterable<number>): DateOrder | null {
  const values: string[] = [];
  for (const at of columns) for (const row of table.rows) values.push(row.cells[at] ?? '');
  const evidence = inferDateOrder(values);
  return evidence === 'DMY' || evidence === 'MDY' ? evidence : null;
}
