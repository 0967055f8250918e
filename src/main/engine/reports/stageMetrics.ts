import { median } from 'simple-statistics';
import { discountPercent } from '@shared/metrics/discount';
import { stageFunnel } from '@shared/metrics/funnel';
import { msToDays, periodBounds } from '@shared/metrics/period';
import type { DiscountMonth, StageMetric, StageMetricsReport } from '@shared/metrics/stageMetrics';
import { createActivityClassifier } from '@shared/workflow/activityTypes';
import type { Db } from '../db/open';
import { ownerAllowed } from './patterns';
import { periodVisits, type ReportFilter, resolveEvaluatedVersion } from './stageReports';

const HOUR = 3_600_000;

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function medianOrNull(values: number[]): number | null {
  return values.length === 0 ? null : median(values);
}

/**
 * The method's stage metrics for a period, each with its definition and the number of deals
 * behind it: lead response time, leads qualified, meeting to opportunity, demo to next step,
 * demo to proposal drop-off, decision makers involved early, proposal to signature time,
 * negotiation stalls, CS handoff timeliness, and the discount level by month.
 */
export function stageMetricsReport(db: Db, filter: ReportFilter): StageMetricsReport {
  const version = resolveEvaluatedVersion(db, filter.versionId);
  const workflow = version.definition;
  const { start, end } = periodBounds(filter);
  const visits = periodVisits(db, version.id, start, end, filter);
  const allowed = ownerAllowed(db, filter);
  const funnel = new Map(stageFunnel(visits, workflow.stages, start, end).map((s) => [s.key, s]));
  const byDeal = new Map<number, typeof visits>();
  for (const v of visits) byDeal.set(v.dealId, [...(byDeal.get(v.dealId) ?? []), v]);
  const dealIds = [...byDeal.keys()];
  const classify = createActivityClassifier(workflow.activityRules);
  const activities = new Map<number, { type: string; at: number; contact: string | null }[]>();
  const selectActivities = db.prepare(
    `SELECT type, raw_type AS rawType, subject, occurred_at AS at, contact FROM activities
     WHERE deal_id = ? AND coalesce(json_extract(fields, '$.done'), '') <> 'no' ORDER BY occurred_at`,
  );
  for (const id of dealIds) {
    activities.set(
      id,
      (
        selectActivities.all(id) as {
          type: string;
          rawType: string | null;
          subject: string | null;
          at: number;
          contact: string | null;
        }[]
      ).map((a) => ({
        type: a.rawType === null ? a.type : classify(a.rawType, a.subject),
        at: a.at,
        contact: a.contact,
      })),
    );
  }
  const first = (dealId: number, key: string) =>
    byDeal.get(dealId)?.find((v) => v.stageKey === key && v.enteredAt >= start && v.enteredAt < end);
  const stageKeys = workflow.stages.map((s) => s.key);
  const [leadKey, discoveryKey, demoKey, proposalKey, negotiationKey] = [
    'lead',
    'discovery',
    'demo',
    'proposal',
    'negotiation',
  ].map((k) => (stageKeys.includes(k) ? k : null));
  const wonKey = workflow.stages.find((s) => s.outcome === 'won')?.key ?? null;

  const responseHours: number[] = [];
  let leadsWithMeeting = 0;
  let meetingToOpportunity = 0;
  let demosWithFollowUp = 0;
  let demos = 0;
  let earlyDecisionMakers = 0;
  let discoveryExits = 0;
  const signatureDays: number[] = [];
  for (const [dealId, dealVisits] of byDeal) {
    const acts = activities.get(dealId) ?? [];
    const lead = leadKey ? first(dealId, leadKey) : undefined;
    if (lead) {
      const touch = acts.find((a) => a.at >= lead.enteredAt && (a.type === 'call' || a.type === 'email'));
      if (touch) responseHours.push((touch.at - lead.enteredAt) / HOUR);
      const leadEnd = lead.exitedAt ?? Infinity;
      if (acts.some((a) => a.type === 'meeting' && a.at >= lead.enteredAt && a.at <= leadEnd)) {
        leadsWithMeeting++;
        if (
          dealVisits.some(
            (v) =>
              v.enteredAt > lead.enteredAt &&
              v.stageKey !== null &&
              v.stageKey !== leadKey &&
              stageKeys.indexOf(v.stageKey) > stageKeys.indexOf(leadKey!) &&
              workflow.stages.find((s) => s.key === v.stageKey)?.outcome !== 'lost',
          )
        ) {
          meetingToOpportunity++;
        }
      }
    }
    const demo = demoKey ? first(dealId, demoKey) : undefined;
    if (demo) {
      const held = acts.find((a) => a.type === 'demo' && a.at >= demo.enteredAt);
      if (held) {
        demos++;
        if (acts.some((a) => a.type === 'meeting' && a.at > held.at && a.at <= held.at + 48 * HOUR))
          demosWithFollowUp++;
      }
    }
    const discovery = discoveryKey ? first(dealId, discoveryKey) : undefined;
    if (discovery?.exitedAt) {
      discoveryExits++;
      const contacts = new Set(
        acts.filter((a) => a.at <= discovery.exitedAt! && a.contact).map((a) => a.contact!.toLowerCase()),
      );
      if (contacts.size >= 2) earlyDecisionMakers++;
    }
    const proposal = proposalKey ? first(dealId, proposalKey) : undefined;
    const won = wonKey ? dealVisits.find((v) => v.stageKey === wonKey) : undefined;
    if (proposal && won && won.enteredAt > proposal.enteredAt)
      signatureDays.push(msToDays(won.enteredAt - proposal.enteredAt));
  }

  const negotiationTarget = workflow.stages.find((s) => s.key === negotiationKey)?.targetDays;
  const negotiationDeals = new Map<number, boolean>();
  for (const v of visits) {
    if (v.stageKey !== negotiationKey || v.enteredAt < start || v.enteredAt >= end) continue;
    const over = negotiationTarget !== undefined && msToDays(v.durationMs) > negotiationTarget;
    negotiationDeals.set(v.dealId, (negotiationDeals.get(v.dealId) ?? false) || over);
  }
  const stalls = [...negotiationDeals.values()].filter(Boolean).length;
  const csHandoff = workflow.handoffs.find((h) => h.toRole === 'CS');
  const handoffs = csHandoff
    ? (
        db
          .prepare(
            `SELECT owner_id AS ownerId, status FROM eval_handoffs WHERE workflow_version_id = ? AND handoff_key = ?
               AND triggered_at >= ? AND triggered_at < ? AND status <> 'pending'`,
          )
          .all(version.id, csHandoff.key, start, end) as { ownerId: number | null; status: string }[]
      ).filter((h) => allowed(h.ownerId))
    : [];
  const demoFunnel = demoKey ? funnel.get(demoKey) : undefined;
  const proposalOrLater =
    demoKey && proposalKey
      ? [...byDeal.values()].filter((vs) => {
          const d = vs.find((v) => v.stageKey === demoKey && v.enteredAt >= start && v.enteredAt < end);
          return (
            d &&
            vs.some(
              (v) =>
                v.enteredAt > d.enteredAt &&
                v.stageKey !== null &&
                [proposalKey, negotiationKey, wonKey].includes(v.stageKey),
            )
          );
        }).length
      : 0;

  const metrics: StageMetric[] = [
    {
      key: 'lead_response_hours',
      label: 'Lead response time',
      definition: 'Median hours from a deal entering Lead to its first call or email.',
      value: medianOrNull(responseHours),
      unit: 'hours',
      deals: responseHours.length,
    },
    {
      key: 'leads_qualified',
      label: 'Leads qualified',
      definition: 'Share of deals that entered Lead and later reached Discovery or a later stage.',
      value: leadKey ? (funnel.get(leadKey)?.conversionToNext ?? null) : null,
      unit: 'share',
      deals: leadKey ? (funnel.get(leadKey)?.entered ?? 0) : 0,
    },
    {
      key: 'meeting_to_opportunity',
      label: 'Meeting → opportunity',
      definition: 'Of the leads that had a meeting while in Lead, the share that advanced.',
      value: share(meetingToOpportunity, leadsWithMeeting),
      unit: 'share',
      deals: leadsWithMeeting,
    },
    {
      key: 'demo_to_next_step',
      label: 'Demo → next step',
      definition: 'Share of demos followed by a meeting booked within 48 hours.',
      value: share(demosWithFollowUp, demos),
      unit: 'share',
      deals: demos,
    },
    {
      key: 'demo_to_proposal_dropoff',
      label: 'Demo → proposal drop-off',
      definition: 'Share of deals that entered Demo and never reached Proposal or beyond.',
      value: demoFunnel && demoFunnel.entered > 0 ? 1 - proposalOrLater / demoFunnel.entered : null,
      unit: 'share',
      deals: demoFunnel?.entered ?? 0,
    },
    {
      key: 'decision_makers_early',
      label: 'Decision makers involved early',
      definition: 'Share of deals with two or more contacts engaged before leaving Discovery.',
      value: share(earlyDecisionMakers, discoveryExits),
      unit: 'share',
      deals: discoveryExits,
    },
    {
      key: 'proposal_to_signature_days',
      label: 'Proposal → signature',
      definition: 'Median days from entering Proposal to the win, over won deals.',
      value: medianOrNull(signatureDays),
      unit: 'days',
      deals: signatureDays.length,
    },
    {
      key: 'negotiation_stalls',
      label: 'Negotiation stalls',
      definition: 'Share of deals in Negotiation that stayed longer than the stage target.',
      value: share(stalls, negotiationDeals.size),
      unit: 'share',
      deals: negotiationDeals.size,
    },
    {
      key: 'cs_handoff_on_time',
      label: 'CS handoff on time',
      definition: 'Share of won deals whose customer-success first touch met its SLA.',
      value: share(handoffs.filter((h) => h.status === 'met').length, handoffs.length),
      unit: 'share',
      deals: handoffs.length,
    },
  ];

  const discountByMonth = new Map<string, { deals: number; discounts: number[] }>();
  for (const row of db
    .prepare(
      `SELECT owner_id AS ownerId, closed_at AS closedAt, custom_fields AS fields FROM deals WHERE status = 'won' AND closed_at >= ? AND closed_at < ?`,
    )
    .all(start, end) as { ownerId: number | null; closedAt: number; fields: string }[]) {
    if (!allowed(row.ownerId)) continue;
    const month = new Date(row.closedAt).toISOString().slice(0, 7);
    const entry = discountByMonth.get(month) ?? { deals: 0, discounts: [] };
    entry.deals++;
    const discount = discountPercent(JSON.parse(row.fields) as Record<string, unknown>);
    if (discount !== null) entry.discounts.push(discount);
    discountByMonth.set(month, entry);
  }
  const discounts: DiscountMonth[] = [...discountByMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, e]) => ({
      month,
      wonDeals: e.deals,
      averageDiscountPercent:
        e.discounts.length === 0 ? null : e.discounts.reduce((s, v) => s + v, 0) / e.discounts.length,
    }));
  return {
    versionId: version.id,
    version: version.version,
    from: filter.from,
    to: filter.to,
    metrics,
    discountByMonth: discounts,
  };
}
