import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { csvRound } from '@shared/csv/csvValues';
import type { StageFunnel } from '@shared/metrics/funnel';
import { ChartCanvas } from '../charts/ChartCanvas';
import { markerLinePlugin } from '../charts/chartPlugins';
import { useChartTheme } from '../charts/chartTheme';
import { formatCount, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import '../ui/columnMeta';
import { type StageTime, histogramChart, trendChart } from './funnelCharts';
import { bucketLabel, formatDayValue, monthLabel } from './funnelFormat';

export type TimeInStageSectionProps = {
  stages: StageTime[];
  /** The funnel's stages, for the per-deal figures. */
  funnel: StageFunnel[];
  stalledByStage: Map<string, number>;
  selectedKey: string | null;
  onSelect: (stageKey: string) => void;
};

type BucketRow = StageTime['histogram'][number];
type MonthRow = StageTime['byMonth'][number];

const bucketColumn = createColumnHelper<BucketRow>();
const bucketColumns = [
  bucketColumn.accessor(bucketLabel, { id: 'bucket', header: 'Days in stage', enableSorting: false }),
  bucketColumn.accessor('visits', {
    header: 'Visits',
    cell: (info) => formatCount(info.getValue()),
    enableSorting: false,
    meta: { numeric: true },
  }),
];

const monthColumn = createColumnHelper<MonthRow>();
const monthColumns = [
  monthColumn.accessor((m) => monthLabel(m.month), {
    id: 'month',
    header: 'Month entered',
    enableSorting: false,
    meta: { csv: (m) => m.month },
  }),
  monthColumn.accessor('count', {
    header: 'Visits',
    cell: (info) => formatCount(info.getValue()),
    enableSorting: false,
    meta: { numeric: true },
  }),
  monthColumn.accessor('medianDays', {
    header: 'Median',
    cell: (info) => formatDayValue(info.getValue()),
    enableSorting: false,
    meta: { numeric: true, csvHeader: 'Median (days)', csv: (m) => csvRound(m.medianDays) },
  }),
  monthColumn.accessor('p75Days', {
    header: 'p75',
    cell: (info) => formatDayValue(info.getValue()),
    enableSorting: false,
    meta: { numeric: true, csvHeader: 'p75 (days)', csv: (m) => csvRound(m.p75Days) },
  }),
];

const histogramPlugins = [markerLinePlugin<'bar'>()];

/** Per stage: how long visits last (distribution against the target) and how that moves by month. */
export function TimeInStageSection({
  stages,
  funnel,
  stalledByStage,
  selectedKey,
  onSelect,
}: TimeInStageSectionProps) {
  const theme = useChartTheme();
  const stage = stages.find((s) => s.key === selectedKey) ?? stages[0];
  const histogram = useMemo(() => (stage ? histogramChart(stage, theme) : null), [stage, theme]);
  const trend = useMemo(() => (stage ? trendChart(stage, theme) : null), [stage, theme]);
  const perDeal = funnel.find((s) => s.key === stage?.key)?.perDeal;

  return (
    <section className="card" aria-labelledby="time-heading">
      <div className="card-header time-header">
        <div>
          <h2 id="time-heading" className="card-title">
            Time in stage
          </h2>
          <span className="card-subtitle">Visits that entered the stage in the period.</span>
        </div>
        <div className="segmented" role="group" aria-label="Stage">
          {stages.map((s) => (
            <button
              key={s.key}
              type="button"
              className="segment"
              aria-pressed={s.key === stage?.key}
              onClick={() => onSelect(s.key)}
            >
              {s.name}
            </button>
          ))}
        </div>
      </div>
      {stage && histogram && trend && (
        <>
          <dl className="time-facts" data-testid="time-facts">
            <div>
              <dt>Visits</dt>
              <dd>{formatCount(stage.perVisit.count)}</dd>
            </div>
            <div>
              <dt>Median / visit</dt>
              <dd>{formatDayValue(stage.perVisit.medianDays)}</dd>
            </div>
            <div>
              <dt>p75 / visit</dt>
              <dd>{formatDayValue(stage.perVisit.p75Days)}</dd>
            </div>
            <div>
              <dt>Median / deal</dt>
              <dd>{formatDayValue(perDeal?.medianDays)}</dd>
            </div>
            <div>
              <dt>p75 / deal</dt>
              <dd>{formatDayValue(perDeal?.p75Days)}</dd>
            </div>
            <div>
              <dt>Target</dt>
              <dd className="time-target">
                {stage.targetDays === null ? 'None set' : formatDayValue(stage.targetDays)}
              </dd>
            </div>
            <div>
              <dt>Stalled now</dt>
              <dd>{stage.targetDays === null ? '—' : plural(stalledByStage.get(stage.key) ?? 0, 'deal')}</dd>
            </div>
          </dl>
          {stage.perVisit.count === 0 ? (
            <EmptyState icon="clock" title={`No deal entered ${stage.name} in this period`}>
              Pick another stage, a longer period, or fewer team and rep filters.
            </EmptyState>
          ) : (
            <>
              <div className="time-charts">
                <figure className="time-chart">
                  <figcaption>Distribution of visits</figcaption>
                  <ChartCanvas
                    type="bar"
                    data={histogram.data}
                    options={histogram.options}
                    plugins={histogramPlugins}
                    height={240}
                    label={`Visits to ${stage.name} by days in stage${
                      stage.targetDays === null ? '' : `, target ${formatDayValue(stage.targetDays)}`
                    }: ${stage.histogram.map((b) => `${bucketLabel(b)} ${b.visits}`).join(', ')}.`}
                  />
                </figure>
                <figure className="time-chart">
                  <figcaption>Median and p75 by month of entry</figcaption>
                  <ChartCanvas
                    type="line"
                    data={trend.data}
                    options={trend.options}
                    height={240}
                    label={`Days in ${stage.name} by month of entry: ${stage.byMonth
                      .map(
                        (m) =>
                          `${monthLabel(m.month)} median ${formatDayValue(m.medianDays)}, p75 ${formatDayValue(m.p75Days)}`,
                      )
                      .join('; ')}.`}
                  />
                </figure>
              </div>
              <details className="time-numbers">
                <summary>The numbers behind these charts</summary>
                <div className="time-numbers-tables">
                  <DataTable
                    label={`Visits to ${stage.name} by days in stage`}
                    data={stage.histogram}
                    columns={bucketColumns}
                    emptyMessage="No visits."
                  />
                  <DataTable
                    label={`Days in ${stage.name} by month of entry`}
                    data={stage.byMonth}
                    columns={monthColumns}
                    emptyMessage="No visits."
                  />
                </div>
              </details>
            </>
          )}
        </>
      )}
    </section>
  );
}
