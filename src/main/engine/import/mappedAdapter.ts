import { type ColumnMapping, type MappingEntity, mappingFields } from '@shared/import/mapping';
import { repRoles, type RepRole } from '@shared/workflow/definition';
import type { Adapter, AdapterOutput } from './adapter';
import type { ImportRecord } from './records';
import { createRowReader } from './rowReader';
import { normalizeHeader, type SourceTable } from './table';

/** The source namespace of a user mapping: "custom:" plus the name the user gave. */
export function mappedSource(mapping: ColumnMapping): string {
  return `custom:${mapping.sourceName.trim().toLowerCase()}`;
}

const statusWords: Record<string, 'open' | 'won' | 'lost'> = {
  open: 'open',
  won: 'won',
  lost: 'lost',
  'closed won': 'won',
  'closed lost': 'lost',
};

/**
 * Suggests a mapping for a file no built-in format recognizes: each field takes the column
 * whose normalized header contains the field's label or key (so "sales_agent" is a candidate for
 * nothing, but "deal_stage" becomes the stage). The user confirms or corrects it.
 */
export function suggestMapping(headers: readonly string[], entity: MappingEntity): Record<string, string> {
  const fields = mappingFields[entity] as Record<string, { label: string }>;
  const suggestions: Record<string, string> = {};
  const used = new Set<string>();
  const words = (text: string): string =>
    normalizeHeader(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const hints: Record<string, string[]> = {
    externalId: ['id', 'opportunity id', 'record id', 'deal id', 'activity id'],
    name: ['name', 'deal name', 'opportunity name', 'title'],
    owner: ['owner', 'sales agent', 'agent', 'rep', 'assigned to', 'sales rep'],
    createdAt: ['created', 'create date', 'created date', 'engage date', 'start date'],
    closedAt: ['closed at', 'won time', 'close date'],
    amount: ['amount', 'value', 'close value', 'deal value'],
    stage: ['stage', 'deal stage', 'status'],
    occurredAt: ['date', 'activity date', 'occurred at', 'due date'],
    dealId: ['deal id', 'opportunity id', 'deal'],
  };
  for (const [field, spec] of Object.entries(fields)) {
    const candidates = [words(spec.label), words(field), ...(hints[field] ?? [])];
    const header = headers.find((h) => !used.has(h) && candidates.includes(words(h)));
    if (header) {
      suggestions[field] = header;
      used.add(header);
    }
  }
  return suggestions;
}

/** Problems with a mapping itself: a required field unmapped, or a column the file does not have. */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const fields = mappingFields[mapping.entity] as Record<string, { label: string; required: boolean }>;
  const problems: string[] = [];
  for (const [field, spec] of Object.entries(fields)) {
    const column = mapping.columns[field];
    if (spec.required && !column) problems.push(`"${spec.label}" must be mapped to a column`);
    if (column && !headers.includes(column))
      problems.push(`the file has no column "${column}" (mapped to ${spec.label})`);
  }
  return problems;
}

/** Builds an adapter that reads a file through a user's column mapping. */
export function mappedAdapter(mapping: ColumnMapping): Adapter {
  const source = mappedSource(mapping);
  return {
    id: `mapping:${mapping.entity}`,
    source,
    label: `${mapping.sourceName} (${mapping.entity}, mapped columns)`,
    entity: mapping.entity,
    detect: () => 0,
    read(table: SourceTable, context): AdapterOutput {
      const aliases = Object.fromEntries(
        Object.entries(mapping.columns).map(([field, header]) => [field, [header]]),
      );
      const r = createRowReader(table, context, aliases as Record<string, string[]>);
      const records: ImportRecord[] = [];
      const at = (line: number) => ({ file: table.fileName, line });
      for (const row of table.rows) {
        const owner =
          r.text(row, 'owner') || r.text(row, 'ownerEmail')
            ? { name: r.text(row, 'owner') ?? undefined, email: r.text(row, 'ownerEmail') ?? undefined }
            : null;
        switch (mapping.entity) {
          case 'deals': {
            const externalId = r.text(row, 'externalId');
            if (!externalId) {
              r.error(row, 'externalId', 'the deal id is empty');
              continue;
            }
            const statusText = (r.text(row, 'status') ?? '').toLowerCase();
            const status = statusWords[statusText] ?? null;
            if (statusText && !status)
              r.error(row, 'status', `"${r.text(row, 'status')}" is not open, won or lost`);
            records.push({
              kind: 'deal',
              externalId,
              name: r.text(row, 'name') ?? externalId,
              account: r.text(row, 'account'),
              owner,
              amount: r.number(row, 'amount'),
              currency: r.text(row, 'currency'),
              createdAt: r.datetime(row, 'createdAt'),
              closeDate: r.date(row, 'closeDate'),
              status,
              stage: r.text(row, 'stage'),
              stageEnteredAt: r.datetime(row, 'stageEnteredAt'),
              closedAt: r.datetime(row, 'closedAt'),
              lostReason: r.text(row, 'lostReason'),
              pipeline: r.text(row, 'pipeline'),
              customFields: {},
              at: at(row.line),
            });
            break;
          }
          case 'stage history': {
            const dealId = r.text(row, 'dealId');
            const stage = r.text(row, 'stage');
            const enteredAt = r.datetime(row, 'enteredAt');
            if (!dealId) r.error(row, 'dealId', 'the deal id is empty');
            if (!stage) r.error(row, 'stage', 'the stage is empty');
            if (enteredAt === null && !r.text(row, 'enteredAt'))
              r.error(row, 'enteredAt', 'the date is empty');
            if (!dealId || !stage || enteredAt === null) continue;
            records.push({
              kind: 'stageEvent',
              externalId: r.text(row, 'externalId') ?? `${dealId}:${enteredAt}:${stage}`,
              dealExternalId: dealId,
              stage,
              enteredAt,
              at: at(row.line),
            });
            break;
          }
          case 'activities': {
            const occurredAt = r.datetime(row, 'occurredAt');
            if (occurredAt === null) {
              if (!r.text(row, 'occurredAt')) r.error(row, 'occurredAt', 'the date is empty');
              continue;
            }
            const rawType = r.text(row, 'type');
            records.push({
              kind: 'activity',
              externalId: r.text(row, 'externalId') ?? `line:${row.line}:${occurredAt}:${rawType ?? ''}`,
              dealExternalId: r.text(row, 'dealId'),
              owner,
              rawType,
              subject: r.text(row, 'subject'),
              occurredAt,
              durationSeconds: r.integer(row, 'durationSeconds'),
              contact: r.text(row, 'contact'),
              fields: {},
              at: at(row.line),
            });
            break;
          }
          case 'reps': {
            const name = r.text(row, 'name');
            if (!name) {
              r.error(row, 'name', 'the name is empty');
              continue;
            }
            const roleText = (r.text(row, 'role') ?? '').toUpperCase();
            const role = (repRoles as readonly string[]).includes(roleText) ? (roleText as RepRole) : null;
            records.push({
              kind: 'rep',
              externalId:
                r.text(row, 'externalId') ??
                r.text(row, 'email')?.toLowerCase() ??
                `name:${name.toLowerCase()}`,
              name,
              email: r.text(row, 'email'),
              role,
              team: r.text(row, 'team'),
              managerExternalId: r.text(row, 'manager')
                ? `name:${r.text(row, 'manager')!.toLowerCase()}`
                : null,
              startDate: r.date(row, 'startDate'),
              isActive: true,
              at: at(row.line),
            });
            break;
          }
          case 'observations': {
            const coach = r.text(row, 'coach');
            const rep = r.text(row, 'rep');
            const date = r.date(row, 'date');
            if (!coach) r.error(row, 'coach', 'the coach is empty');
            if (!rep) r.error(row, 'rep', 'the rep is empty');
            if (!coach || !rep || !date) continue;
            const deal = r.text(row, 'deal');
            records.push({
              kind: 'observation',
              externalId: r.text(row, 'externalId') ?? `${coach}|${rep}|${date}|${deal ?? ''}`.toLowerCase(),
              coach,
              rep: rep.includes('@') ? { email: rep } : { name: rep },
              dealExternalId: deal,
              dealName: deal,
              stage: r.text(row, 'stage'),
              observedOn: date,
              checklist: [],
              rubric: [],
              tags: (r.text(row, 'tags') ?? '')
                .split(/[;,]/)
                .map((t) => t.trim())
                .filter(Boolean),
              notes: r.text(row, 'notes') ?? '',
              at: at(row.line),
            });
            break;
          }
        }
      }
      return { records, issues: r.issues, skipped: {} };
    },
  };
}
