import type { z } from 'zod';
import { type WorkflowDefinition, workflowDefinitionSchema } from '@shared/workflow/definition';

export type PathSegment = string | number;

/** One problem with a definition: where it is (schema path and in words) and what is wrong. */
export type DefinitionIssue = {
  path: PathSegment[];
  /** "Stage 2 (Discovery) → Required action 1 → Deadline". */
  where: string;
  /** "must be positive". */
  message: string;
};

export type Validation =
  | { ok: true; definition: WorkflowDefinition; issues: [] }
  | { ok: false; definition: null; issues: DefinitionIssue[] };

const listItems: Record<string, string> = {
  stages: 'Stage',
  requiredActions: 'Required action',
  advancementCriteria: 'Criterion',
  handoffs: 'Handoff',
  activityRules: 'Activity rule',
  sourceNames: 'Source stage name',
  types: 'Activity type',
  activityTypes: 'Activity type',
  values: 'Value',
  requiredFields: 'Required field',
  rawTypes: 'Raw type',
};

const fieldNames: Record<string, string> = {
  name: 'Name',
  key: 'Key',
  label: 'Label',
  group: 'Group',
  ownerRole: 'Owner role',
  targetDays: 'Target days',
  outcome: 'Outcome',
  sourceNames: 'Source stage names',
  requiredActions: 'Required actions',
  advancementCriteria: 'Advancement criteria',
  types: 'Activity types',
  subjectPattern: 'Subject pattern',
  by: 'Done by',
  anchor: 'Anchor',
  activityType: 'Anchor activity',
  withinHours: 'Deadline',
  businessHours: 'Working hours only',
  kind: 'Kind',
  field: 'Field',
  values: 'Values',
  activityTypes: 'Activity types',
  minDistinctContacts: 'Minimum stakeholders',
  fromRole: 'From role',
  toRole: 'To role',
  triggerStage: 'Trigger stage',
  requiredFields: 'Required fields',
  firstTouchWithinHours: 'First-touch SLA',
  type: 'Type',
  rawTypes: 'Raw types',
  handoffs: 'Handoffs',
  activityRules: 'Activity rules',
  stages: 'Stages',
};

function nameAt(source: unknown, path: PathSegment[]): string | null {
  let node: unknown = source;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string | number, unknown>)[segment];
  }
  if (node === null || typeof node !== 'object') return null;
  const record = node as Record<string, unknown>;
  const name = typeof record.name === 'string' ? record.name : record.label;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

/**
 * A schema path in words: ['stages', 1, 'requiredActions', 0, 'withinHours'] →
 * "Stage 2 (Discovery) → Required action 1 → Deadline". `source` supplies the stage names.
 */
export function describePath(path: readonly PathSegment[], source?: unknown): string {
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    if (segment === 'match') continue;
    if (typeof segment === 'string' && typeof next === 'number' && listItems[segment]) {
      const item = `${listItems[segment]} ${next + 1}`;
      const name = segment === 'stages' ? nameAt(source, path.slice(0, i + 2)) : null;
      words.push(name ? `${item} (${name})` : item);
      i += 1;
    } else if (typeof segment === 'string') {
      if (segment === 'activityType' && path[i - 1] === 'anchor') {
        words.pop();
        words.push('Anchor activity');
      } else if (segment === 'kind' && path[i - 1] === 'anchor') {
        // "Anchor → Kind" says nothing more than "Anchor".
      } else words.push(fieldNames[segment] ?? segment);
    } else words.push(String(segment + 1));
  }
  return words.length ? words.join(' → ') : 'Workflow';
}

/** A zod issue as the few words after the field's name. */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') {
        const min = Number(issue.minimum);
        return min === 0 && !issue.inclusive ? 'must be positive' : `must be at least ${min}`;
      }
      if (issue.origin === 'string') return 'is required';
      if (issue.origin === 'array')
        return Number(issue.minimum) === 1 ? 'add at least one' : `needs at least ${Number(issue.minimum)}`;
      return issue.message;
    case 'too_big':
      return `must be at most ${Number(issue.maximum)}`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      // zod keeps the received value out of the issue; its message still says what arrived.
      if (/received undefined$/.test(issue.message)) return 'is required';
      return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return options
        ? `must be one of ${options.map((v) => String(v)).join(', ')}`
        : 'is not one of the allowed shapes';
    }
    case 'unrecognized_keys':
      return `has unknown fields: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

function validRegex(pattern: string | undefined): boolean {
  if (!pattern) return true;
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

type RawIssue = { path: PathSegment[]; message: string };

/**
 * Rules the schema does not enforce but the evaluator depends on: a regular expression that
 * does not compile would stop activity classification, and an action anchored on an entry or an
 * activity without a deadline would be due at once.
 */
function editorChecks(definition: WorkflowDefinition): RawIssue[] {
  const issues: RawIssue[] = [];
  definition.stages.forEach((stage, s) => {
    stage.requiredActions.forEach((action, a) => {
      const at = ['stages', s, 'requiredActions', a];
      if (action.anchor.kind !== 'stage_exit' && action.withinHours === undefined)
        issues.push({
          path: [...at, 'withinHours'],
          message: 'set the hours, or anchor the action on leaving the stage',
        });
      if (!validRegex(action.match.subjectPattern))
        issues.push({
          path: [...at, 'match', 'subjectPattern'],
          message: 'is not a valid regular expression',
        });
    });
  });
  definition.handoffs.forEach((handoff, h) => {
    if (!handoff.triggerStage)
      issues.push({ path: ['handoffs', h, 'triggerStage'], message: 'choose the stage that triggers it' });
  });
  definition.activityRules.forEach((rule, r) => {
    if (!validRegex(rule.subjectPattern))
      issues.push({
        path: ['activityRules', r, 'subjectPattern'],
        message: 'is not a valid regular expression',
      });
    if (rule.rawTypes.length === 0 && !rule.subjectPattern)
      issues.push({
        path: ['activityRules', r, 'rawTypes'],
        message: 'give raw types, a subject pattern or both; a rule with neither matches nothing',
      });
  });
  return issues;
}

export function pathKey(path: readonly PathSegment[]): string {
  return path.join('.');
}

const topOrder = ['name', 'stages', 'handoffs', 'activityRules'];

/** Document order: name, stages, handoffs, rules; list items by index. */
function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const rank = (p: readonly PathSegment[]) => {
    const i = topOrder.indexOf(String(p[0]));
    return i < 0 ? topOrder.length : i;
  };
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  for (let i = 1; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return 0;
  }
  return a.length - b.length;
}

/** Every issue in words, one per field (the first found at a path wins), in document order. */
function finish(raw: RawIssue[], source: unknown): DefinitionIssue[] {
  const seen = new Set<string>();
  const issues: DefinitionIssue[] = [];
  for (const issue of [...raw].sort((a, b) => comparePaths(a.path, b.path))) {
    const key = pathKey(issue.path);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path: issue.path, where: describePath(issue.path, source), message: issue.message });
  }
  return issues;
}

function schemaIssues(error: z.ZodError): RawIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is PathSegment => typeof p !== 'symbol'),
    message: issueMessage(issue),
  }));
}

/** Checks a definition with the workflow schema and the editor's own rules, before it is sent. */
export function validateDefinition(definition: unknown): Validation {
  const parsed = workflowDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    // The editor's own checks only make sense on a shape the schema accepted; run the ones that can.
    const extra = isDefinitionShaped(definition) ? safeEditorChecks(definition) : [];
    return {
      ok: false,
      definition: null,
      issues: finish([...extra, ...schemaIssues(parsed.error)], definition),
    };
  }
  const extra = editorChecks(parsed.data);
  if (extra.length > 0) return { ok: false, definition: null, issues: finish(extra, parsed.data) };
  return { ok: true, definition: parsed.data, issues: [] };
}

function isDefinitionShaped(value: unknown): value is WorkflowDefinition {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.stages) && Array.isArray(v.handoffs ?? []) && Array.isArray(v.activityRules ?? []);
}

function safeEditorChecks(definition: WorkflowDefinition): RawIssue[] {
  try {
    return editorChecks({
      ...definition,
      handoffs: definition.handoffs ?? [],
      activityRules: (definition.activityRules ?? []).map((r) => ({ ...r, rawTypes: r.rawTypes ?? [] })),
      stages: definition.stages.map((s) => ({ ...s, requiredActions: s.requiredActions ?? [] })),
    });
  } catch {
    // A file too far from the schema: its schema issues say enough.
    return [];
  }
}

/** The issues at a field or anywhere inside it. */
export function issuesUnder(
  issues: readonly DefinitionIssue[],
  path: readonly PathSegment[],
): DefinitionIssue[] {
  const key = pathKey(path);
  return issues.filter((issue) => {
    const k = pathKey(issue.path);
    return k === key || k.startsWith(`${key}.`);
  });
}

/** The id of the input that edits the value at `path`, so an issue can take the user to it. */
export function fieldId(path: readonly PathSegment[]): string {
  return `wf-${path.join('-')}`;
}
