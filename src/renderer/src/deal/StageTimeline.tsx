import type { DealDetail } from '@shared/domain/types';
import { formatDate, formatDateTime, formatDays, humanize, ordinal } from '../format/format';
import { activityMarkers, axisTicks, position, stageBands, timeDomain } from './timelineLayout';
import { type StageTone, activityColor, stageTone, toneLabels } from './stageTones';

export type StageTimelineProps = {
  detail: DealDetail;
  outcomes: Map<string, 'won' | 'lost'>;
};

/** The deal's stage visits on a time axis, with its activities as marks underneath. */
export function StageTimeline({ detail, outcomes }: StageTimelineProps) {
  const { deal, visits, activities, timelineEnd } = detail;
  const domain = timeDomain(deal.createdAt, timelineEnd, visits, activities);
  const bands = stageBands(domain, visits);
  const ends = visits.filter((v) => v.durationMs === 0 && v.exitedAt === null);
  const ticks = axisTicks(domain);
  const markers = activityMarkers(domain, activities);
  const tones = [...new Set(visits.map((v) => stageTone(v, outcomes)))];
  const types = countBy(activities.map((a) => a.type));

  if (visits.length === 0)
    return (
      <p className="muted timeline-empty">This deal has no stage history, so there is nothing to lay out.</p>
    );

  return (
    <div className="timeline">
      <div className="timeline-grid">
        <div className="timeline-lane-label">Stages</div>
        <div className="timeline-plot">
          {ticks.map((tick) => (
            <span key={tick.at} className="timeline-gridline" style={{ left: `${tick.left}%` }} />
          ))}
          <ol className="timeline-bands" aria-label="Stage visits on the timeline">
            {bands.map(({ visit, left, width, ongoing }) => {
              const tone = stageTone(visit, outcomes);
              const days = formatDays(visit.durationMs);
              const revisit = visit.visitNumber > 1 ? `${ordinal(visit.visitNumber)} visit` : null;
              return (
                <li
                  key={visit.eventId}
                  className={`stage-band tone-${tone}${revisit ? ' revisit' : ''}${ongoing ? ' ongoing' : ''}`}
                  style={{ left: `${left}%`, width: `${width}%` }}
                  data-testid="stage-band"
                  title={`${visit.stageName}${revisit ? ` (${revisit})` : ''}: ${days}, from ${formatDateTime(
                    visit.enteredAt,
                  )} to ${ongoing ? 'now' : formatDateTime(visit.exitedAt)}`}
                >
                  <span className="stage-band-name">{visit.stageName}</span>
                  <span className="stage-band-days"> · {days}</span>
                  {revisit && <span className="stage-band-revisit">{revisit}</span>}
                </li>
              );
            })}
            {ends.map((visit) => (
              <li
                key={visit.eventId}
                className={`stage-end tone-${stageTone(visit, outcomes)}`}
                style={{ left: `${position(domain, visit.enteredAt)}%` }}
                data-testid="stage-outcome"
                title={`${visit.stageName} on ${formatDateTime(visit.enteredAt)}`}
              >
                <span className="visually-hidden">
                  {visit.stageName} on {formatDate(visit.enteredAt)}
                </span>
              </li>
            ))}
          </ol>
        </div>

        <div className="timeline-lane-label">Activities</div>
        <div className="timeline-plot timeline-activities" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick.at} className="timeline-gridline" style={{ left: `${tick.left}%` }} />
          ))}
          {markers.map(({ activity, left }) => (
            <span
              key={activity.id}
              className="activity-mark"
              style={{ left: `${left}%`, background: activityColor(activity.type) }}
              title={[
                humanize(activity.type),
                formatDateTime(activity.occurredAt),
                activity.subject,
                activity.repName,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </div>

        <div />
        <div className="timeline-axis" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick.at} className="timeline-tick" style={{ left: `${tick.left}%` }}>
              {tick.label}
            </span>
          ))}
          {ends.map((visit) => {
            const left = position(domain, visit.enteredAt);
            return (
              <span
                key={visit.eventId}
                className={`stage-end-flag tone-${stageTone(visit, outcomes)}${left > 80 ? ' flip' : ''}`}
                style={{ left: `${left}%` }}
              >
                {visit.stageName} · {formatDate(visit.enteredAt)}
              </span>
            );
          })}
        </div>
      </div>

      <div className="timeline-legends">
        <ul className="legend" aria-label="Stage groups">
          {tones.map((tone: StageTone) => (
            <li key={tone}>
              <span className={`legend-swatch tone-${tone}`} />
              {toneLabels[tone]}
            </li>
          ))}
          {visits.some((v) => v.visitNumber > 1) && (
            <li>
              <span className="legend-swatch revisit" />
              Re-entered stage
            </li>
          )}
        </ul>
        {types.length > 0 && (
          <ul className="legend" aria-label="Activity types">
            {types.map(([type, count]) => (
              <li key={type}>
                <span className="legend-dot" style={{ background: activityColor(type) }} />
                {humanize(type)} <span className="muted">{count}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
