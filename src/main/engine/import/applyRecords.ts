import type { EntityCounts, ImportCounts } from '@shared/import/types';
import { createActivityClassifier } from '@shared/workflow/activityTypes';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { createStageMapper, normalizeStageName } from '@shared/workflow/stageMapping';
import type { Db } from '../db/open';
import type { ChangeLog } from './changeLog';
import type {
  ActivityRecord,
  CurrencyRateRecord,
  DealRecord,
  ImportIssue,
  ImportRecord,
  ObservationRecord,
  RepRecord,
  RepRef,
  RowRef,
  StageEventRecord,
} from './records';
import { DEFER_INDEXES_ABOVE, deferSecondaryIndexes } from './deferIndexes';
import { createDealRefresher } from './refreshDeals';
import { createRepResolver } from './reps';
import { createUpserter } from './upsert';

export type SourcedRecords = {
  source: string;
  sourceLabel: string;
  records: ImportRecord[];
  /** The source's system accounts this file names (see AdapterOutput.systemUserIds). */
  systemUserIds?: readonly string[];
};

/** Why a user of a user file is no rep: the reason the import summary lists it under. */
export const ownsNothing = 'owns no deal, task or event in the data';

export type ApplyResult = {
  counts: ImportCounts;
  issues: ImportIssue[];
  unmappedStages: { stage: string; rows: number }[];
  /** Rows the records step left out, per file and reason (users who own nothing). */
  skipped: { file: string; reason: string; rows: number }[];
};

const emptyCounts = (): EntityCounts => ({ new: 0, changed: 0, unchanged: 0 });

function byKind<K extends ImportRecord['kind']>(groups: SourcedRecords[], kind: K) {
  return groups.flatMap((group) =>
    group.records
      .filter((r): r is Extract<ImportRecord, { kind: K }> => r.kind === kind)
      .map((record) => ({ group, record })),
  );
}

/**
 * Writes canonical records in dependency order — reps, deals, stage history, activities,
 * observations — upserting by (source, external id) and recording every change in the batch's
 * log, then refreshes the derived state (current stage, status, close) of every touched deal.
 * References that lead nowhere become issues that name the file, row and column.
 */
export function applyRecords(
  db: Db,
  log: ChangeLog,
  groups: SourcedRecords[],
  workflow: WorkflowDefinition,
  now: number,
  tick: () => void,
): ApplyResult {
  const counts: ImportCounts = {
    reps: emptyCounts(),
    deals: emptyCounts(),
    stageEvents: emptyCounts(),
    derivedStageEvents: emptyCounts(),
    activities: emptyCounts(),
    observations: emptyCounts(),
    currencyRates: emptyCounts(),
  };
  const issues: ImportIssue[] = [];
  const mapStage = createStageMapper(workflow);
  const classify = createActivityClassifier(workflow.activityRules);
  const unmapped = new Map<string, number>();
  const stageKey = (stage: string): string | null => {
    const key = mapStage(stage);
    if (key === null) unmapped.set(stage, (unmapped.get(stage) ?? 0) + 1);
    return key;
  };
  const reps = createRepResolver(db, log, now);
  const refresher = createDealRefresher(db, log, workflow);
  const dealIds = new Map<string, Map<string, number>>();
  const dealRows = new Map<number, DealRecord['at']>();
  const findDeal = db.prepare('SELECT id FROM deals WHERE source = ? AND external_id = ?');
  const rememberDeal = (source: string, externalId: string, id: number): void => {
    let bySource = dealIds.get(source);
    if (!bySource) dealIds.set(source, (bySource = new Map()));
    bySource.set(externalId, id);
  };
  const dealId = (source: string, externalId: string): number | null => {
    const cached = dealIds.get(source)?.get(externalId);
    if (cached !== undefined) return cached;
    const row = findDeal.get(source, externalId) as { id: number } | undefined;
    if (row) rememberDeal(source, externalId, row.id);
    return row?.id ?? null;
  };
  const userName = (label: string) => (id: string) => `${label} user ${id}`;

  const systemIds = new Map<string, Set<string>>();
  for (const group of groups) {
    const ids = systemIds.get(group.source) ?? new Set<string>();
    for (const id of group.systemUserIds ?? []) ids.add(id);
    systemIds.set(group.source, ids);
  }
  const systemOwned = new Map<string, { line: number; rows: number }>();
  /** The rep a record's owner is; a system account owns nothing a manager should see credited. */
  const owner = (group: SourcedRecords, ref: RepRef | null, at: RowRef): number | null => {
    if (ref?.externalId && systemIds.get(group.source)?.has(ref.externalId)) {
      const seen = systemOwned.get(at.file) ?? { line: at.line, rows: 0 };
      seen.rows++;
      systemOwned.set(at.file, seen);
      return null;
    }
    return reps.resolve(group.source, ref, userName(group.sourceLabel));
  };

  // Reps first, then their managers once every rep of the import exists. A user is a rep when
  // the data gives them something (a deal, task, event or observation), when they manage such a
  // rep, or when the workspace already has them; the others are counted as left out.
  const repRecords = byKind(groups, 'rep').filter(({ group, record }) => {
    const ids = systemIds.get(group.source);
    return !ids?.has((record as RepRecord).externalId);
  });
  const kept = keptUsers(groups, repRecords, (source, id) => reps.knows(source, id));
  const skipped = new Map<string, { file: string; reason: string; rows: number }>();
  for (const { group, record } of repRecords) {
    const rep = record as RepRecord;
    if (!kept.has(`${group.source}\u0000${rep.externalId}`)) {
      const entry = skipped.get(rep.at.file) ?? { file: rep.at.file, reason: ownsNothing, rows: 0 };
      entry.rows++;
      skipped.set(rep.at.file, entry);
      continue;
    }
    counts.reps[reps.upsert(group.source, rep).outcome]++;
    tick();
  }
  for (const { group, record } of repRecords) {
    const rep = record as RepRecord;
    if (!rep.managerExternalId || !kept.has(`${group.source}\u0000${rep.externalId}`)) continue;
    const repId = reps.resolve(group.source, { externalId: rep.externalId }, userName(group.sourceLabel));
    if (repId !== null) reps.setManager(group.source, repId, rep.managerExternalId);
  }

  const upsertDeal = createUpserter(
    db,
    'deals',
    [
      'name',
      'account',
      'owner_id',
      'amount',
      'currency',
      'created_at',
      'close_date',
      'crm_status',
      'crm_closed_at',
      'source_stage',
      'lost_reason',
      'pipeline',
      'custom_fields',
    ],
    log,
  );
  for (const { group, record } of byKind(groups, 'deal')) {
    const deal = record as DealRecord;
    const ownerId = owner(group, deal.owner, deal.at);
    const result = upsertDeal(group.source, deal.externalId, {
      name: deal.name,
      account: deal.account,
      owner_id: ownerId,
      amount: deal.amount,
      currency: deal.currency,
      created_at: deal.createdAt,
      close_date: deal.closeDate,
      crm_status: deal.status,
      crm_closed_at: deal.closedAt,
      source_stage: deal.stage,
      lost_reason: deal.lostReason,
      pipeline: deal.pipeline,
      custom_fields: JSON.stringify(deal.customFields),
    });
    counts.deals[result.outcome]++;
    rememberDeal(group.source, deal.externalId, result.id);
    dealRows.set(result.id, deal.at);
    refresher.touch(result.id, deal.stageEnteredAt);
    if (deal.stage) stageKey(deal.stage);
    tick();
  }

  const upsertEvent = createUpserter(
    db,
    'stage_events',
    ['deal_id', 'source_stage', 'stage_key', 'entered_at', 'source_row'],
    log,
  );
  for (const { group, record } of byKind(groups, 'stageEvent')) {
    const event = record as StageEventRecord;
    const id = dealId(group.source, event.dealExternalId);
    if (id === null) {
      issues.push({
        severity: 'error',
        file: event.at.file,
        line: event.at.line,
        column: null,
        message: `no deal "${event.dealExternalId}" in this import or the workspace: import the deals file with its history`,
      });
      continue;
    }
    const result = upsertEvent(group.source, event.externalId, {
      deal_id: id,
      source_stage: event.stage,
      stage_key: stageKey(event.stage),
      entered_at: event.enteredAt,
      source_row: `${event.at.file}:${event.at.line}`,
    });
    counts.stageEvents[result.outcome]++;
    refresher.touch(id, null);
    tick();
  }

  const upsertActivity = createUpserter(
    db,
    'activities',
    [
      'deal_id',
      'rep_id',
      'type',
      'raw_type',
      'subject',
      'occurred_at',
      'duration_seconds',
      'contact',
      'fields',
    ],
    log,
  );
  const missingDeals = new Map<string, { record: ActivityRecord; rows: number }>();
  const activityRecords = byKind(groups, 'activity');
  const restoreIndexes =
    activityRecords.length > DEFER_INDEXES_ABOVE ? deferSecondaryIndexes(db, 'activities') : () => {};
  for (const { group, record } of activityRecords) {
    const activity = record as ActivityRecord;
    let id: number | null = null;
    if (activity.dealExternalId) {
      id = dealId(group.source, activity.dealExternalId);
      if (id === null) {
        const missing = missingDeals.get(activity.at.file) ?? { record: activity, rows: 0 };
        missing.rows++;
        missingDeals.set(activity.at.file, missing);
      }
    }
    const fields =
      id === null && activity.dealExternalId
        ? { ...activity.fields, dealRef: activity.dealExternalId }
        : activity.fields;
    const result = upsertActivity(group.source, activity.externalId, {
      deal_id: id,
      rep_id: owner(group, activity.owner, activity.at),
      type: classify(activity.rawType, activity.subject),
      raw_type: activity.rawType,
      subject: activity.subject,
      occurred_at: activity.occurredAt,
      duration_seconds: activity.durationSeconds,
      contact: activity.contact,
      fields: JSON.stringify(fields),
    });
    counts.activities[result.outcome]++;
    tick();
  }
  restoreIndexes();
  for (const [file, { record, rows }] of missingDeals) {
    issues.push({
      severity: 'warning',
      file,
      line: record.at.line,
      column: null,
      message: `${rows} activit${rows === 1 ? 'y names a deal' : 'ies name deals'} not in this import or the workspace (first: "${record.dealExternalId}"); kept without a deal`,
    });
  }

  const upsertObservation = createUpserter(
    db,
    'observations',
    ['coach', 'rep_id', 'deal_id', 'stage_key', 'observed_on', 'checklist', 'rubric', 'tags', 'notes'],
    log,
    { created_at: now, updated_at: now },
  );
  const dealByName = db.prepare('SELECT id FROM deals WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1');
  const dealByAnyId = db.prepare('SELECT id FROM deals WHERE external_id = ? ORDER BY id LIMIT 1');
  const stageKeys = new Set(workflow.stages.map((s) => s.key));
  for (const { group, record } of byKind(groups, 'observation')) {
    const observation = record as ObservationRecord;
    const repId = reps.resolve(group.source, observation.rep, (id) => id);
    const deal =
      (observation.dealExternalId
        ? (dealByAnyId.get(observation.dealExternalId) as { id: number } | undefined)
        : undefined) ??
      (observation.dealName
        ? (dealByName.get(observation.dealName) as { id: number } | undefined)
        : undefined);
    if ((observation.dealExternalId || observation.dealName) && !deal) {
      issues.push({
        severity: 'warning',
        file: observation.at.file,
        line: observation.at.line,
        column: null,
        message: `no deal "${observation.dealExternalId ?? observation.dealName}" in the workspace; the observation is kept without a deal`,
      });
    }
    const stage = observation.stage
      ? stageKeys.has(normalizeStageName(observation.stage))
        ? normalizeStageName(observation.stage)
        : stageKey(observation.stage)
      : null;
    const result = upsertObservation(group.source, observation.externalId, {
      coach: observation.coach,
      rep_id: repId,
      deal_id: deal?.id ?? null,
      stage_key: stage,
      observed_on: observation.observedOn,
      checklist: JSON.stringify(observation.checklist),
      rubric: JSON.stringify(observation.rubric),
      tags: JSON.stringify(observation.tags),
      notes: observation.notes,
    });
    counts.observations[result.outcome]++;
    tick();
  }

  const upsertRate = createUpserter(
    db,
    'currency_rates',
    ['currency', 'rate', 'start_date', 'end_date', 'is_corporate'],
    log,
  );
  for (const { group, record } of byKind(groups, 'currencyRate')) {
    const rate = record as CurrencyRateRecord;
    const result = upsertRate(group.source, rate.externalId, {
      currency: rate.currency,
      rate: rate.rate,
      start_date: rate.startDate,
      end_date: rate.endDate,
      is_corporate: rate.isCorporate ? 1 : 0,
    });
    counts.currencyRates[result.outcome]++;
    tick();
  }

  for (const [file, { line, rows }] of systemOwned) {
    issues.push({
      severity: 'warning',
      file,
      line,
      column: null,
      message: `${rows} row${rows === 1 ? ' is' : 's are'} owned by a system account (integration, automation or security user): kept without an owner, credited to no rep`,
    });
  }
  const refreshed = refresher.refreshAll(mapStage);
  const undated = new Map<string, { line: number; deals: number }>();
  for (const id of refreshed.closedWithoutDate) {
    const at = dealRows.get(id);
    if (!at) continue;
    const file = undated.get(at.file) ?? { line: at.line, deals: 0 };
    file.deals++;
    undated.set(at.file, file);
  }
  for (const [file, { line, deals }] of undated) {
    issues.push({
      severity: 'warning',
      file,
      line,
      column: null,
      message: `${deals} won or lost deal${deals === 1 ? ' has' : 's have'} no stage history and no close date: ${deals === 1 ? 'it counts' : 'they count'} in no period's win rate or cycle time`,
    });
  }
  counts.reps.new += reps.created;
  counts.reps.changed += reps.deactivated;
  counts.derivedStageEvents = refreshed.derivedEvents;
  return {
    counts,
    skipped: [...skipped.values()],
    issues,
    unmappedStages: [...unmapped].map(([stage, rows]) => ({ stage, rows })).sort((a, b) => b.rows - a.rows),
  };
}

/**
 * The users of the import's user files who are reps, as `source\0externalId`: those a deal,
 * activity or observation of the import names (by id, email or name), those the workspace
 * already knows, and the managers of any of these, up the chain.
 */
function keptUsers(
  groups: readonly SourcedRecords[],
  users: readonly { group: SourcedRecords; record: ImportRecord }[],
  known: (source: string, externalId: string) => boolean,
): Set<string> {
  const ids = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  const note = (source: string, ref: RepRef | null): void => {
    if (!ref) return;
    if (ref.externalId) ids.add(`${source}\u0000${ref.externalId}`);
    if (ref.email) emails.add(ref.email.trim().toLowerCase());
    if (ref.name) names.add(ref.name.trim().toLowerCase());
  };
  for (const group of groups) {
    for (const record of group.records) {
      if (record.kind === 'deal' || record.kind === 'activity') note(group.source, record.owner);
      else if (record.kind === 'observation') note(group.source, record.rep);
    }
  }
  const kept = new Set<string>();
  const managers = new Map<string, string>();
  for (const { group, record } of users) {
    const user = record as RepRecord;
    const key = `${group.source}\u0000${user.externalId}`;
    if (user.managerExternalId) managers.set(key, `${group.source}\u0000${user.managerExternalId}`);
    if (
      ids.has(key) ||
      (user.email !== null && emails.has(user.email.trim().toLowerCase())) ||
      names.has(user.name.trim().toLowerCase()) ||
      known(group.source, user.externalId)
    )
      kept.add(key);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const key of [...kept]) {
      const manager = managers.get(key);
      if (manager && !kept.has(manager)) {
        kept.add(manager);
        grew = true;
      }
    }
  }
  return kept;
}
