import type { DealStatus } from '@shared/domain/types';
import { normalizeHeader, type SourceRow } from '../../table';

// Custom lookup fields (Partner__c…) write Salesforce's null id when empty.
const nullLookup = /^0{15}AAA$/;

/** Standard Opportunity fields kept as custom fields, under their API names. */
const standardExtras = ['NextStep', 'LeadSource', 'Type', 'Probability', 'ForecastCategory'] as const;

// Orgs name their loss-reason field freely: Loss_Reason__c, LossReason__c, Lost_Reason__c,
// Closed_Lost_Reason__c, Reason_Lost__c… (one real org had two of them).
const lostReasonColumn = /^(closed_?)?(loss|lost)_?reasons?(_\w*)?__c$|^reasons?_?(for_?)?(loss|lost)\w*__c$/;

export type ExtraColumns = {
  /** Custom-field key and column index: standard extras by API name, `__c` columns as written. */
  custom: { key: string; index: number }[];
  lostReason: number[];
};

/** Finds the columns an Opportunity file keeps as custom fields, and its loss-reason columns. */
export function findExtraColumns(headers: readonly string[]): ExtraColumns {
  const normalized = headers.map(normalizeHeader);
  const custom: ExtraColumns['custom'] = [];
  const lostReason: number[] = [];
  for (const key of standardExtras) {
    const index = normalized.indexOf(key.toLowerCase());
    if (index >= 0) custom.push({ key, index });
  }
  normalized.forEach((header, index) => {
    if (!header.endsWith('__c')) return;
    custom.push({ key: headers[index] ?? header, index });
    if (lostReasonColumn.test(header)) lostReason.push(index);
  });
  return { custom, lostReason };
}

/** The non-empty extra cells of a row, trimmed; rich-text HTML is kept as the CRM wrote it (the decoder already dropped its NUL bytes). */
export function readExtras(
  row: SourceRow,
  extras: ExtraColumns,
): { customFields: Record<string, string>; lostReason: string | null } {
  const cell = (index: number): string => (row.cells[index] ?? '').trim();
  const customFields: Record<string, string> = {};
  for (const { key, index } of extras.custom) {
    const value = cell(index);
    if (value !== '' && !nullLookup.test(value)) customFields[key] = value;
  }
  const lostReason = extras.lostReason.map(cell).find((value) => value !== '') ?? null;
  return { customFields, lostReason };
}

/**
 * The outcome as Salesforce states it: IsClosed/IsWon, never the stage name (orgs rename
 * stages). Null when the file does not say, so the pipeline derives it from the stage.
 */
export function dealOutcome(isClosed: boolean | null, isWon: boolean | null): DealStatus | null {
  if (isClosed === false) return 'open';
  if (isWon === true) return 'won';
  if (isClosed === true && isWon === false) return 'lost';
  return null;
}
