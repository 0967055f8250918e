import { metricDefinition } from '@shared/scorecards/metrics';
import type { RepScorecard } from '@shared/scorecards/types';
import { ChartCanvas } from '../charts/ChartCanvas';
import { useChartTheme } from '../charts/chartTheme';
import { DeltaBadge, ScoreBadge } from './ScorecardBits';
import { formatPercentile, formatScore } from './scorecardFormat';
import { trendChart } from './trendChart';

export type CompositeCardProps = { scorecard: RepScorecard };

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** The composite score, what it is made of, and how it moved over the last four periods. */
export function CompositeCard({ scorecard }: CompositeCardProps) {
  const theme = useChartTheme();
  const { composite, rep, previousPeriod } = scorecard;
  const chart = trendChart(composite.trend, theme, {
    unit: 'score',
    currency: null,
    seriesLabel: rep.name,
    compact: false,
    scoreScale: true,
  });
  const parts = composite.parts.toSorted((a, b) => b.points - a.points);
  return (
    <section className="card composite-card" aria-labelledby="composite-title">
      <div className="composite-score">
        <h2 id="composite-title" className="card-title">
          Composite score
        </h2>
        <ScoreBadge score={composite.score} large />
        <span className="composite-out-of">out of 100</span>
        <DeltaBadge
          delta={composite.delta}
          change={
            composite.delta === null
              ? null
              : composite.delta > 0
                ? 'better'
                : composite.delta < 0
                  ? 'worse'
                  : 'same'
          }
          unit="score"
          currency={null}
          previousLabel={previousPeriod.label}
        />
        <p className="composite-how">
          The weighted mean of {rep.name}’s percentile in the team on each figure: 100 is the best of the team
          on everything, 50 the middle. Figures without enough data are left out and the other weights count
          more.
        </p>
      </div>
      <div className="composite-parts">
        <h3 className="composite-subtitle">What makes it up</h3>
        <table className="composite-table" aria-label="Parts of the composite score">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                Percentile
              </th>
              <th scope="col" className="num">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {parts.map((part) => (
              <tr key={part.key} data-testid="composite-part">
                <th scope="row">{metricDefinition(part.key).label}</th>
                <td className="num">{Math.round(part.share * 100)}%</td>
                <td className="num" title={formatPercentile(part.percentile)}>
                  {formatScore(part.percentile)}
                </td>
                <td className="num">
                  <span className="points-cell">
                    <span
                      className="points-bar"
                      style={{ width: `${Math.max(1, Math.round(part.points * 1.6))}px` }}
                      aria-hidden="true"
                    />
                    {oneDecimal.format(part.points)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {composite.leftOut.length > 0 && (
          <p className="composite-left-out">
            Left out, not enough data:{' '}
            {composite.leftOut.map((key) => metricDefinition(key).label).join(', ')}.
          </p>
        )}
      </div>
      <div className="composite-trend">
        <h3 className="composite-subtitle">
          Last four {scorecard.period.kind === 'month' ? 'months' : 'quarters'}
        </h3>
        <ChartCanvas
          type="line"
          data={chart.data}
          options={chart.options}
          height={190}
          label="Composite score over the last four periods"
        >
          {composite.trend.map((p) => `${p.period.label}: ${formatScore(p.value)}`).join(', ')}
        </ChartCanvas>
      </div>
    </section>
  );
}
