import { type ChecklistEntry, type RubricConfig, criterionKey } from './observation';
import type {
  ChecklistCounts,
  ChecklistSummary,
  RepObservationSummary,
  RubricCriterionSummary,
  TagCount,
} from './observationViews';

/** An observation as the aggregates read it; imported scores may be fractional. */
export type ObservationFacts = {
  repId: number;
  repName: string;
  observedOn: string;
  checklist: readonly ChecklistEntry[];
  rubric: readonly { criterion: string; score: number }[];
  tags: readonly string[];
};

export function emptyChecklistCounts(): ChecklistCounts {
  return { done: 0, partial: 0, skipped: 0, na: 0 };
}

/** Counts the marks of one checklist per state. */
export function checklistCounts(entries: readonly ChecklistEntry[]): ChecklistCounts {
  const counts = emptyChecklistCounts();
  for (const entry of entries) counts[entry.state]++;
  return counts;
}

/** Adds checklist counts together. */
export function addChecklistCounts(a: ChecklistCounts, b: ChecklistCounts): ChecklistCounts {
  return {
    done: a.done + b.done,
    partial: a.partial + b.partial,
    skipped: a.skipped + b.skipped,
    na: a.na + b.na,
  };
}

/**
 * Rates over the items a coach judged: done, partial and skipped marks share the whole; n.a.
 * marks say the item did not apply, so they count in neither side. Null rates when none was judged.
 */
export function checklistSummary(counts: ChecklistCounts): ChecklistSummary {
  const judged = counts.done + counts.partial + counts.skipped;
  const rate = (n: number): number | null => (judged === 0 ? null : n / judged);
  return {
    ...counts,
    judged,
    doneRate: rate(counts.done),
    partialRate: rate(counts.partial),
    skippedRate: rate(counts.skipped),
  };
}

/** The mean of every score given; null when nothing was scored. */
export function rubricAverage(scores: readonly { score: number }[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((sum, s) => sum + s.score, 0) / scores.length;
}

/** Tag counts, tags told apart regardless of case (first spelling shown), most frequent first. */
export function countTags(tagLists: readonly (readonly string[])[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const tags of tagLists) {
    for (const tag of new Set(tags.map((t) => t.trim()).filter(Boolean))) {
      const folded = tag.toLowerCase();
      const entry = counts.get(folded);
      if (entry) entry.count++;
      else counts.set(folded, { tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/**
 * Per-criterion averages: criteria are matched by key, so a sheet's "Score: Discovery questions"
 * and the form's `discovery_questions` are one criterion. The rubric's criteria come first in its
 * order, then criteria it does not define, by name.
 */
export function rubricByCriterion(
  scores: readonly { criterion: string; score: number }[],
  rubric: RubricConfig,
): RubricCriterionSummary[] {
  const labels = new Map(rubric.criteria.map((c) => [c.key, c.label]));
  const order = new Map(rubric.criteria.map((c, i) => [c.key, i]));
  const totals = new Map<string, { label: string; sum: number; scored: number }>();
  for (const { criterion, score } of scores) {
    const key = criterionKey(criterion);
    if (key === '') continue;
    const total = totals.get(key) ?? { label: labels.get(key) ?? criterion.trim(), sum: 0, scored: 0 };
    total.sum += score;
    total.scored++;
    totals.set(key, total);
  }
  return [...totals]
    .map(([key, t]) => ({ key, label: t.label, average: t.sum / t.scored, scored: t.scored }))
    .sort(
      (a, b) =>
        (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity) || a.label.localeCompare(b.label),
    );
}

/**
 * Shadowing figures per rep for a scorecard: the observation count, the rubric average over every
 * score and per criterion, the checklist's done / partial / skipped rates (n.a. left out) and tag
 * counts. Reps in name order; a rep without observations is absent.
 */
export function summarizeObservations(
  observations: readonly ObservationFacts[],
  rubric: RubricConfig,
): RepObservationSummary[] {
  const byRep = new Map<number, ObservationFacts[]>();
  for (const o of observations) byRep.set(o.repId, [...(byRep.get(o.repId) ?? []), o]);
  return [...byRep.values()]
    .map((list): RepObservationSummary => {
      const scores = list.flatMap((o) => o.rubric);
      const counts = list.reduce(
        (sum, o) => addChecklistCounts(sum, checklistCounts(o.checklist)),
        emptyChecklistCounts(),
      );
      return {
        repId: list[0]!.repId,
        repName: list[0]!.repName,
        observations: list.length,
        rubricAverage: rubricAverage(scores),
        rubric: rubricByCriterion(scores, rubric),
        checklist: checklistSummary(counts),
        tags: countTags(list.map((o) => o.tags)),
        lastObservedOn:
          list
            .map((o) => o.observedOn)
            .sort()
            .at(-1) ?? null,
      };
    })
    .sort((a, b) => a.repName.localeCompare(b.repName) || a.repId - b.repId);
}
