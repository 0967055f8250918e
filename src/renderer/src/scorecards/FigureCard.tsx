import { Link } from 'react-router';
import { metricDefinition } from '@shared/scorecards/metrics';
import type { ScorecardPeriod } from '@shared/scorecards/periods';
import type { ScorecardFigure } from '@shared/scorecards/types';
import { ChartCanvas } from '../charts/ChartCanvas';
import { useChartTheme } from '../charts/chartTheme';
import { plural } from '../format/format';
import { DeltaBadge, PercentileBar } from './ScorecardBits';
import { formatValue } from './scorecardFormat';
import { trendChart } from './trendChart';

export type FigureCardProps = {
  figure: ScorecardFigure;
  repName: string;
  previousPeriod: ScorecardPeriod;
  currency: string | null;
  minSample: number;
  /** Where the figure's evidence is. */
  href: string;
};

/** One scorecard figure: value, team median, percentile, change, trend, and a link to its evidence. */
export function FigureCard({ figure, repName, previousPeriod, currency, minSample, href }: FigureCardProps) {
  const theme = useChartTheme();
  const def = metricDefinition(figure.key);
  const chart = trendChart(figure.trend, theme, {
    unit: def.unit,
    currency,
    seriesLabel: repName,
    compact: true,
  });
  const value = formatValue(figure.value, def.unit, currency);
  const small = figure.value !== null && !figure.enough;
  return (
    <article className="figure-card" data-testid={`figure-${figure.key}`} aria-label={def.label}>
      <header className="figure-head">
        <h3 className="figure-label" title={def.definition}>
          {def.label}
        </h3>
        <DeltaBadge
          delta={figure.delta}
          change={figure.change}
          unit={def.unit}
          currency={currency}
          previousLabel={previousPeriod.label}
        />
      </header>
      <div className="figure-main">
        {figure.value === null ? (
          <span className="figure-value figure-value-none">{value}</span>
        ) : (
          <Link
            to={href}
            className="figure-value"
            data-testid="figure-value"
            title={`Show the ${plural(figure.sample, def.sampleOne, def.sampleNoun)} behind it`}
          >
            {value}
          </Link>
        )}
        <div className="figure-trend">
          <ChartCanvas
            type="line"
            data={chart.data}
            options={chart.options}
            height={38}
            label={`${def.label} over the last four periods`}
          >
            {figure.trend
              .map((p) => `${p.period.label}: ${formatValue(p.value, def.unit, currency)}`)
              .join(', ')}
          </ChartCanvas>
        </div>
      </div>
      <dl className="figure-facts">
        <div>
          <dt>Team median</dt>
          <dd data-testid="figure-median">{formatValue(figure.benchmark, def.unit, currency)}</dd>
        </div>
        <div>
          <dt>{previousPeriod.label}</dt>
          <dd>{formatValue(figure.previous, def.unit, currency)}</dd>
        </div>
      </dl>
      <PercentileBar percentile={figure.percentile} />
      <p className="figure-sample">
        {figure.sample === 0
          ? `No ${def.sampleNoun} in the period`
          : plural(figure.sample, def.sampleOne, def.sampleNoun)}
        {small && def.basis === 'deals' && ` · under ${minSample}: not ranked`}
      </p>
    </article>
  );
}
