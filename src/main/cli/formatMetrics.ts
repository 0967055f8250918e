import { conversionNote } from '@shared/money/rates';
import type { MetricsReport } from '../engine/queries/metrics';

const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const days = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

/** The metrics report as an aligned plain-text table for a terminal. */
export function formatMetricsTable(report: MetricsReport): string {
  const currency = report.money.corporate;
  const header = [
    'Rep',
    'Won',
    'Lost',
    'Win rate',
    'Median cycle (d)',
    currency ? `Won amount (${currency})` : 'Won amount',
  ];
  const rows = report.reps.map((rep) => [
    rep.name,
    String(rep.won),
    String(rep.lost),
    percent(rep.winRate),
    days(rep.medianCycleDays),
    rep.wonAmount === null
      ? `— (no rate for ${rep.missingRates?.join(', ')})`
      : Math.round(rep.wonAmount).toLocaleString('en-US'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const { counts } = report;
  return [
    `Period ${report.period.from} to ${report.period.to} (UTC)`,
    `Workspace: ${counts.reps} reps, ${counts.deals} deals, ${counts.stageEvents} stage visits, ${counts.activities} activities`,
    ...(report.withoutHistory.deals > 0
      ? [
          `Data trust: ${report.withoutHistory.deals} deal(s) in the period have no stage history in their file; ` +
            `${report.withoutHistory.closed} closed one(s) count by Close Date, and the stage figures leave them out.`,
        ]
      : []),
    ...(conversionNote(report.money) ? [`Currency: ${conversionNote(report.money)}`] : []),
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
