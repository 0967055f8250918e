import type { PrepScorecard, PrepScorecardFigure } from '@shared/oneOnOnes/types';
import { EMPTY } from '../format/format';
import { formatDelta, formatScorecardValue } from './prepFormat';

export type ScorecardDeltasProps = { scorecard: PrepScorecard };

function Delta({
  figure,
  delta,
  change,
}: {
  figure: PrepScorecardFigure;
  delta: number | null;
  change: PrepScorecardFigure['change'];
}) {
  if (delta === null) return <span className="muted">{EMPTY}</span>;
  return <span className={`oo-delta oo-delta-${change ?? 'same'}`}>{formatDelta(figure.unit, delta)}</span>;
}

/** Where the rep stands among the team on a figure, from its percentile (100 = the best). */
function Standing({ percentile }: { percentile: number | null }) {
  if (percentile === null) return <span className="muted">{EMPTY}</span>;
  const [label, tone] =
    percentile >= 75
      ? ['Top quarter', 'better']
      : percentile >= 50
        ? ['Upper half', 'same']
        : percentile >= 25
          ? ['Lower half', 'same']
          : ['Bottom quarter', 'worse'];
  return (
    <span className={`oo-standing oo-delta-${tone}`} title={`Percentile ${Math.round(percentile)} of 100`}>
      {label}
    </span>
  );
}

/** The rep's scorecard for the running month: each figure against the team, last month and the last one-on-one. */
export function ScorecardDeltas({ scorecard }: ScorecardDeltasProps) {
  const shown = scorecard.figures.filter((f) => f.value !== null);
  if (shown.length === 0) return null;
  return (
    <div className="oo-scorecard" data-testid="scorecard-deltas">
      <h3 className="oo-list-title">
        Scorecard · {scorecard.period.label}
        {scorecard.partial ? ' to date' : ''}
      </h3>
      <div className="data-table-wrap">
        <table className="data-table oo-scorecard-table" aria-label="Scorecard deltas">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                {scorecard.period.label}
              </th>
              <th scope="col" className="num">
                Team median
              </th>
              <th scope="col" className="num">
                Standing in team
              </th>
              <th scope="col" className="num">
                vs {scorecard.previousLabel}
              </th>
              <th scope="col" className="num">
                Since last one-on-one
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.key} data-testid="scorecard-row">
                <td>
                  {f.label}
                  <span className="oo-sample">
                    {' '}
                    · {f.sample} {f.sampleNoun}
                    {!f.enough && ' (small sample)'}
                  </span>
                </td>
                <td className="num">{formatScorecardValue(f.unit, f.value)}</td>
                <td className="num muted">{formatScorecardValue(f.unit, f.benchmark)}</td>
                <td className="num">
                  <Standing percentile={f.percentile} />
                </td>
                <td className="num">
                  <Delta figure={f} delta={f.delta} change={f.change} />
                </td>
                <td className="num">
                  <Delta figure={f} delta={f.sinceLast} change={f.sinceLastChange} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {scorecard.lastOneOnOnePeriod === null && (
        <p className="oo-card-note">
          “Since last one-on-one” fills in once a one-on-one is marked held here: it keeps the scorecard as it
          stood.
        </p>
      )}
    </div>
  );
}
