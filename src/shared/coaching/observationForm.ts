import {
  type ChecklistEntry,
  type ChecklistState,
  type ObservationDraft,
  type RubricConfig,
  type RubricEntry,
  criterionKey,
  draftToInput,
  observationInputSchema,
} from './observation';
import { type ChecklistItem, setChecklistMark } from './observationChecklist';
import { parseDateEntry, shiftIsoDate } from './observationDates';
import type { ObservationDetail } from './observationViews';

/**
 * The observation form's logic: its state is the draft the engine autosaves, one shape from
 * keystroke to disk; these turn it into what is shown and what is saved.
 */

/** A new observation: today, the coach last used, nothing else. */
export function emptyDraft(today: string, coach: string): ObservationDraft {
  return {
    coach,
    repId: null,
    dealId: null,
    dealName: null,
    stageKey: null,
    stageTouched: false,
    observedOn: today,
    checklist: [],
    rubric: [],
    tags: [],
    notes: '',
    commitments: [],
  };
}

/** Scores keyed as the rubric keys them, so a sheet's "Discovery questions" fills the form's row. */
function rubricToForm(rubric: readonly RubricEntry[], config: RubricConfig): RubricEntry[] {
  const keys = new Set(config.criteria.map((c) => c.key));
  return rubric.map((entry) => {
    const key = criterionKey(entry.criterion);
    return keys.has(key) ? { criterion: key, score: entry.score } : entry;
  });
}

/** A saved observation as the form edits it; its stage is the coach's, it no longer follows the deal. */
export function draftFromDetail(detail: ObservationDetail, config: RubricConfig): ObservationDraft {
  return {
    coach: detail.coach,
    repId: detail.repId,
    dealId: detail.dealId,
    dealName: detail.dealName,
    stageKey: detail.stageKey,
    stageTouched: true,
    observedOn: detail.observedOn,
    checklist: detail.checklist,
    rubric: rubricToForm(detail.rubric, config),
    tags: detail.tags,
    notes: detail.notes,
    commitments: detail.commitments.map((c) => ({ id: c.id, text: c.text, dueOn: c.dueOn ?? '' })),
  };
}

/** True when two drafts hold the same values: the form has nothing to save. */
export function sameDraft(a: ObservationDraft, b: ObservationDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The coach picked the stage: from now on it no longer follows the deal and the date. */
export function withStage(draft: ObservationDraft, stageKey: string | null): ObservationDraft {
  return { ...draft, stageKey, stageTouched: true };
}

type StageOption = { key: string; checklist: readonly ChecklistItem[] };

/**
 * The stage shown and saved: the coach's pick once they made one; before that, the workflow stage
 * the deal was in on the observation day, else what the draft holds.
 */
export function effectiveStage(
  draft: ObservationDraft,
  dealStageKey: string | null,
  stages: readonly StageOption[],
): string | null {
  if (draft.stageTouched || draft.dealId === null) return draft.stageKey;
  return dealStageKey !== null && stages.some((s) => s.key === dealStageKey) ? dealStageKey : draft.stageKey;
}

/**
 * The marks that count for the stage shown: its own items', and those of items no stage defines
 * (a sheet's own columns). Marks left from another stage, before the stage changed, are dropped.
 */
export function marksForStage(
  marks: readonly ChecklistEntry[],
  items: readonly ChecklistItem[],
  stages: readonly StageOption[],
): ChecklistEntry[] {
  const own = new Set(items.map((i) => i.key));
  const anyStage = new Set(stages.flatMap((s) => s.checklist.map((i) => i.key)));
  return marks.filter((m) => own.has(m.key) || !anyStage.has(m.key));
}

/** Marks one checklist item (null clears its mark). */
export function withMark(
  draft: ObservationDraft,
  key: string,
  state: ChecklistState | null,
): ObservationDraft {
  return { ...draft, checklist: setChecklistMark(draft.checklist, key, state) };
}

/** Scores one rubric criterion (null clears its score). */
export function withScore(
  draft: ObservationDraft,
  criterion: string,
  score: number | null,
): ObservationDraft {
  const rest = draft.rubric.filter((r) => r.criterion !== criterion);
  if (score === null) return { ...draft, rubric: rest };
  const index = draft.rubric.findIndex((r) => r.criterion === criterion);
  return {
    ...draft,
    rubric:
      index < 0
        ? [...rest, { criterion, score }]
        : draft.rubric.map((r) => (r.criterion === criterion ? { criterion, score } : r)),
  };
}

/** A new commitment is due two weeks after the observation (or today) unless the coach says otherwise. */
export function defaultDueOn(draft: ObservationDraft, today: string): string {
  const from = parseDateEntry(draft.observedOn, today) ?? today;
  return shiftIsoDate(from, 14);
}

export type FieldIssues = Map<string, string>;

/** The draft checked as the engine will check it; problems keyed by field path ("commitments.0.text"). */
export function validateDraft(
  draft: ObservationDraft,
  today: string,
): { ok: true; input: ReturnType<typeof observationInputSchema.parse> } | { ok: false; issues: FieldIssues } {
  const observedOn = parseDateEntry(draft.observedOn, today) ?? draft.observedOn;
  const commitments = draft.commitments.map((c) => ({
    ...c,
    dueOn: c.dueOn.trim() === '' ? '' : (parseDateEntry(c.dueOn, today) ?? c.dueOn),
  }));
  const result = observationInputSchema.safeParse(draftToInput({ ...draft, observedOn, commitments }));
  const issues: FieldIssues = new Map();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      if (!issues.has(path)) issues.set(path, issue.message);
    }
    return { ok: false, issues };
  }
  if (result.data.observedOn > today) {
    issues.set('observedOn', 'is in the future; log what was observed up to today');
    return { ok: false, issues };
  }
  return { ok: true, input: result.data };
}

/** An engine refusal names its field first ("repId: there is no rep…"): split it for the form. */
export function engineIssue(message: string): { path: string; message: string } | null {
  const match = /^([a-zA-Z]+(?:\.\d+\.[a-zA-Z]+)?): (.+)$/s.exec(message);
  return match ? { path: match[1]!, message: match[2]! } : null;
}
