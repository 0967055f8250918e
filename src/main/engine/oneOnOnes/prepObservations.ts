import {
  TAGS_SETTING,
  type TagTone,
  defaultObservationTags,
  tagConfigSchema,
} from '@shared/coaching/observation';
import { stageChecklist } from '@shared/coaching/observationChecklist';
import type { ObservationItem } from '@shared/oneOnOnes/types';
import type { Db } from '../db/open';
import { getSetting } from '../queries/workspace';
import type { WorkflowLookup } from './workflowLookup';

/** A rubric score at or below this is a point to raise. */
const LOW_SCORE = 2;

function tagTones(db: Db): Map<string, TagTone> {
  const saved = getSetting(db, TAGS_SETTING);
  let tags = defaultObservationTags;
  if (saved) {
    try {
      const parsed = tagConfigSchema.safeParse(JSON.parse(saved));
      if (parsed.success) tags = parsed.data;
    } catch {
      // A setting that does not parse leaves the default tones.
    }
  }
  return new Map(tags.map((t) => [t.tag.toLowerCase(), t.tone]));
}

function parseList<T>(text: string): T[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

type Row = {
  id: number;
  coach: string;
  observedOn: string;
  dealId: number | null;
  dealName: string | null;
  stageKey: string | null;
  checklist: string;
  rubric: string;
  tags: string;
  notes: string;
};

/**
 * The shadowing observations of a rep logged on or after `sinceDay`, the latest first: the
 * checklist marks counted with the items skipped or only partly done, the rubric average with
 * the low scores, and the tags with their tone (positive, negative, neutral).
 */
export function observationsSince(
  db: Db,
  lookup: WorkflowLookup,
  repId: number,
  sinceDay: string,
): ObservationItem[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.coach, o.observed_on AS observedOn, o.deal_id AS dealId, d.name AS dealName, o.stage_key AS stageKey,
              o.checklist, o.rubric, o.tags, o.notes
       FROM observations o LEFT JOIN deals d ON d.id = o.deal_id
       WHERE o.rep_id = ? AND o.deleted_at IS NULL AND o.observed_on >= ?
       ORDER BY o.observed_on DESC, o.id DESC`,
    )
    .all(repId, sinceDay) as Row[];
  const tones = tagTones(db);
  return rows.map((row) => {
    const items = new Map(
      stageChecklist(lookup.version.definition, row.stageKey).map((i) => [i.key, i.label]),
    );
    const marks = parseList<{ key: string; state: string }>(row.checklist);
    const counts = { done: 0, partial: 0, skipped: 0, na: 0 };
    const missed: ObservationItem['missed'] = [];
    for (const mark of marks) {
      if (mark.state in counts) counts[mark.state as keyof typeof counts]++;
      if (mark.state === 'skipped' || mark.state === 'partial')
        missed.push({ label: items.get(mark.key) ?? mark.key, state: mark.state });
    }
    const rubric = parseList<{ criterion: string; score: number }>(row.rubric).filter(
      (r) => typeof r.score === 'number',
    );
    return {
      id: row.id,
      coach: row.coach,
      observedOn: row.observedOn,
      dealId: row.dealId,
      dealName: row.dealName,
      stageName: row.stageKey ? lookup.stageName(row.stageKey) : null,
      checklist: counts,
      missed,
      rubricAverage: rubric.length === 0 ? null : rubric.reduce((s, r) => s + r.score, 0) / rubric.length,
      lowScores: rubric.filter((r) => r.score <= LOW_SCORE),
      tags: parseList<string>(row.tags).map((tag) => ({
        tag,
        tone: tones.get(tag.toLowerCase()) ?? 'neutral',
      })),
      notes: row.notes,
    };
  });
}
