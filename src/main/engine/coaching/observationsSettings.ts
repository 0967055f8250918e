import {
  RUBRIC_SETTING,
  type RubricConfig,
  TAGS_SETTING,
  type TagConfig,
  defaultObservationTags,
  defaultRubric,
  rubricConfigSchema,
  tagConfigSchema,
  uniqueTags,
} from '@shared/coaching/observation';
import { stageChecklist } from '@shared/coaching/observationChecklist';
import type { ObservationOptions, ObservationTagOption } from '@shared/coaching/observationViews';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../queries/workspace';

/** The workspace's rubric and tag list (settings rows, JSON), and what the observation form offers. */

function readSetting<T>(db: Db, key: string, parse: (value: unknown) => T | null, fallback: T): T {
  const raw = getSetting(db, key);
  if (raw === null) return fallback;
  try {
    return parse(JSON.parse(raw)) ?? fallback;
  } catch {
    return fallback;
  }
}

/** The rubric coaches score against; the default one until the workspace saves its own. */
export function getRubric(db: Db): RubricConfig {
  return readSetting(db, RUBRIC_SETTING, (v) => rubricConfigSchema.safeParse(v).data ?? null, defaultRubric);
}

/** The tags offered in the form, with their tone; the default list until the workspace saves its own. */
export function getTagConfig(db: Db): TagConfig {
  return readSetting(
    db,
    TAGS_SETTING,
    (v) => tagConfigSchema.safeParse(v).data ?? null,
    defaultObservationTags,
  );
}

export function saveObservationSettings(db: Db, settings: { rubric?: RubricConfig; tags?: TagConfig }): void {
  db.transaction(() => {
    if (settings.rubric) setSetting(db, RUBRIC_SETTING, JSON.stringify(settings.rubric));
    if (settings.tags) setSetting(db, TAGS_SETTING, JSON.stringify(settings.tags));
  })();
}

/** Tags a coach typed that the list does not hold join it (neutral), so the next form offers them. */
export function addConfiguredTags(db: Db, tags: readonly string[]): void {
  const config = getTagConfig(db);
  const known = new Set(config.map((t) => t.tag.toLowerCase()));
  const added = uniqueTags(tags).filter((t) => !known.has(t.toLowerCase()));
  if (added.length === 0) return;
  setSetting(
    db,
    TAGS_SETTING,
    JSON.stringify([...config, ...added.map((tag) => ({ tag, tone: 'neutral' }))]),
  );
}

function tagUses(db: Db): Map<string, { tag: string; uses: number }> {
  const rows = db
    .prepare(
      `SELECT trim(t.value) AS tag, count(DISTINCT o.id) AS uses
       FROM observations o, json_each(o.tags) t
       WHERE o.deleted_at IS NULL AND json_valid(o.tags) AND t.type = 'text' AND trim(t.value) <> ''
       GROUP BY lower(trim(t.value)) ORDER BY uses DESC, tag`,
    )
    .all() as { tag: string; uses: number }[];
  return new Map(rows.map((r) => [r.tag.toLowerCase(), r]));
}

/**
 * What the observation form and the list's filters offer: every rep, the coaches seen (most
 * observations first), the tags — configured ones in their order, then ones seen only in
 * observations — the rubric, and the workflow's stages with their checklists (won and lost last).
 */
export function observationOptions(db: Db, workflow: WorkflowDefinition): ObservationOptions {
  const reps = db
    .prepare('SELECT id, name, team, role FROM reps ORDER BY name COLLATE NOCASE, id')
    .all() as ObservationOptions['reps'];
  const coaches = (
    db
      .prepare(
        `SELECT min(coach) AS coach FROM observations WHERE deleted_at IS NULL
         GROUP BY lower(trim(coach)) ORDER BY count(*) DESC, max(observed_on) DESC, coach`,
      )
      .all() as { coach: string }[]
  ).map((r) => r.coach);
  const uses = tagUses(db);
  const configured = getTagConfig(db);
  const configuredKeys = new Set(configured.map((t) => t.tag.toLowerCase()));
  const tags: ObservationTagOption[] = [
    ...configured.map((t) => ({
      tag: t.tag,
      tone: t.tone,
      uses: uses.get(t.tag.toLowerCase())?.uses ?? 0,
      configured: true,
    })),
    ...[...uses.values()]
      .filter((u) => !configuredKeys.has(u.tag.toLowerCase()))
      .map((u): ObservationTagOption => ({ tag: u.tag, tone: 'neutral', uses: u.uses, configured: false })),
  ];
  const stages = workflow.stages
    .map((stage) => ({
      key: stage.key,
      name: stage.name,
      terminal: stage.outcome !== undefined,
      checklist: stageChecklist(workflow, stage.key),
    }))
    .sort((a, b) => Number(a.terminal) - Number(b.terminal));
  return { reps, coaches, tags, rubric: getRubric(db), stages };
}
