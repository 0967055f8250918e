import { DateTime } from 'luxon';
import type { WorkflowDefinition } from '../workflow/definition';
import type { ChecklistEntry, ChecklistState } from './observation';

/** One line of a stage's checklist as a coach marks it. */
export type ChecklistItem = {
  key: string;
  label: string;
  /** A required action of the stage, an advancement criterion, or a mark the workflow does not define (imported). */
  kind: 'action' | 'criterion' | 'other';
};

/**
 * The checklist a coach marks for a stage: its required actions, then its advancement criteria
 * (PRODUCT.md, "Define the workflow"), each key once. An unknown or empty stage has none.
 */
export function stageChecklist(workflow: WorkflowDefinition, stageKey: string | null): ChecklistItem[] {
  const stage = stageKey === null ? undefined : workflow.stages.find((s) => s.key === stageKey);
  if (!stage) return [];
  const items: ChecklistItem[] = [
    ...stage.requiredActions.map((a): ChecklistItem => ({ key: a.key, label: a.label, kind: 'action' })),
    ...stage.advancementCriteria.map(
      (c): ChecklistItem => ({ key: c.key, label: c.label, kind: 'criterion' }),
    ),
  ];
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.key) && seen.add(item.key));
}

/** A checklist line with the mark recorded for it, if any. */
export type ChecklistRow = ChecklistItem & { state: ChecklistState | null };

/**
 * The lines a form shows: the stage's items in order with their marks, then marks recorded for
 * items the stage does not list (a sheet's own columns, a stage changed since), so none is lost.
 */
export function checklistRows(
  items: readonly ChecklistItem[],
  marks: readonly ChecklistEntry[],
): ChecklistRow[] {
  const byKey = new Map(marks.map((m) => [m.key, m.state]));
  const known = new Set(items.map((i) => i.key));
  return [
    ...items.map((item) => ({ ...item, state: byKey.get(item.key) ?? null })),
    ...marks
      .filter((m) => !known.has(m.key))
      .map((m): ChecklistRow => ({ key: m.key, label: m.key, kind: 'other', state: m.state })),
  ];
}

/** Sets (or with null, clears) one item's mark, keeping the others in their order. */
export function setChecklistMark(
  marks: readonly ChecklistEntry[],
  key: string,
  state: ChecklistState | null,
): ChecklistEntry[] {
  const rest = marks.filter((m) => m.key !== key);
  if (state === null) return rest;
  const index = marks.findIndex((m) => m.key === key);
  if (index < 0) return [...rest, { key, state }];
  return marks.map((m) => (m.key === key ? { key, state } : m));
}

/** A stage-history row as the form needs it. */
export type StageHistoryEntry = {
  id: number;
  stageKey: string | null;
  sourceStage: string;
  enteredAt: number;
};

/**
 * The stage a deal was in on a calendar day: the last stage-history row entered before that day
 * ended in the workspace's time zone (a deal that moved during the day counts in its new stage).
 * Null before the deal's first stage entry, or for a day that is no date.
 */
export function stageOnDate(
  history: readonly StageHistoryEntry[],
  observedOn: string,
  timeZone: string,
): StageHistoryEntry | null {
  const day = DateTime.fromISO(observedOn, { zone: timeZone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(observedOn)) return null;
  const dayEnd = day.startOf('day').plus({ days: 1 }).toMillis();
  let found: StageHistoryEntry | null = null;
  for (const entry of [...history].sort((a, b) => a.enteredAt - b.enteredAt || a.id - b.id)) {
    if (entry.enteredAt >= dayEnd) break;
    found = entry;
  }
  return found;
}
