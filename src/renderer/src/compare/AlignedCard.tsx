import { activityColor } from '../deal/stageTones';
import { humanize } from '../format/format';
import { useElementWidth } from '../processMap/useElementWidth';
import { AlignedRow } from './AlignedRow';
import { type AlignedDeal, commonSpan, dayTicks } from './alignment';

export type AlignedCardProps = {
  aligned: AlignedDeal[];
  /** The deals in the order they were picked, to number the rows as the chips do. */
  dealIds: number[];
  fromName: string;
  toName: string;
  outcomes: Map<string, 'won' | 'lost'>;
  backTo: string;
  onRemove: (dealId: number) => void;
};

/** The deals one under the other, day 0 at the same place and one scale for all. */
export function AlignedCard({
  aligned,
  dealIds,
  fromName,
  toName,
  outcomes,
  backTo,
  onRemove,
}: AlignedCardProps) {
  const [axisRef, plotWidth] = useElementWidth<HTMLDivElement>();
  const span = commonSpan(aligned);
  const ticks = dayTicks(span);
  const reached = aligned.flatMap((d) => (d.entered && d.days !== null ? [d.days] : []));
  const fastestDays = reached.length >= 2 ? Math.min(...reached) : null;
  const types = [
    ...new Set(aligned.flatMap((d) => (d.entered ? d.activities.map((a) => a.type) : []))),
  ].sort();

  return (
    <section className="card compare-card" aria-labelledby="compare-aligned-heading">
      <div className="card-header">
        <div>
          <h2 className="card-title" id="compare-aligned-heading">
            {fromName} → {toName}
          </h2>
          <p className="card-subtitle">
            Day 0 is each deal’s first entry into {fromName}; every row runs until it entered {toName}, on the
            same scale.
          </p>
        </div>
      </div>
      <div className="compare-grid">
        <div className="compare-axis-label">Deal</div>
        <div className="compare-axis" ref={axisRef} aria-hidden="true">
          {ticks.map((tick) => (
            <span
              key={tick.days}
              className={tick.left > 96 ? 'compare-tick last' : 'compare-tick'}
              style={{ left: `${tick.left}%` }}
            >
              {tick.label}
            </span>
          ))}
        </div>
        <ol className="compare-rows" aria-label="Deals aligned on time">
          {plotWidth > 0 &&
            aligned.map((deal) => (
              <AlignedRow
                key={deal.detail.deal.id}
                deal={deal}
                index={dealIds.indexOf(deal.detail.deal.id) + 1}
                fromName={fromName}
                toName={toName}
                spanMs={span}
                ticks={ticks}
                plotWidth={plotWidth}
                outcomes={outcomes}
                fastest={deal.entered && deal.days !== null && deal.days === fastestDays}
                backTo={backTo}
                onRemove={() => onRemove(deal.detail.deal.id)}
              />
            ))}
        </ol>
      </div>
      {types.length > 0 && (
        <div className="compare-legend">
          <ul className="legend" aria-label="Activity types">
            {types.map((type) => (
              <li key={type}>
                <span className="legend-dot" style={{ background: activityColor(type) }} />
                {humanize(type)}
              </li>
            ))}
          </ul>
          <span className="muted">Hover a label for its date, subject and rep.</span>
        </div>
      )}
    </section>
  );
}
