import type { DateOrder } from './dates';
import type { ImportIssue, ImportRecord } from './records';
import type { SourceTable } from './table';

export type RecordEntity =
  | 'reps'
  | 'deals'
  | 'stage history'
  | 'activities'
  | 'observations'
  | 'currency rates';

/** What an adapter needs besides the table: how to read zone-less datetimes and slashed dates. */
export type ReadContext = {
  /** The zone for datetimes written without one (HubSpot portal time, report exports). */
  timeZone: string;
  /** Day/month order the user confirmed for this file, if any. */
  dateOrder: DateOrder | null;
};

export type AdapterOutput = {
  records: ImportRecord[];
  issues: ImportIssue[];
  /** Rows deliberately left out, by reason ("list email", "automated user"), with counts. */
  skipped: Record<string, number>;
  /**
   * Ids of the source's system accounts (integration, automation, security users) left out as
   * reps: what they own is kept without an owner, never credited to a made-up rep.
   */
  systemUserIds?: string[];
};

/**
 * One CRM export shape. `detect` scores the header set (0 = not this format, 1 = certain);
 * `read` maps rows to canonical records with row-level issues. Everything else — encoding,
 * parsing, validation, upsert, undo — is the shared pipeline's.
 */
export type Adapter = {
  id: string;
  /** The namespace of external ids: records from one source upsert onto each other. */
  source: string;
  label: string;
  entity: RecordEntity;
  detect(headers: readonly string[]): number;
  /** Column groups the format cannot do without (any alias of each), named when a file lacks them. */
  required?: readonly (readonly string[])[];
  read(table: SourceTable, context: ReadContext): AdapterOutput;
};
