import { useMemo } from 'react';
import type { StageFunnel } from '@shared/metrics/funnel';
import type { FunnelDealGroup } from '@shared/metrics/reports';
import { ChartCanvas } from '../charts/ChartCanvas';
import { endLabelsPlugin } from '../charts/chartPlugins';
import { useChartTheme } from '../charts/chartTheme';
import { DataTable } from '../ui/DataTable';
import { funnelBarText, funnelChart } from './funnelCharts';
import { type FunnelRow, funnelColumns } from './funnelColumns';

export type FunnelSectionProps = {
  stages: StageFunnel[];
  /** The Deals screen for a stage, narrowed like this screen. */
  stageHref: (stageKey: string) => string;
  onDrill: (stageKey: string, group: FunnelDealGroup) => void;
};

const plugins = [endLabelsPlugin];

/** Deals entering each stage, as a bar chart and as a table of the same numbers. */
export function FunnelSection({ stages, stageHref, onDrill }: FunnelSectionProps) {
  const theme = useChartTheme();
  const chart = useMemo(() => funnelChart(stages, theme), [stages, theme]);
  const rows = useMemo<FunnelRow[]>(
    () =>
      stages.map((stage, i) => ({
        ...stage,
        nextName: stages[i + 1]?.name ?? 'Won',
        dropOff: stage.entered - stage.advanced,
        dealsHref: stageHref(stage.key),
        onDrill: (group: FunnelDealGroup) => onDrill(stage.key, group),
      })),
    [stages, stageHref, onDrill],
  );
  const label = `Deals that entered each stage in the period: ${stages
    .map((s) => `${s.name} ${funnelBarText(s)}`)
    .join('; ')}.`;

  return (
    <section className="card funnel-card" aria-labelledby="funnel-heading">
      <div className="card-header">
        <h2 id="funnel-heading" className="card-title">
          Stage-to-stage conversion
        </h2>
        <span className="card-subtitle">
          Deals that entered each stage in the period, and the share that later entered the next stage or any
          stage after it.
        </span>
      </div>
      <div className="card-body funnel-chart">
        <ChartCanvas
          type="bar"
          data={chart.data}
          options={chart.options}
          plugins={plugins}
          label={label}
          height={Math.max(200, stages.length * 44 + 70)}
        />
      </div>
      <DataTable
        label="Funnel by stage"
        data={rows}
        columns={funnelColumns}
        emptyMessage="No stages in this workflow version."
        rowTestId="funnel-row"
      />
      <p className="funnel-note muted">
        Drop-off is entered − advanced: deals lost from the stage and deals that have not moved on yet. Days
        in stage run from entering a stage to entering any other one (or now, for open deals); per deal adds
        up every visit of the deal.
      </p>
    </section>
  );
}
