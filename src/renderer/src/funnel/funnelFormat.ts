import type { StageMetric } from '@shared/metrics/stageMetrics';
import { EMPTY, formatCount, formatDays, formatPercent } from '../format/format';

const DAY_MS = 86_400_000;
const integerDays = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pointsFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Fractional days as "4.2 d"; "—" when there is no value. */
export function formatDayValue(days: number | null | undefined): string {
  return days === null || days === undefined ? EMPTY : formatDays(days * DAY_MS);
}

/** A histogram bucket as "< 1 d", "3–7 d" or "≥ 90 d". */
export function bucketLabel(bucket: { fromDays: number; toDays: number | null }): string {
  if (bucket.toDays === null) return `≥ ${integerDays.format(bucket.fromDays)} d`;
  if (bucket.fromDays === 0) return `< ${integerDays.format(bucket.toDays)} d`;
  return `${integerDays.format(bucket.fromDays)}–${integerDays.format(bucket.toDays)} d`;
}

/** A report month (YYYY-MM, in UTC as the engine groups them) as "Mar 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return monthFormat.format(Date.UTC(y, m - 1, 1));
}

/** Fractional hours as "1.3 h", under three minutes as "< 0.1 h"; "—" when there is no value. */
export function formatHourValue(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return EMPTY;
  if (hours > 0 && hours < 0.05) return `< ${oneDecimal.format(0.1)} h`;
  return `${oneDecimal.format(hours)} h`;
}

/** A percentage given in points (7.25 for 7.25 %) as "7.3%", one decimal always; "—" when there is no value. */
export function formatPercentPoints(points: number | null | undefined): string {
  return points === null || points === undefined ? EMPTY : pointsFormat.format(points / 100);
}

/** A stage metric in its unit: "1.3 h", "17.5 d", a share as "74%", a count as "12"; "—" when null. */
export function formatMetricValue(value: number | null, unit: StageMetric['unit']): string {
  if (value === null) return EMPTY;
  switch (unit) {
    case 'hours':
      return formatHourValue(value);
    case 'days':
      return formatDayValue(value);
    case 'share':
      return formatPercent(value);
    case 'percent':
      return formatPercentPoints(value);
    case 'count':
      return formatCount(value);
  }
}
