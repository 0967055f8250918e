import type { DealStatus } from '@shared/domain/types';
import {
  type DateRange,
  type PeriodChoice,
  type PeriodPreset,
  isIsoDay,
  periodPresets,
  presetRange,
} from './periodPresets';

/**
 * The filters every report screen shares, as they live in the URL query:
 * `?period=custom&from=2026-01-01&to=2026-03-31&version=2&team=North&owner=5`. Presets compute
 * their dates from today; custom periods carry `from` and `to` as local calendar days (YYYY-MM-DD).
 * Each screen picks its own default period and adds its own parameters around these.
 */
export type ReportFilters = {
  period: PeriodChoice;
  /** The custom period's dates; presets compute theirs from today. */
  from: string;
  to: string;
  /** null: the current workflow version. */
  versionId: number | null;
  teams: string[];
  ownerIds: number[];
};

/** Which deals a report draws: all of them, or only those now won, lost or open. */
export type OutcomeChoice = DealStatus | null;

/** The report API input: a period, and the version, teams and reps when they are picked. */
export type ReportFilter = {
  from: string;
  to: string;
  versionId?: number;
  teams?: string[];
  ownerIds?: number[];
};

const choices: readonly string[] = [...periodPresets.map((p) => p.value), 'custom'];
const outcomes: readonly string[] = ['won', 'lost', 'open'];

/** A positive whole number from a query parameter, or null. */
export function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

/** Reads the shared filters; anything missing or malformed falls back to `defaultPeriod` and no filter. */
export function readReportFilters(params: URLSearchParams, defaultPeriod: PeriodPreset): ReportFilters {
  const period = params.get('period') ?? '';
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isIsoDay(value) ? value : '';
  };
  return {
    period: choices.includes(period) ? (period as PeriodChoice) : defaultPeriod,
    from: day('from'),
    to: day('to'),
    versionId: positiveInt(params.get('version')),
    teams: [...new Set(params.getAll('team').filter(Boolean))],
    ownerIds: [
      ...new Set(
        params
          .getAll('owner')
          .map((id) => positiveInt(id))
          .filter((id) => id !== null),
      ),
    ],
  };
}

/** The `outcome` parameter: won, lost or open, or null for every deal. */
export function readOutcome(params: URLSearchParams): OutcomeChoice {
  const outcome = params.get('outcome') ?? '';
  return outcomes.includes(outcome) ? (outcome as DealStatus) : null;
}

/** Writes the shared filters, leaving out what equals the default; reps only where a screen has them. */
export function writeReportFilters(
  filters: Omit<ReportFilters, 'ownerIds'> & { ownerIds?: number[] },
  defaultPeriod: PeriodPreset,
): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period !== defaultPeriod) params.set('period', filters.period);
  if (filters.period === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  if (filters.versionId !== null) params.set('version', String(filters.versionId));
  for (const team of filters.teams) params.append('team', team);
  for (const id of filters.ownerIds ?? []) params.append('owner', String(id));
  return params;
}

/** True when a team or rep narrows the figures (the period and version always apply). */
export function hasPeopleFilter(filters: Pick<ReportFilters, 'teams' | 'ownerIds'>): boolean {
  return filters.teams.length > 0 || filters.ownerIds.length > 0;
}

/** The dates the filters cover, or a sentence saying why a custom period cannot be used yet. */
export function viewRange(
  filters: Pick<ReportFilters, 'period' | 'from' | 'to'>,
  today: Date,
): DateRange | { problem: string } {
  if (filters.period !== 'custom') return presetRange(filters.period, today);
  if (!filters.from || !filters.to)
    return { problem: 'Pick both a start and an end date for the custom period.' };
  if (filters.to < filters.from) return { problem: 'The custom period ends before it starts.' };
  return { from: filters.from, to: filters.to };
}

/** The report API input: the period, the version when one is picked, and the team and rep filters. */
export function toReportFilter(
  filters: Pick<ReportFilters, 'versionId' | 'teams'> & { ownerIds?: number[] },
  range: DateRange,
): ReportFilter {
  const filter: ReportFilter = { from: range.from, to: range.to };
  if (filters.versionId !== null) filter.versionId = filters.versionId;
  if (filters.teams.length) filter.teams = filters.teams;
  if (filters.ownerIds?.length) filter.ownerIds = filters.ownerIds;
  return filter;
}
