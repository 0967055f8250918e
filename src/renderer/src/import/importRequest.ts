import type { ImportRequestInput } from '@shared/api/contract';
import { type ColumnMapping, type MappingEntity, mappingFields } from '@shared/import/mapping';
import type { DateOrderChoice, EntityCounts, ImportCounts, ImportPreview } from '@shared/import/types';
import type { StagedFile } from '../api/client';

/** What the user decided on the preview, per file name (as the engine keys them) and for the whole set. */
export type ImportChoices = {
  timeZone: string | null;
  dateOrders: Record<string, DateOrderChoice>;
  formats: Record<string, string>;
  /** Mappings as edited; one with a blank source name is a draft the engine does not see yet. */
  mappings: Record<string, ColumnMapping>;
  /** Remove the demo data with this import (offered while the workspace holds it; on by default). */
  removeDemo: boolean;
};

export const noChoices: ImportChoices = {
  timeZone: null,
  dateOrders: {},
  formats: {},
  mappings: {},
  removeDemo: true,
};

/** Keeps only the entries for files still in the set. */
function pick<V>(record: Record<string, V>, names: ReadonlySet<string>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => names.has(name)));
}

/** A mapping as the engine takes it: a named source and only the fields mapped to a column. */
export function completeMapping(mapping: ColumnMapping): ColumnMapping | null {
  const sourceName = mapping.sourceName.trim();
  if (!sourceName) return null;
  const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, header]) => header));
  return { entity: mapping.entity, sourceName, columns };
}

/** What a file whose mapping lacks its source name is told, in place of "no known format". */
export const DRAFT_MAPPING_MESSAGE =
  'the column mapping is not used yet: give it a source name (the CRM or spreadsheet these rows come from)';

/**
 * The preview as the user reads it: a file whose edited mapping still lacks a source name is not
 * read with it yet, so the engine's "no known format" for it names that blocker instead.
 */
export function withDraftMappings(preview: ImportPreview, choices: ImportChoices): ImportPreview {
  const drafts = new Set(
    Object.entries(choices.mappings)
      .filter(([, mapping]) => completeMapping(mapping) === null)
      .map(([name]) => name),
  );
  if (drafts.size === 0) return preview;
  return {
    ...preview,
    issues: preview.issues.map((issue) =>
      drafts.has(issue.file) && issue.message.startsWith('no known CRM export format')
        ? {
            ...issue,
            message: DRAFT_MAPPING_MESSAGE,
          }
        : issue,
    ),
  };
}

/** The preview/apply request for these files and choices; the same object previews and applies. */
export function buildImportRequest(
  files: readonly StagedFile[],
  choices: ImportChoices,
  hasDemoData = false,
): ImportRequestInput {
  const names = new Set(files.map((f) => f.name));
  const mappings: Record<string, ColumnMapping> = {};
  for (const [name, mapping] of Object.entries(pick(choices.mappings, names))) {
    const complete = completeMapping(mapping);
    if (complete) mappings[name] = complete;
  }
  const request: ImportRequestInput = {
    paths: files.map((f) => f.path),
    names: Object.fromEntries(files.map((f) => [f.path, f.name])),
  };
  if (choices.timeZone) request.timeZone = choices.timeZone;
  const dateOrders = pick(choices.dateOrders, names);
  if (Object.keys(dateOrders).length) request.dateOrders = dateOrders;
  const formats = pick(choices.formats, names);
  if (Object.keys(formats).length) request.formats = formats;
  if (Object.keys(mappings).length) request.mappings = mappings;
  if (hasDemoData && choices.removeDemo) request.removeDemo = true;
  return request;
}

/** Adds files to the set; a file with the name of one already there replaces it. */
export function mergeFiles(current: readonly StagedFile[], added: readonly StagedFile[]): StagedFile[] {
  const addedNames = new Set(added.map((f) => f.name));
  return [...current.filter((f) => !addedNames.has(f.name)), ...added];
}

/** Keeps the columns that still mean something after switching a mapping to another kind of record. */
export function switchEntity(mapping: ColumnMapping, entity: MappingEntity): ColumnMapping {
  const fields = mappingFields[entity] as Record<string, unknown>;
  const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([field]) => field in fields));
  return { ...mapping, entity, columns };
}

/** The record kinds of the counts table, in the order a workspace is built. */
export const countRows: { key: keyof ImportCounts; label: string }[] = [
  { key: 'reps', label: 'Reps' },
  { key: 'deals', label: 'Deals' },
  { key: 'stageEvents', label: 'Stage history entries' },
  { key: 'derivedStageEvents', label: 'Stage entries derived from deal rows' },
  { key: 'activities', label: 'Activities' },
  { key: 'observations', label: 'Observations' },
  { key: 'currencyRates', label: 'Currency rates' },
];

/** Totals over every kind of record. */
export function countTotals(counts: ImportCounts): { new: number; changed: number; unchanged: number } {
  return (Object.values(counts) as (EntityCounts | undefined)[]).reduce<EntityCounts>(
    (sum, c) => ({
      new: sum.new + (c?.new ?? 0),
      changed: sum.changed + (c?.changed ?? 0),
      unchanged: sum.unchanged + (c?.unchanged ?? 0),
    }),
    { new: 0, changed: 0, unchanged: 0 },
  );
}

/** The records every file yields: what "Import N records" counts. */
export function recordTotal(preview: ImportPreview): number {
  return preview.files.reduce((sum, f) => sum + f.records, 0);
}

/**
 * The mapping as a file the command line reads back (`import --mapping FILE.json`): the fields
 * that name a column, nothing else.
 */
export function mappingFileText(mapping: ColumnMapping): string {
  const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, header]) => header !== ''));
  return `${JSON.stringify({ entity: mapping.entity, sourceName: mapping.sourceName.trim(), columns }, null, 2)}\n`;
}

/** "maven-crm-deals-mapping.json". */
export function mappingFileName(mapping: ColumnMapping): string {
  const slug = `${mapping.sourceName} ${mapping.entity}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'column'}-mapping.json`;
}
