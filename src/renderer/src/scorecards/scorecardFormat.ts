import type { Change } from '@shared/scorecards/benchmarks';
import type { MetricUnit } from '@shared/scorecards/metrics';
import { EMPTY, formatMoney, ordinal } from '../format/format';

const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percentOneDecimal = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A figure's value in its unit: "82%", "12.4 d", "$3,210/day", "8.5%", "3.6 / 5". */
export function formatValue(value: number | null, unit: MetricUnit, currency: string | null): string {
  if (value === null) return EMPTY;
  switch (unit) {
    case 'share':
      return percentOneDecimal.format(value);
    case 'days':
      return `${oneDecimal.format(value)} d`;
    case 'money_per_day':
      return `${formatMoney(value, currency)}/day`;
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'score':
      return `${oneDecimal.format(value)} / 5`;
  }
}

/** A value short enough for a table cell: "82%", "12.4", "3,210", "8.5%", "3.6". */
export function formatCell(value: number | null, unit: MetricUnit, currency: string | null): string {
  if (value === null) return EMPTY;
  switch (unit) {
    case 'share':
      return `${wholeNumber.format(value * 100)}%`;
    case 'days':
      return oneDecimal.format(value);
    case 'money_per_day':
      return compactMoney(value, currency);
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'score':
      return oneDecimal.format(value);
  }
}

/** "$8.9K", or "8.9K" without a known currency. */
function compactMoney(value: number, currency: string | null): string {
  try {
    return new Intl.NumberFormat(undefined, {
      notation: 'compact',
      maximumFractionDigits: Math.abs(value) >= 1000 ? 1 : 0,
      ...(currency ? { style: 'currency', currency } : {}),
    }).format(value);
  } catch {
    return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 0 }).format(value);
  }
}

/** The smallest change each unit shows: anything smaller reads as no change. */
const shownStep: Record<MetricUnit, number> = {
  share: 0.0005,
  days: 0.05,
  money_per_day: 0.5,
  percent: 0.05,
  score: 0.05,
};

/** True when a change is too small to show at the precision figures are shown with. */
export function isNoChange(delta: number, unit: MetricUnit): boolean {
  return Math.abs(delta) < shownStep[unit];
}

/** The change from the previous period with its sign: "+4.2 pts", "−1.5 d", "+$120/day". */
export function formatDelta(delta: number | null, unit: MetricUnit, currency: string | null): string {
  if (delta === null) return EMPTY;
  if (isNoChange(delta, unit)) return 'no change';
  const sign = delta > 0 ? '+' : '−';
  const size = Math.abs(delta);
  switch (unit) {
    case 'share':
      return `${sign}${oneDecimal.format(size * 100)} pts`;
    case 'days':
      return `${sign}${oneDecimal.format(size)} d`;
    case 'money_per_day':
      return `${sign}${formatMoney(size, currency)}/day`;
    case 'percent':
      return `${sign}${oneDecimal.format(size)} pts`;
    case 'score':
      return `${sign}${oneDecimal.format(size)}`;
  }
}

/** A percentile as a rank word: "63rd percentile"; the best and worst of the team said plainly. */
export function formatPercentile(percentile: number | null): string {
  if (percentile === null) return 'not ranked';
  if (percentile === 100) return 'best of the team';
  if (percentile === 0) return 'last in the team';
  return `${ordinal(Math.round(percentile))} percentile`;
}

/** A composite score out of 100. */
export function formatScore(score: number | null): string {
  return score === null ? EMPTY : wholeNumber.format(score);
}

/** The arrow and its meaning for a change, as the delta badge shows it. */
export function changeWords(change: Change | null): { arrow: string; label: string } {
  switch (change) {
    case 'better':
      return { arrow: '▲', label: 'better than the previous period' };
    case 'worse':
      return { arrow: '▼', label: 'worse than the previous period' };
    case 'same':
      return { arrow: '■', label: 'the same as the previous period' };
    default:
      return { arrow: '', label: 'no previous value to compare' };
  }
}

/** How the composite reads: strong, middle of the team, or behind it. */
export function scoreTone(score: number | null): 'good' | 'middle' | 'bad' | 'none' {
  if (score === null) return 'none';
  return score >= 65 ? 'good' : score >= 35 ? 'middle' : 'bad';
}
