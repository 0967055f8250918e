import type { IsoDate } from '../domain/types';
import type { FigureChange } from './figures';
import type {
  ClosedDealRef,
  CommitmentItem,
  GapView,
  ObservationItem,
  RiskDeal,
  RiskReason,
  TalkingPoint,
} from './types';

/** What talking points are written from: the sections of a prep. */
export type TalkingPointInput = {
  since: IsoDate;
  sinceLastOneOnOne: boolean;
  commitments: readonly CommitmentItem[];
  figures: readonly FigureChange[];
  gaps: readonly GapView[];
  risks: readonly RiskDeal[];
  won: readonly ClosedDealRef[];
  lost: readonly ClosedDealRef[];
  observations: readonly ObservationItem[];
};

/** At most this many points: a one-on-one is half an hour. */
export const MAX_TALKING_POINTS = 8;

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "19 Nov" for a YYYY-MM-DD date. */
export function shortDate(date: IsoDate): string {
  return dayFormat.format(new Date(`${date}T00:00:00Z`));
}

/** A compact amount in its currency ("$84K"); a plain number when the currency is unknown. */
export function shortAmount(amount: number, currency: string | null): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: currency ?? 'USD',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(amount);
  } catch {
    return `${Math.round(amount).toLocaleString('en-US')}${currency ? ` ${currency}` : ''}`;
  }
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function totalAmount(deals: readonly { amount: number | null; currency: string | null }[]): string | null {
  const currencies = new Set(deals.map((d) => d.currency ?? ''));
  const sum = deals.reduce((s, d) => s + (d.amount ?? 0), 0);
  if (sum <= 0 || currencies.size !== 1) return null;
  return shortAmount(sum, deals[0]?.currency ?? null);
}

function commitmentPoints(commitments: readonly CommitmentItem[], today: IsoDate): TalkingPoint[] {
  const points: TalkingPoint[] = [];
  const due = (c: CommitmentItem): string => (c.dueOn ? `, due ${shortDate(c.dueOn)}` : '');
  for (const c of commitments) {
    if (c.status !== 'open') continue;
    const verdict = c.check?.verdict;
    if (verdict === 'not_met' || verdict === 'behind') {
      points.push({
        source: 'commitment',
        text: `“${c.text}” is ${verdict === 'not_met' ? 'not met' : 'behind'}: ${c.check!.summary}${due(c)}. Ask what got in the way.`,
      });
    } else if (c.overdue) {
      const measured = c.check && c.check.verdict !== 'no_data' ? ` The data shows ${c.check.summary}.` : '';
      points.push({
        source: 'commitment',
        text: `“${c.text}” was due on ${shortDate(c.dueOn ?? today)} and is still open.${measured} Met, not met, or drop it?`,
      });
    }
  }
  const kept = commitments.find(
    (c) =>
      (c.status === 'met' && c.resolvedAt !== null) ||
      (c.status === 'open' && (c.check?.verdict === 'met' || c.check?.verdict === 'on_track')),
  );
  if (kept) {
    const evidence = kept.check && kept.check.verdict !== 'no_data' ? `: ${kept.check.summary}` : '';
    points.push({
      source: 'win',
      text:
        kept.status === 'met'
          ? `Recognise the kept commitment “${kept.text}”${evidence || (kept.resolutionNote ? ` — ${kept.resolutionNote.replace(/[.\s]+$/, '')}` : '')}.`
          : `“${kept.text}” is on track${evidence}. Say so.`,
    });
  }
  return points;
}

function formatFigure(change: FigureChange, value: number): string {
  if (change.unit === 'share') return pct(value);
  if (change.unit === 'days') return `${Math.round(value)} days`;
  return String(value);
}

function changePoints(figures: readonly FigureChange[], since: string): TalkingPoint[] {
  const scored = figures.filter((f) => f.delta !== null && f.now !== null && f.then !== null);
  const weight = (f: FigureChange): number =>
    f.unit === 'share'
      ? Math.abs(f.delta!) * 100
      : f.unit === 'days'
        ? Math.abs(f.delta!)
        : Math.abs(f.delta!) * 5;
  const worst = scored.filter((f) => f.tone === 'worse').sort((a, b) => weight(b) - weight(a))[0];
  const best = scored.filter((f) => f.tone === 'better').sort((a, b) => weight(b) - weight(a))[0];
  const points: TalkingPoint[] = [];
  const moved = (f: FigureChange): string => {
    const up = f.delta! > 0;
    if (f.unit === 'days') return up ? 'lengthened' : 'shortened';
    if (f.unit === 'count') return up ? 'went up' : 'went down';
    return up ? 'rose' : 'fell';
  };
  if (worst)
    points.push({
      source: 'change',
      text: `${worst.label} ${moved(worst)} from ${formatFigure(worst, worst.then!)} to ${formatFigure(worst, worst.now!)} ${since} (${worst.basis}). What changed?`,
    });
  if (best)
    points.push({
      source: 'win',
      text: `${best.label} ${moved(best)} from ${formatFigure(best, best.then!)} to ${formatFigure(best, best.now!)} ${since}: say what worked.`,
    });
  return points;
}

function gapPoint(gap: GapView, first: boolean): TalkingPoint {
  const examples = joinNames([...new Set(gap.evidence.map((e) => e.dealName))].slice(0, 2));
  const what =
    gap.kind === 'action'
      ? `“${gap.label}” on time on ${pct(gap.rate)} of deals (${gap.ok} of ${gap.total}) against ${pct(gap.teamRate)} for the team`
      : gap.kind === 'criteria'
        ? `${pct(gap.rate)} of deals left ${gap.stageName} with every criterion met (${gap.ok} of ${gap.total}) against ${pct(gap.teamRate)} for the team`
        : `${pct(gap.rate)} of ${gap.stageName} visits within ${gap.targetDays ?? 'the target'} days (${gap.ok} of ${gap.total}) against ${pct(gap.teamRate)} for the team`;
  const excess = Math.round(gap.excess);
  return {
    source: 'gap',
    text: `${first ? 'Biggest gap' : 'Next gap'}: ${what} — ${plural(excess, 'miss', 'misses')} beyond the team's rate${examples ? `, e.g. ${examples}` : ''}.`,
  };
}

function reasonText(deal: RiskDeal, reason: RiskReason): string {
  switch (reason.kind) {
    case 'stalled':
      return `${Math.round(reason.days)} d in ${deal.stageName}, target ${reason.targetDays}`;
    case 'missed_actions':
      return `missed ${reason.labels[0]}${reason.labels.length > 1 ? ` +${reason.labels.length - 1}` : ''}`;
    case 'no_next_step':
      return 'no next step';
  }
}

/** Names the first three deals at risk (most reasons first, then largest amount) with their main reason. */
function riskPoint(risks: readonly RiskDeal[]): TalkingPoint | null {
  if (risks.length === 0) return null;
  const top = risks.slice(0, 3);
  const worth = totalAmount(risks);
  const named = top.map((d) =>
    d.reasons[0] ? `${d.dealName} (${reasonText(d, d.reasons[0])})` : d.dealName,
  );
  return {
    source: 'risk',
    text: `${plural(risks.length, 'deal')} at risk${worth ? ` worth ${worth}` : ''}: ${joinNames(named)}. Agree a next step for each, or close ${risks.length === 1 ? 'it' : 'them'}.`,
  };
}

function closedPoints(
  won: readonly ClosedDealRef[],
  lost: readonly ClosedDealRef[],
  since: string,
): TalkingPoint[] {
  const points: TalkingPoint[] = [];
  if (won.length > 0) {
    const biggest = [...won].sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0))[0]!;
    const worth = totalAmount(won);
    points.push({
      source: 'win',
      text: `Won ${plural(won.length, 'deal')} ${since}${worth ? ` (${worth})` : ''}, including ${biggest.dealName}: recognise it.`,
    });
  }
  if (lost.length > 0) {
    const named = lost.slice(0, 2).map((d) => {
      const parts = [
        d.fromStageName ? `at ${d.fromStageName}` : null,
        d.lostReason ? `“${d.lostReason}”` : null,
      ].filter(Boolean);
      return parts.length ? `${d.dealName} (${parts.join(', ')})` : d.dealName;
    });
    points.push({
      source: 'change',
      text: `Lost ${plural(lost.length, 'deal')} ${since}: ${joinNames(named)}${lost.length > 2 ? ' and more' : ''}. What would have changed the outcome?`,
    });
  }
  return points;
}

function observationPoints(observations: readonly ObservationItem[]): TalkingPoint[] {
  const points: TalkingPoint[] = [];
  const where = (o: ObservationItem): string =>
    `${o.dealName ? `on ${o.dealName}` : 'in a shadowed deal'}${o.stageName ? ` (${o.stageName})` : ''} on ${shortDate(o.observedOn)}`;
  const concern = observations.find(
    (o) =>
      o.tags.some((t) => t.tone === 'negative') ||
      o.lowScores.length > 0 ||
      o.missed.some((m) => m.state === 'skipped'),
  );
  if (concern) {
    const bad = concern.tags.filter((t) => t.tone === 'negative').map((t) => `“${t.tag}”`);
    const low = concern.lowScores.map((s) => `${s.criterion} ${s.score}/5`);
    const skipped = concern.missed.filter((m) => m.state === 'skipped').map((m) => m.label);
    const seen = [
      bad.length ? `saw ${joinNames(bad)}` : null,
      low.length ? `scored ${joinNames(low)}` : null,
      skipped.length && !bad.length ? `marked ${joinNames(skipped.slice(0, 2))} skipped` : null,
    ].filter(Boolean);
    points.push({
      source: 'observation',
      text: `${concern.coach} ${joinNames(seen as string[])} ${where(concern)}: talk it through.`,
    });
  }
  const praise = observations.find((o) => o !== concern && o.tags.some((t) => t.tone === 'positive'));
  if (praise) {
    const good = praise.tags.filter((t) => t.tone === 'positive').map((t) => `“${t.tag}”`);
    points.push({
      source: 'win',
      text: `${praise.coach} noted ${joinNames(good)} ${where(praise)}: keep doing it.`,
    });
  }
  return points;
}

/**
 * Suggested talking points for a one-on-one, built from the prep in the order a manager would
 * raise them: commitments first (overdue or off track), then the biggest change in the figures,
 * the top gaps with their deals, the deals at risk, observations and losses, and what went
 * well — plain sentences that name the deals and numbers, at most {@link MAX_TALKING_POINTS}.
 */
export function buildTalkingPoints(input: TalkingPointInput, today: IsoDate): TalkingPoint[] {
  const since = input.sinceLastOneOnOne ? `since ${shortDate(input.since)}` : 'in the last 30 days';
  const commitments = commitmentPoints(input.commitments, today);
  const followUps = commitments.filter((p) => p.source === 'commitment');
  const praise = commitments.filter((p) => p.source !== 'commitment');
  const [worse, better] = (() => {
    const changes = changePoints(input.figures, since);
    return [changes.filter((p) => p.source === 'change'), changes.filter((p) => p.source !== 'change')];
  })();
  const gaps = input.gaps.slice(0, 2).map((g, i) => gapPoint(g, i === 0));
  const risk = riskPoint(input.risks);
  const observations = observationPoints(input.observations);
  const [won, lost] = (() => {
    const closed = closedPoints(input.won, input.lost, since);
    return [closed.filter((p) => p.source === 'win'), closed.filter((p) => p.source !== 'win')];
  })();
  const concerns = [
    ...followUps.slice(0, 2),
    ...worse,
    ...gaps,
    ...(risk ? [risk] : []),
    ...observations.filter((p) => p.source === 'observation'),
    ...lost,
  ];
  const recognition = [...won, ...better, ...praise, ...observations.filter((p) => p.source === 'win')];
  // Keep room for at least one piece of recognition when there is any.
  const room = MAX_TALKING_POINTS - Math.min(recognition.length, 2);
  return [...concerns.slice(0, room), ...recognition].slice(0, MAX_TALKING_POINTS);
}
