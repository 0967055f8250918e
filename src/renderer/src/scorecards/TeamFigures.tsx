import { Link } from 'react-router';
import { metricDefinition, scorecardSections, sectionLabels } from '@shared/scorecards/metrics';
import type { TeamScorecard } from '@shared/scorecards/types';
import { ChartCanvas } from '../charts/ChartCanvas';
import { useChartTheme } from '../charts/chartTheme';
import { plural } from '../format/format';
import { DeltaBadge } from './ScorecardBits';
import { formatValue } from './scorecardFormat';
import { type ScorecardView, drillLink } from './scorecardView';
import { trendChart } from './trendChart';

export type TeamFiguresProps = { scorecard: TeamScorecard; view: ScorecardView; currency: string | null };

/** Every figure for the team as a whole: its value, the median of reps, the change and the trend. */
export function TeamFigures({ scorecard, view, currency }: TeamFiguresProps) {
  const theme = useChartTheme();
  return (
    <section className="card" aria-labelledby="team-figures-title">
      <header className="card-header">
        <h2 id="team-figures-title" className="card-title">
          The team
        </h2>
        <span className="card-subtitle">
          Every deal of the team pooled, against the median of its reps and {scorecard.previousPeriod.label}
        </span>
      </header>
      <table className="team-figures" aria-labelledby="team-figures-title">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              Team
            </th>
            <th scope="col" className="num">
              Median of reps
            </th>
            <th scope="col" className="num">
              {scorecard.previousPeriod.label}
            </th>
            <th scope="col">Change</th>
            <th scope="col">Last four</th>
          </tr>
        </thead>
        {scorecardSections.map((section) => (
          <tbody key={section}>
            <tr className="team-figures-section">
              <th scope="rowgroup" colSpan={6}>
                {sectionLabels[section]}
              </th>
            </tr>
            {scorecard.figures
              .filter((f) => f.section === section)
              .map((figure) => {
                const def = metricDefinition(figure.key);
                const chart = trendChart(figure.trend, theme, {
                  unit: def.unit,
                  currency,
                  seriesLabel: 'Team',
                  compact: true,
                });
                return (
                  <tr key={figure.key} data-testid={`team-figure-${figure.key}`}>
                    <th scope="row" title={def.definition}>
                      {def.label}
                      <span className="team-figure-sample">
                        {plural(figure.sample, def.sampleOne, def.sampleNoun)}
                      </span>
                    </th>
                    <td className="num">
                      {figure.value === null ? (
                        formatValue(null, def.unit, currency)
                      ) : (
                        <Link to={drillLink(figure.drill, view)} className="team-figure-value">
                          {formatValue(figure.value, def.unit, currency)}
                        </Link>
                      )}
                    </td>
                    <td className="num" title={`${plural(figure.benchmarkReps, 'rep')} with enough data`}>
                      {formatValue(figure.benchmark, def.unit, currency)}
                    </td>
                    <td className="num">{formatValue(figure.previous, def.unit, currency)}</td>
                    <td>
                      <DeltaBadge
                        delta={figure.delta}
                        change={figure.change}
                        unit={def.unit}
                        currency={currency}
                        previousLabel={scorecard.previousPeriod.label}
                      />
                    </td>
                    <td className="team-figure-trend">
                      <ChartCanvas
                        type="line"
                        data={chart.data}
                        options={chart.options}
                        height={28}
                        label={`${def.label} over the last four periods`}
                      >
                        {figure.trend
                          .map((p) => `${p.period.label}: ${formatValue(p.value, def.unit, currency)}`)
                          .join(', ')}
                      </ChartCanvas>
                    </td>
                  </tr>
                );
              })}
          </tbody>
        ))}
      </table>
    </section>
  );
}
