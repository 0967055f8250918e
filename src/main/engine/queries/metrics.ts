import { type Period, periodBounds } from '@shared/metrics/period';
import {
  type ClosedDeal,
  type RepOutcome,
  summarizeOutcomes,
  wonAmountByCurrency,
} from '@shared/metrics/repOutcomes';
import { type Converter, type MoneyInfo } from '@shared/money/rates';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import type { WorkflowVersion } from '@shared/domain/types';
import type { ComplianceCounts } from '@shared/evaluation/views';
import { stageFunnel } from '@shared/metrics/funnel';
import { complianceReport } from '../evaluation/queries';
import { dealsWithoutHistory, periodVisits } from '../reports/stageReports';
import type { WorkspaceCounts } from '@shared/domain/types';
import type { Db } from '../db/open';
import { loadMoney } from './money';
import { workspaceCounts } from './workspace';

export type RepStageMetrics = {
  entered: number;
  medianDaysInStage: number | null;
  conversionToNext: number | null;
};

export type RepMetrics = {
  name: string;
  email: string | null;
  /** Per open workflow stage: deals that entered it in the period, their median days there, conversion onwards. */
  stages: Record<string, RepStageMetrics>;
  /** Required actions due in the period under the current workflow version. */
  compliance: ComplianceCounts;
  /** This rep's deals alive in the period whose file had no stage history (see the report's). */
  dealsWithoutHistory: number;
  /** Won amounts in each deal's own currency, unconverted; `wonAmount` is their sum in the report's currency. */
  wonAmountByCurrency: Record<string, number>;
} & RepOutcome;

export type MetricsReport = {
  period: Period;
  counts: Omit<WorkspaceCounts, 'observations'>;
  /**
   * Deals alive in the period whose imported file had no stage history: their closes count by
   * Close Date, but the stages before their current one are unknown, so the stage figures leave
   * them out. A data-trust flag, not a figure to hide.
   */
  withoutHistory: { deals: number; closed: number };
  /** The corporate currency every summed amount is in, and how other currencies were converted. */
  money: MoneyInfo;
  reps: RepMetrics[];
};

/**
 * Deals whose history enters a won or lost stage inside [start, end). A deal counts once, by
 * its last entry into a terminal stage; a deal marked won or lost without any stage history
 * counts by its close date.
 */
export function closedDealsBetween(
  db: Db,
  workflow: WorkflowDefinition,
  start: number,
  end: number,
  money: { converter: Converter } = loadMoney(db),
): ClosedDeal[] {
  const won = workflow.stages.filter((s) => s.outcome === 'won').map((s) => s.key);
  const lost = workflow.stages.filter((s) => s.outcome === 'lost').map((s) => s.key);
  const terminal = [...won, ...lost];
  const marks = (keys: string[]): string => keys.map(() => '?').join(', ');
  const rows = db
    .prepare(
      `WITH terminal AS (
         SELECT deal_id, stage_key, entered_at,
                row_number() OVER (PARTITION BY deal_id ORDER BY entered_at DESC, id DESC) AS rn
         FROM stage_events WHERE stage_key IN (${marks(terminal)})
       ),
       closing AS (
         SELECT d.id, d.owner_id, d.created_at, d.amount, d.currency,
                coalesce(t.entered_at, d.closed_at) AS closed_at,
                CASE WHEN t.deal_id IS NOT NULL THEN t.stage_key IN (${marks(won)}) ELSE d.status = 'won' END AS is_won
         FROM deals d LEFT JOIN terminal t ON t.deal_id = d.id AND t.rn = 1
         WHERE t.deal_id IS NOT NULL OR d.status IN ('won', 'lost')
       )
       SELECT id AS dealId, owner_id AS ownerId, created_at AS createdAt, amount, currency,
              closed_at AS closedAt, is_won AS isWon
       FROM closing WHERE closed_at >= ? AND closed_at < ?`,
    )
    .all(...terminal, ...won, start, end) as (Omit<ClosedDeal, 'outcome'> & {
    isWon: number;
    amount: number | null;
    currency: string | null;
  })[];
  // Amounts are summed in the corporate currency, each at the rate in force on its close day.
  const { converter } = money;
  return rows.map(({ isWon, amount, ...deal }) => ({
    ...deal,
    outcome: isWon ? 'won' : 'lost',
    ownAmount: amount,
    amount: amount === null ? null : converter.convertAt(amount, deal.currency, deal.closedAt),
  }));
}

/**
 * The CLI's `metrics` report: totals in the workspace and, per rep, outcomes of the deals closed
 * in the period, the stage funnel of the deals that entered stages in it, and workflow
 * compliance of the actions due in it (the current version's stored evaluation).
 */
export function metricsReport(db: Db, version: WorkflowVersion, period: Period): MetricsReport {
  const { start, end } = periodBounds(period);
  const money = loadMoney(db);
  const closed = closedDealsBetween(db, version.definition, start, end, money);
  const byOwner = new Map<number | null, ClosedDeal[]>();
  for (const deal of closed) byOwner.set(deal.ownerId, [...(byOwner.get(deal.ownerId) ?? []), deal]);
  const reps = db.prepare('SELECT id, name, email FROM reps ORDER BY name COLLATE NOCASE, id').all() as {
    id: number;
    name: string;
    email: string | null;
  }[];
  const compliance = complianceReport(db, { ...period, versionId: version.id });
  const complianceByRep = new Map(compliance.reps.map((r) => [r.id, r.totals]));
  const none: ComplianceCounts = { due: 0, onTime: 0, late: 0, missed: 0, pending: 0, rate: null };
  const { observations: _observations, ...counts } = workspaceCounts(db);
  const missing = dealsWithoutHistory(db, version.id, start, end, period);
  const missingByRep = new Map(missing.map((m) => [m.ownerId, m.deals]));
  return {
    period,
    counts,
    withoutHistory: {
      deals: missing.reduce((sum, m) => sum + m.deals, 0),
      closed: missing.reduce((sum, m) => sum + m.closed, 0),
    },
    money: money.info,
    reps: reps.map((rep) => {
      const funnel = stageFunnel(
        periodVisits(db, version.id, start, end, { ...period, ownerIds: [rep.id] }),
        version.definition.stages,
        start,
        end,
      );
      return {
        name: rep.name,
        email: rep.email,
        ...summarizeOutcomes(byOwner.get(rep.id) ?? []),
        wonAmountByCurrency: wonAmountByCurrency(byOwner.get(rep.id) ?? [], money.info.corporate),
        stages: Object.fromEntries(
          funnel.map((stage) => [
            stage.key,
            {
              entered: stage.entered,
              medianDaysInStage: stage.perVisit.medianDays,
              conversionToNext: stage.conversionToNext,
            },
          ]),
        ),
        compliance: complianceByRep.get(rep.id) ?? none,
        dealsWithoutHistory: missingByRep.get(rep.id) ?? 0,
      };
    }),
  };
}
