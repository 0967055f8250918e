import type { WorkflowDefinition } from '@shared/workflow/definition';
import { toStageVisits } from '@shared/workflow/stageVisits';
import type { Db } from '../db/open';
import type { ChangeLog } from './changeLog';
import { createPatcher, createUpserter } from './upsert';

const DERIVED = 'derived:';

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

/**
 * Keeps each deal's derived state true to its history after an import: the current stage and
 * when it was entered, the status (the CRM's own word first, else the outcome of the stage it
 * is in) and when it closed. A deal whose file gives no stage history gets one derived stage
 * event for its current stage, replaced by real history as soon as that is imported.
 */
export function createDealRefresher(db: Db, log: ChangeLog, workflow: WorkflowDefinition) {
  const touched = new Map<number, number | null>();
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

    refreshAll(mapStage: (stage: string) => string | null): void {
      for (const [dealId, stageEnteredAt] of touched) {
        const deal = selectDeal.get(dealId) as DealState;
        let events = selectEvents.all(dealId) as {
          id: number;
          sourceStage: string;
          stageKey: string | null;
          enteredAt: number;
          externalId: string | null;
        }[];
        const real = events.filter((e) => !e.externalId?.startsWith(DERIVED));
        if (real.length > 0) {
          for (const derived of events.filter((e) => e.externalId?.startsWith(DERIVED))) {
            log.before('stage_events', derived.id, 'delete');
            deleteEvent.run(derived.id);
          }
          events = real;
        } else if (deal.source_stage) {
          const key = mapStage(deal.source_stage);
          const terminal = key !== null && outcomes.has(key);
          const at = stageEnteredAt ?? (terminal ? deal.crm_closed_at : null) ?? deal.created_at;
          if (at !== null) {
            upsertDerived(deal.source, `${DERIVED}${deal.external_id}`, {
              deal_id: dealId,
              source_stage: deal.source_stage,
              stage_key: key,
              entered_at: at,
              source_row: 'derived from the deal row',
            });
            events = selectEvents.all(dealId) as typeof events;
          }
        }
        const visits = toStageVisits(events, Number.MAX_SAFE_INTEGER);
        const last = visits.at(-1);
        const stageKey = last ? last.stageKey : deal.source_stage ? mapStage(deal.source_stage) : null;
        const status = deal.crm_status ?? (stageKey ? outcomes.get(stageKey) : undefined) ?? 'open';
        const terminalEntry = [...visits]
          .reverse()
          .find((v) => v.stageKey !== null && outcomes.has(v.stageKey));
        const closeDateMs = deal.close_date ? Date.parse(`${deal.close_date}T00:00:00Z`) : null;
        const closedAt =
          status === 'open' ? null : (terminalEntry?.enteredAt ?? deal.crm_closed_at ?? closeDateMs);
        patchDeal(dealId, {
          status,
          stage_key: stageKey,
          stage_entered_at: last?.enteredAt ?? null,
          closed_at: closedAt,
        });
      }
    },
  };
}
