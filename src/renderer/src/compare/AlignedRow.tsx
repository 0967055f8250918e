import { Link } from 'react-router';
import type { ActivityRow } from '@shared/domain/types';
import { activityColor, stageTone } from '../deal/stageTones';
import { formatDateTime, formatDays, formatMoney, humanize, ordinal, plural } from '../format/format';
import { Icon } from '../ui/Icon';
import { StatusBadge } from '../ui/StatusBadge';
import { type AlignedDeal, type DayTick, dayOf, offset } from './alignment';
import { packFlags } from './flagLanes';

const DAY_MS = 86_400_000;
const LANE_H = 22;

export type AlignedRowProps = {
  deal: AlignedDeal;
  /** The deal's number in the comparison, as on its chip. */
  index: number;
  fromName: string;
  toName: string;
  spanMs: number;
  ticks: DayTick[];
  /** The plot's width in pixels, to hang the activity labels without overlaps. */
  plotWidth: number;
  outcomes: Map<string, 'won' | 'lost'>;
  fastest: boolean;
  /** Where the deal page's back link returns: this comparison. */
  backTo: string;
  onRemove: () => void;
};

const dayFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function dayLabel(days: number): string {
  return `day ${dayFormat.format(days)}`;
}

/** How the deal's window ended, in a few words: "Entered Proposal", "Skipped to Negotiation". */
function endingText(deal: Extract<AlignedDeal, { entered: true }>, toName: string): string {
  const stage = deal.endVisit?.stageName ?? '';
  switch (deal.ending) {
    case 'reached':
      return `to ${toName}`;
    case 'skipped':
      return `to ${stage}, skipping ${toName}`;
    case 'closed':
      return `${stage} before ${toName}`;
    case 'open':
      return `still short of ${toName}`;
  }
}

/** One deal's stretch from the from-stage to the to-stage, on the axis every row shares. */
export function AlignedRow({
  deal,
  index,
  fromName,
  toName,
  spanMs,
  ticks,
  plotWidth,
  outcomes,
  fastest,
  backTo,
  onRemove,
}: AlignedRowProps) {
  const { detail } = deal;
  const info = (
    <div className="compare-deal">
      <div className="compare-deal-top">
        <span className="compare-chip-index" aria-hidden="true">
          {index}
        </span>
        <Link
          to={`/deals/${detail.deal.id}`}
          state={{ back: { to: backTo, label: 'Compare' } }}
          className="compare-deal-name"
          title={detail.deal.name}
        >
          {detail.deal.name}
        </Link>
        <button
          type="button"
          className="btn btn-small btn-ghost compare-remove"
          onClick={onRemove}
          aria-label={`Remove ${detail.deal.name} from the comparison`}
        >
          <Icon name="close" size={13} />
        </button>
      </div>
      <div className="compare-deal-meta">
        <StatusBadge status={detail.deal.status} />
        <span>{detail.deal.ownerName ?? 'No owner'}</span>
        <span>{formatMoney(detail.deal.amount, detail.deal.currency)}</span>
      </div>
      {deal.entered ? (
        <div className="compare-deal-result">
          {deal.days !== null ? (
            <span className="compare-days">{formatDays(deal.days * DAY_MS)}</span>
          ) : (
            <span className="compare-days muted">{formatDays(deal.end - deal.start)}</span>
          )}
          <span className="compare-ending">{endingText(deal, toName)}</span>
          {fastest && <span className="chip chip-fastest">Fastest</span>}
        </div>
      ) : (
        <div className="compare-deal-result muted">Never entered {fromName}</div>
      )}
      {deal.entered && (
        <div className="compare-deal-count">
          {plural(deal.activities.length, 'activity', 'activities')} in between
        </div>
      )}
    </div>
  );

  if (!deal.entered)
    return (
      <li className="compare-row" data-testid="compare-row">
        {info}
        <div className="compare-plot-missing">
          This deal never entered {fromName}, so it has no day 0 to align on. Pick another from-stage or
          another deal.
        </div>
      </li>
    );

  const { start } = deal;
  const flags = packFlags(
    deal.activities.map((activity) => ({
      item: activity,
      x: (offset(start, activity.occurredAt, spanMs) / 100) * plotWidth,
      text: humanize(activity.type),
    })),
    plotWidth,
  );
  const endLeft = offset(start, deal.end, spanMs);
  const endTone = deal.endVisit ? stageTone(deal.endVisit, outcomes) : null;

  return (
    <li className="compare-row" data-testid="compare-row">
      {info}
      <div className="compare-plot">
        <div className="compare-stages">
          {ticks.map((tick) => (
            <span key={tick.days} className="timeline-gridline" style={{ left: `${tick.left}%` }} />
          ))}
          {endLeft < 100 && (
            <span className="compare-after" style={{ left: `${endLeft}%` }} aria-hidden="true" />
          )}
          <ol className="timeline-bands" aria-label={`${detail.deal.name}: stages from ${fromName}`}>
            {deal.visits.map(({ visit, start: from, end, ongoing }) => {
              const left = offset(start, from, spanMs);
              const width = Math.max(0, offset(start, end, spanMs) - left);
              const revisit = visit.visitNumber > 1 ? `${ordinal(visit.visitNumber)} visit` : null;
              return (
                <li
                  key={visit.eventId}
                  className={`stage-band tone-${stageTone(visit, outcomes)}${revisit ? ' revisit' : ''}${
                    ongoing ? ' ongoing' : ''
                  }`}
                  style={{ left: `${left}%`, width: `${width}%` }}
                  title={`${visit.stageName}${revisit ? ` (${revisit})` : ''}: ${dayLabel(
                    dayOf(start, from),
                  )} to ${ongoing ? 'now' : dayLabel(dayOf(start, end))}`}
                >
                  <span className="stage-band-name">{visit.stageName}</span>
                  <span className="stage-band-days"> · {formatDays(end - from)}</span>
                </li>
              );
            })}
          </ol>
          {deal.endVisit && (
            <span
              className={`compare-end tone-${endTone}${endLeft > 78 ? ' flip' : ''}`}
              style={{ left: `${endLeft}%` }}
              data-testid="compare-end"
            >
              {deal.endVisit.stageName} · {dayLabel(dayOf(start, deal.end))}
            </span>
          )}
        </div>
        <div className="compare-flags" style={{ height: Math.max(1, flags.lanes) * LANE_H + 6 }}>
          {ticks.map((tick) => (
            <span key={tick.days} className="timeline-gridline" style={{ left: `${tick.left}%` }} />
          ))}
          {flags.flags.length === 0 && (
            <p className="compare-no-activity">No activity logged in this stretch.</p>
          )}
          <ol className="compare-flag-list" aria-label={`${detail.deal.name}: activities from ${fromName}`}>
            {flags.flags.map((flag) => (
              <ActivityFlag
                key={flag.item.id}
                activity={flag.item}
                day={dayOf(start, flag.item.occurredAt)}
                left={flag.left}
                top={flag.lane * LANE_H + 4}
                width={flag.width}
                flipped={flag.flipped}
              />
            ))}
          </ol>
        </div>
      </div>
    </li>
  );
}

type ActivityFlagProps = {
  activity: ActivityRow;
  day: number;
  left: number;
  top: number;
  width: number;
  flipped: boolean;
};

function ActivityFlag({ activity, day, left, top, width, flipped }: ActivityFlagProps) {
  const detail = [
    humanize(activity.type),
    dayLabel(day),
    formatDateTime(activity.occurredAt),
    activity.subject,
    activity.repName,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li
      className={flipped ? 'activity-flag flipped' : 'activity-flag'}
      style={{ left, top, width, ['--dot' as string]: activityColor(activity.type) }}
      title={detail}
      data-testid="activity-flag"
    >
      <span className="visually-hidden">{detail}</span>
      <span aria-hidden="true">{humanize(activity.type)}</span>
    </li>
  );
}
