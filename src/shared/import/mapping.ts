import { z } from 'zod';

/** Fields the column-mapping step offers per kind of record; `required` ones must be mapped. */
export const mappingFields = {
  deals: {
    externalId: { label: 'Deal id', required: true },
    name: { label: 'Deal name', required: false },
    account: { label: 'Account', required: false },
    owner: { label: 'Owner (rep name)', required: false },
    ownerEmail: { label: 'Owner email', required: false },
    amount: { label: 'Amount', required: false },
    currency: { label: 'Currency', required: false },
    createdAt: { label: 'Created', required: false },
    stage: { label: 'Stage', required: true },
    stageEnteredAt: { label: 'Entered current stage', required: false },
    closeDate: { label: 'Close date', required: false },
    closedAt: { label: 'Won / lost at', required: false },
    status: { label: 'Status (open / won / lost)', required: false },
    lostReason: { label: 'Lost reason', required: false },
    pipeline: { label: 'Pipeline', required: false },
  },
  'stage history': {
    dealId: { label: 'Deal id', required: true },
    stage: { label: 'Stage', required: true },
    enteredAt: { label: 'Entered at', required: true },
    externalId: { label: 'Row id', required: false },
  },
  activities: {
    externalId: { label: 'Activity id', required: false },
    dealId: { label: 'Deal id', required: false },
    owner: { label: 'Rep name', required: false },
    ownerEmail: { label: 'Rep email', required: false },
    type: { label: 'Type', required: true },
    subject: { label: 'Subject', required: false },
    occurredAt: { label: 'Date', required: true },
    durationSeconds: { label: 'Duration (seconds)', required: false },
    contact: { label: 'Contact', required: false },
  },
  reps: {
    externalId: { label: 'Rep id', required: false },
    name: { label: 'Name', required: true },
    email: { label: 'Email', required: false },
    role: { label: 'Role (SDR / AE / SE / CS)', required: false },
    team: { label: 'Team', required: false },
    manager: { label: 'Manager', required: false },
    startDate: { label: 'Start date', required: false },
  },
  observations: {
    externalId: { label: 'Observation id', required: false },
    coach: { label: 'Coach', required: true },
    rep: { label: 'Rep', required: true },
    deal: { label: 'Deal', required: false },
    date: { label: 'Date', required: true },
    stage: { label: 'Stage', required: false },
    notes: { label: 'Notes', required: false },
    tags: { label: 'Tags', required: false },
  },
} as const;

export type MappingEntity = keyof typeof mappingFields;
export const mappingEntities = Object.keys(mappingFields) as MappingEntity[];

/** A user's mapping of one file's columns, saved per header signature and reused. */
export const columnMappingSchema = z.object({
  entity: z.enum(['deals', 'stage history', 'activities', 'reps', 'observations']),
  /** Names the source these records belong to, e.g. "Maven CRM"; re-imports upsert within it. */
  sourceName: z.string().trim().min(1).max(80),
  /** Mapping field → column header, as written in the file. */
  columns: z.record(z.string(), z.string()),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
