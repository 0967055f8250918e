import type { EntityCounts } from '@shared/import/types';
import { DERIVED_EVENT_PREFIX, type DerivedBasis, derivedSourceRow } from '@shared/import/derivedHistory';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { toStageVisits } from '@shared/workflow/stageVisits';
import type { Db } from '../db/open';
import type { ChangeLog } from './changeLog';
import { createPatcher, createUpserter } from './upsert';

type DealState = {
  id: number;
  source: string;
  external_id: string;
  created_at: number | null;
  close_date: string | null;
  crm_status: 'open' | 'won' | 'lost' | null;
  crm_closed_at: number | null;
  source_stage: string | null;
};

/** What the refresh derived: stage events from deal rows, and closed deals nothing dates. */
export type RefreshSummary = {
  derivedEvents: EntityCounts;
  /** Won or lost deals with no history, no close time and no Close Date: counted in no period. */
  closedWithoutDate: number[];
};

/** The start of a calendar date (YYYY-MM-DD) in UTC, as periods are cut. */
function dateStart(date: string | null): number | null {
  if (!date) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * When a deal without stage history entered the stage it is in now, and on what evidence. A won
 * or lost deal closes at its close moment (the CRM's won/lost time, else its Close Date), never
 * at its creation; an open deal's Close Date is only its expected close. No deal enters its stage
 * before it was created. Null: a closed deal nothing dates, which no period can count.
 */
function derivedEntry(
  deal: DealState,
  stageEnteredAt: number | null,
  terminal: boolean,
): { at: number; basis: DerivedBasis } | null {
  const notBeforeCreation = (at: number): number =>
    deal.created_at === null ? at : Math.max(at, deal.created_at);
  if (stageEnteredAt !== null) return { at: notBeforeCreation(stageEnteredAt), basis: 'stage_entered' };
  if (terminal) {
    const closed = deal.crm_closed_at ?? dateStart(deal.close_date);
    return closed === null ? null : { at: notBeforeCreation(closed), basis: 'close' };
  }
  return deal.created_at === null ? null : { at: deal.created_at, basis: 'created' };
}

/**
 * Keeps each deal's derived state true to its history after an import: the current stage and
 * when it was entered, the status (the CRM's own word first, else the outcome of the stage it
 * is in) and when it closed. A deal whose file gives no stage history gets one derived stage
 * event for its current stage, replaced by real history as soon as that is imported.
 */
export function createDealRefresher(db: Db, log: ChangeLog, workflow: WorkflowDefinition) {
  const touched = new Map<number, number | null>();
  const summary: RefreshSummary = {
    derivedEvents: { new: 0, changed: 0, unchanged: 0 },
    closedWithoutDate: [],
  };
  const outcomes = new Map(workflow.stages.filter((s) => s.outcome).map((s) => [s.key, s.outcome!]));
  const selectDeal = db.prepare(
    'SELECT id, source, external_id, created_at, close_date, crm_status, crm_closed_at, source_stage FROM deals WHERE id = ?',
  );
  const selectEvents = db.prepare(
    `SELECT id, source_stage AS sourceStage, stage_key AS stageKey, entered_at AS enteredAt, external_id AS externalId
     FROM stage_events WHERE deal_id = ?`,
  );
  const deleteEvent = db.prepare('DELETE FROM stage_events WHERE id = ?');
  const upsertDerived = createUpserter(
    db,
    'stage_events',
    ['deal_id', 'source_stage', 'stage_key', 'entered_at', 'source_row'],
    log,
  );
  const patchDeal = createPatcher(db, 'deals', ['status', 'stage_key', 'stage_entered_at', 'closed_at'], log);

  return {
    /** Marks a deal for refresh; `stageEnteredAt` is when its file says it entered the current stage. */
    touch(dealId: number, stageEnteredAt: number | null): void {
      if (stageEnteredAt !== null || !touched.has(dealId)) touched.set(dealId, stageEnteredAt);
    },

    refreshAll(mapStage: (stage: string) => string | null): RefreshSummary {
      for (const [dealId, stageEnteredAt] of touched) {
        const deal = selectDeal.get(dealId) as DealState;
        let events = selectEvents.all(dealId) as {
          id: number;
          sourceStage: string;
          stageKey: string | null;
          enteredAt: number;
          externalId: string | null;
        }[];
        let entryBasis: DerivedBasis | null = null;
        const derived = events.filter((e) => e.externalId?.startsWith(DERIVED_EVENT_PREFIX));
        const real = events.filter((e) => !e.externalId?.startsWith(DERIVED_EVENT_PREFIX));
        const removeDerived = (): void => {
          for (const event of derived) {
            log.before('stage_events', event.id, 'delete');
            deleteEvent.run(event.id);
          }
        };
        if (real.length > 0) {
          removeDerived();
          events = real;
        } else if (deal.source_stage) {
          const key = mapStage(deal.source_stage);
          const terminal = key !== null && outcomes.has(key);
          const entry = derivedEntry(deal, stageEnteredAt, terminal);
          if (entry === null) {
            removeDerived();
            events = [];
          } else {
            const result = upsertDerived(deal.source, `${DERIVED_EVENT_PREFIX}${deal.external_id}`, {
              deal_id: dealId,
              source_stage: deal.source_stage,
              stage_key: key,
              entered_at: entry.at,
              source_row: derivedSourceRow[entry.basis],
            });
            summary.derivedEvents[result.outcome]++;
            entryBasis = entry.basis;
            events = selectEvents.all(dealId) as typeof events;
          }
        }
        const assumedEntry = entryBasis === 'created';
        const visits = toStageVisits(events, Number.MAX_SAFE_INTEGER);
        const last = visits.at(-1);
        const stageKey = last ? last.stageKey : deal.source_stage ? mapStage(deal.source_stage) : null;
        const status = deal.crm_status ?? (stageKey ? outcomes.get(stageKey) : undefined) ?? 'open';
        const terminalEntry = [...visits]
          .reverse()
          .find((v) => v.stageKey !== null && outcomes.has(v.stageKey));
        const closedAt =
          status === 'open'
            ? null
            : (terminalEntry?.enteredAt ?? deal.crm_closed_at ?? dateStart(deal.close_date));
        if (status !== 'open' && closedAt === null) summary.closedWithoutDate.push(dealId);
        patchDeal(dealId, {
          status,
          stage_key: stageKey,
          // A stage the deal was only placed in at creation was entered at a time nobody knows.
          stage_entered_at: assumedEntry ? null : (last?.enteredAt ?? null),
          closed_at: closedAt,
        });
      }
      return summary;
    },
  };
}
