import type { DealStatus } from '@shared/domain/types';
import type { RepRole } from '@shared/workflow/definition';

/** Where a record came from, for error messages and the stage event's source_row. */
export type RowRef = { file: string; line: number };

/** A reference to a rep as a file gives it: an id in the source CRM, an email, or only a name. */
export type RepRef = {
  externalId?: string;
  email?: string;
  name?: string;
  /** The file says this user was deactivated (HubSpot's "(Deactivated User)"): the rep is inactive. */
  inactive?: boolean;
};

export type RepRecord = {
  kind: 'rep';
  externalId: string;
  name: string;
  email: string | null;
  role: RepRole | null;
  team: string | null;
  managerExternalId: string | null;
  startDate: string | null;
  isActive: boolean;
  at: RowRef;
};

export type DealRecord = {
  kind: 'deal';
  externalId: string;
  name: string;
  account: string | null;
  owner: RepRef | null;
  amount: number | null;
  currency: string | null;
  createdAt: number | null;
  /** The CRM's close date (expected for open deals, actual for closed ones). */
  closeDate: string | null;
  /** The outcome as the CRM states it (IsClosed/IsWon, Pipedrive status); null derives it from the stage. */
  status: DealStatus | null;
  /** The current stage as the CRM writes it. */
  stage: string | null;
  /** When the deal entered its current stage, if the file says; used when no stage history exists. */
  stageEnteredAt: number | null;
  /** When the deal was won or lost, if the file says. */
  closedAt: number | null;
  lostReason: string | null;
  pipeline: string | null;
  customFields: Record<string, string>;
  at: RowRef;
};

export type StageEventRecord = {
  kind: 'stageEvent';
  externalId: string;
  dealExternalId: string;
  stage: string;
  enteredAt: number;
  at: RowRef;
};

export type ActivityRecord = {
  kind: 'activity';
  externalId: string;
  dealExternalId: string | null;
  owner: RepRef | null;
  rawType: string | null;
  subject: string | null;
  occurredAt: number;
  durationSeconds: number | null;
  contact: string | null;
  fields: Record<string, string>;
  at: RowRef;
};

export type ObservationRecord = {
  kind: 'observation';
  externalId: string;
  coach: string;
  rep: RepRef;
  dealExternalId: string | null;
  dealName: string | null;
  stage: string | null;
  observedOn: string;
  checklist: { key: string; state: 'done' | 'partial' | 'skipped' | 'na' }[];
  rubric: { criterion: string; score: number }[];
  tags: string[];
  notes: string;
  at: RowRef;
};

/** One row of the export's currency table (Salesforce CurrencyType or DatedConversionRate). */
export type CurrencyRateRecord = {
  kind: 'currencyRate';
  externalId: string;
  currency: string;
  /** Units of the currency per one unit of the org's corporate currency. */
  rate: number;
  /** [startDate, endDate) as YYYY-MM-DD; both null for an undated rate. */
  startDate: string | null;
  endDate: string | null;
  isCorporate: boolean;
  at: RowRef;
};

export type ImportRecord =
  | RepRecord
  | DealRecord
  | StageEventRecord
  | ActivityRecord
  | ObservationRecord
  | CurrencyRateRecord;

/** A problem at a place in a file; errors block the import, warnings are shown and kept. */
export type ImportIssue = {
  severity: 'error' | 'warning';
  file: string;
  line: number | null;
  column: string | null;
  message: string;
};
