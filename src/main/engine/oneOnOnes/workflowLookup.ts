import { DateTime } from 'luxon';
import type { IsoDate } from '@shared/domain/types';
import type { WorkflowVersion } from '@shared/domain/types';
import type { RuleLabels } from '@shared/oneOnOnes/rules';
import type { RuleOptionStage } from '@shared/oneOnOnes/types';
import type { StageDefinition } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { getSetting } from '../queries/workspace';

export const DAY_MS = 86_400_000;

/** The workflow version a one-on-one reads, with the names and targets its sections print. */
export type WorkflowLookup = {
  version: WorkflowVersion;
  /** Stages deals move through (not won or lost), in workflow order. */
  openStages: StageDefinition[];
  stageName: (key: string | null) => string;
  stageIndex: (key: string) => number;
  /** Target days in ms, for stages that have one. */
  targetMs: Map<string, number>;
  actionLabel: (stageKey: string, actionKey: string) => string;
  criterionLabel: (stageKey: string, criterionKey: string) => string;
  labels: RuleLabels;
};

export function workflowLookup(version: WorkflowVersion): WorkflowLookup {
  const stages = version.definition.stages;
  const names = new Map(stages.map((s) => [s.key, s.name]));
  const order = new Map(stages.map((s, i) => [s.key, i]));
  const actions = new Map(
    stages.flatMap((s) => s.requiredActions.map((a) => [`${s.key}:${a.key}`, a.label] as const)),
  );
  const criteria = new Map(
    stages.flatMap((s) => s.advancementCriteria.map((c) => [`${s.key}:${c.key}`, c.label] as const)),
  );
  const targets = new Map(
    stages.filter((s) => !s.outcome && s.targetDays).map((s) => [s.key, s.targetDays! * DAY_MS]),
  );
  const stageName = (key: string | null): string =>
    key === null ? 'Unmapped stage' : (names.get(key) ?? key);
  const actionLabel = (stageKey: string, actionKey: string): string =>
    actions.get(`${stageKey}:${actionKey}`) ?? actionKey;
  return {
    version,
    openStages: stages.filter((s) => !s.outcome),
    stageName,
    stageIndex: (key) => order.get(key) ?? -1,
    targetMs: targets,
    actionLabel,
    criterionLabel: (stageKey, key) => criteria.get(`${stageKey}:${key}`) ?? key,
    labels: {
      stageName: (key) => stageName(key),
      actionLabel,
      targetDays: (key) => stages.find((s) => s.key === key)?.targetDays ?? null,
    },
  };
}

/** The workflow's stages, actions and targets as the commitment rule picker offers them. */
export function ruleOptions(lookup: WorkflowLookup): RuleOptionStage[] {
  return lookup.openStages.map((s) => ({
    key: s.key,
    name: s.name,
    targetDays: s.targetDays ?? null,
    hasCriteria: s.advancementCriteria.length > 0,
    actions: s.requiredActions.map((a) => ({ key: a.key, label: a.label })),
  }));
}

/** The workspace's time zone, in which "today" and a one-on-one's date are read. */
export function workspaceZone(db: Db): string {
  const zone = getSetting(db, 'time_zone') ?? 'UTC';
  return DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

/** The calendar day `at` falls on in the workspace's time zone. */
export function dayOf(at: number, zone: string): IsoDate {
  return DateTime.fromMillis(at, { zone }).toISODate() ?? new Date(at).toISOString().slice(0, 10);
}

/** The first instant of a calendar day in the workspace's time zone. */
export function dayStart(date: IsoDate, zone: string): number {
  const day = DateTime.fromISO(date, { zone });
  if (!day.isValid) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD form`);
  return day.startOf('day').toMillis();
}

/** The first instant after a calendar day in the workspace's time zone. */
export function dayEnd(date: IsoDate, zone: string): number {
  return DateTime.fromISO(date, { zone }).startOf('day').plus({ days: 1 }).toMillis();
}
