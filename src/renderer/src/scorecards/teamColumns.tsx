import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { csvPercent, csvRound } from '@shared/csv/csvValues';
import {
  type MetricUnit,
  type ScorecardMetricKey,
  metricDefinition,
  scorecardMetricKeys,
} from '@shared/scorecards/metrics';
import type { TeamRepRow } from '@shared/scorecards/types';
import { EMPTY, plural } from '../format/format';
import '../ui/columnMeta';
import { ScoreBadge } from './ScorecardBits';
import { formatCell, formatPercentile, formatValue, scoreTone } from './scorecardFormat';
import { type ScorecardView, repScorecardLink } from './scorecardView';

/** Column headers short enough for fourteen figures side by side. */
export const shortLabels: Record<ScorecardMetricKey, string> = {
  actions_on_time: 'Actions on time',
  criteria_met: 'Criteria met',
  handoff_sla: 'Handoff SLA',
  days_in_stage: 'Days in stage',
  cycle_days: 'Cycle days',
  sales_velocity: 'Velocity /day',
  win_rate: 'Win rate',
  stage_conversion: 'Stage conv.',
  demo_follow_up: 'Demo follow-up',
  proposal_follow_up: 'Proposal follow-up',
  stall_rate: 'Stalled',
  discount: 'Discount',
  rubric_average: 'Rubric',
  checklist_rate: 'Checklist',
};

const column = createColumnHelper<TeamRepRow>();

/**
 * A figure's unit, for CSV headers: the cells are bare numbers, so the header says what they count
 * (unless it already does, as "Cycle days" does).
 */
export function csvUnitSuffix(unit: MetricUnit, currency: string | null, label = ''): string {
  switch (unit) {
    case 'share':
    case 'percent':
      return ' (%)';
    case 'days':
      return /\bdays?\b/i.test(label) ? '' : ' (days)';
    case 'money_per_day':
      return currency ? ` (${currency})` : '';
    case 'score':
      return ' (1–5)';
  }
}

/** A figure's value as a CSV number: shares as percentages (82.5), the others as they are, rounded. */
export function csvMetricValue(value: number | null | undefined, unit: MetricUnit): number | null {
  return unit === 'share' ? csvPercent(value) : csvRound(value);
}

/** The reps side by side: name, composite, then every figure toned by the rep's percentile. */
export function teamColumns(view: ScorecardView, currency: string | null, minSample: number) {
  return [
    column.accessor('name', {
      header: 'Rep',
      meta: {
        csvColumns: [
          { header: 'Rep', value: (row) => row.name },
          { header: 'Role', value: (row) => row.role },
          { header: 'Team', value: (row) => row.team },
        ],
      },
      cell: (info) => (
        <span className="team-rep">
          <Link to={repScorecardLink(info.row.original.id, { ...view, teams: [] })} className="rep-link">
            {info.getValue()}
          </Link>
          <span className="team-rep-detail">
            {[info.row.original.role, info.row.original.team].filter(Boolean).join(' · ')}
          </span>
        </span>
      ),
    }),
    column.accessor((row) => row.composite.score ?? undefined, {
      id: 'composite',
      header: 'Score',
      cell: (info) => {
        const row = info.row.original;
        const delta =
          row.composite.score === null || row.previousComposite === null
            ? null
            : row.composite.score - row.previousComposite;
        return (
          <span
            className="team-score"
            title={`Composite score out of 100${delta === null ? '' : `, ${delta >= 0 ? '+' : '−'}${Math.abs(Math.round(delta))} on the previous period`}`}
          >
            <ScoreBadge score={row.composite.score} />
            {delta !== null && Math.round(delta) !== 0 && (
              <span className={delta > 0 ? 'team-score-delta up' : 'team-score-delta down'}>
                {delta > 0 ? '↑' : '↓'}
                {Math.abs(Math.round(delta))}
              </span>
            )}
          </span>
        );
      },
      sortUndefined: 'last',
      sortDescFirst: true,
      meta: {
        numeric: true,
        csvColumns: [
          { header: 'Score', value: (row) => csvRound(row.composite.score, 1) },
          {
            header: 'Score change',
            value: (row) =>
              row.composite.score === null || row.previousComposite === null
                ? null
                : csvRound(row.composite.score - row.previousComposite, 1),
          },
        ],
      },
    }),
    ...scorecardMetricKeys.map((key) => {
      const def = metricDefinition(key);
      return column.accessor((row) => row.values[key].value ?? undefined, {
        id: key,
        header: () => <span title={`${def.label}: ${def.definition}`}>{shortLabels[key]}</span>,
        cell: (info) => {
          const value = info.row.original.values[key];
          if (value.value === null) return <span className="muted">{EMPTY}</span>;
          const tone = value.enough ? scoreTone(value.percentile) : 'none';
          const title = `${def.label}: ${formatValue(value.value, def.unit, currency)} · ${formatPercentile(value.percentile)} · ${plural(value.sample, def.sampleOne, def.sampleNoun)}${
            value.enough || def.basis !== 'deals' ? '' : ` (under ${minSample}, not ranked)`
          }`;
          return (
            <span className={`team-cell team-cell-${tone}`} title={title}>
              {formatCell(value.value, def.unit, currency)}
            </span>
          );
        },
        sortUndefined: 'last',
        sortDescFirst: def.direction === 'higher',
        meta: {
          numeric: true,
          csvHeader: `${shortLabels[key]}${csvUnitSuffix(def.unit, currency, shortLabels[key])}`,
          csv: (row: TeamRepRow) => csvMetricValue(row.values[key].value, def.unit),
        },
      });
    }),
  ];
}
