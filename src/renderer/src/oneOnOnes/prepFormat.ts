import type { FigureChange } from '@shared/oneOnOnes/figures';
import type { RuleVerdict } from '@shared/oneOnOnes/rules';
import type { CommitmentStatus, PrepScorecardFigure } from '@shared/oneOnOnes/types';
import { EMPTY, formatCount, formatMoney, formatPercent } from '../format/format';

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A figure's value in its unit: "42%", "7", "45 d". */
export function formatFigure(unit: FigureChange['unit'], value: number | null): string {
  if (value === null) return EMPTY;
  if (unit === 'share') return formatPercent(value);
  if (unit === 'days') return `${oneDecimal.format(value)} d`;
  return formatCount(value);
}

/** A change in its unit, signed: "+6 pts", "−2", "+3.5 d". */
export function formatDelta(
  unit: FigureChange['unit'] | PrepScorecardFigure['unit'],
  delta: number | null,
): string {
  if (delta === null) return EMPTY;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  switch (unit) {
    case 'share':
      return `${sign}${Math.round(size * 100)} pts`;
    case 'days':
      return `${sign}${oneDecimal.format(size)} d`;
    case 'money_per_day':
      return `${sign}${formatMoney(size, null)} /day`;
    case 'percent':
      return `${sign}${oneDecimal.format(size)} pts`;
    case 'score':
      return `${sign}${oneDecimal.format(size)}`;
    default:
      return `${sign}${formatCount(size)}`;
  }
}

/** A scorecard figure's value in its unit. */
export function formatScorecardValue(unit: PrepScorecardFigure['unit'], value: number | null): string {
  if (value === null) return EMPTY;
  switch (unit) {
    case 'share':
      return formatPercent(value);
    case 'days':
      return `${oneDecimal.format(value)} d`;
    case 'money_per_day':
      return `${formatMoney(value, null)} /day`;
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'score':
      return `${oneDecimal.format(value)} / 5`;
  }
}

export const verdictLabels: Record<RuleVerdict, string> = {
  met: 'Met by the data',
  not_met: 'Not met by the data',
  on_track: 'On track',
  behind: 'Behind',
  no_data: 'No data yet',
};

export const statusLabels: Record<CommitmentStatus, string> = {
  open: 'Open',
  met: 'Met',
  not_met: 'Not met',
  dropped: 'Dropped',
};

/** The tone class of a verdict or status chip. */
export function toneOf(value: RuleVerdict | CommitmentStatus): 'good' | 'bad' | 'warn' | 'neutral' {
  switch (value) {
    case 'met':
    case 'on_track':
      return 'good';
    case 'not_met':
      return 'bad';
    case 'behind':
      return 'warn';
    default:
      return 'neutral';
  }
}

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "19 Nov" (this year) or "19 Nov 2025", for a YYYY-MM-DD date, without shifting its day. */
export function formatDay(date: string | null, today?: string): string {
  if (!date) return EMPTY;
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const local = new Date(y, m - 1, d);
  return today && today.slice(0, 4) === date.slice(0, 4)
    ? dayMonth.format(local)
    : dayMonthYear.format(local);
}

/** "Nov 25" for an instant, in the user's time zone. */
export function formatShortDate(ms: number): string {
  return dayMonth.format(ms);
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "today", "yesterday", "8 days ago". */
export function agoLabel(from: string, today: string): string {
  const days = daysBetween(from, today);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** The Execution drill-down listing a rep's late and missed actions of one kind over a period. */
export function executionLink(drill: {
  from: string;
  to: string;
  repId: number;
  stageKey: string;
  actionKey: string;
}): string {
  const params = new URLSearchParams({ period: 'custom', from: drill.from, to: drill.to });
  params.set('drill', '');
  params.set('rep', String(drill.repId));
  params.set('stage', drill.stageKey);
  params.set('action', drill.actionKey);
  params.append('show', 'late');
  params.append('show', 'missed');
  return `#/execution?${params.toString()}`;
}

/** The YYYY-MM-DD date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
