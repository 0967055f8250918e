import type { DealStatus } from '@shared/domain/types';
import { defaultSort, writeDealsView } from '../deals/dealsView';
import {
  type DateRange,
  type PeriodChoice,
  type PeriodPreset,
  isIsoDay,
  periodPresets,
  presetRange,
} from '../execution/period';

/** Which deals the process map draws: all of them, or only those now won, lost or open. */
export type OutcomeChoice = DealStatus | null;

/**
 * What the Process map and Patterns screens show, as it lives in the URL query:
 * `?period=last-quarter&version=2&team=North&owner=5&outcome=lost`. Custom periods carry `from`
 * and `to` as local calendar days (YYYY-MM-DD). Patterns ignores the outcome.
 */
export type ReportView = {
  period: PeriodChoice;
  from: string;
  to: string;
  /** null: the current workflow version. */
  versionId: number | null;
  teams: string[];
  ownerIds: number[];
  outcome: OutcomeChoice;
};

export type ReportFilter = {
  from: string;
  to: string;
  versionId?: number;
  teams?: string[];
  ownerIds?: number[];
};

/** Paths and patterns need many deals to say anything: a year is the sensible first look. */
export const defaultPeriod: PeriodPreset = 'last-4-quarters';

const choices: readonly string[] = [...periodPresets.map((p) => p.value), 'custom'];
const outcomes: readonly string[] = ['won', 'lost', 'open'];

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

export function readReportView(params: URLSearchParams): ReportView {
  const period = params.get('period') ?? '';
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isIsoDay(value) ? value : '';
  };
  const outcome = params.get('outcome') ?? '';
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
    outcome: outcomes.includes(outcome) ? (outcome as DealStatus) : null,
  };
}

export function writeReportView(view: ReportView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.period !== defaultPeriod) params.set('period', view.period);
  if (view.period === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  }
  if (view.versionId !== null) params.set('version', String(view.versionId));
  for (const team of view.teams) params.append('team', team);
  for (const id of view.ownerIds) params.append('owner', String(id));
  if (view.outcome) params.set('outcome', view.outcome);
  return params;
}

/** True when a team or rep narrows the figures (the period and version always apply). */
export function hasPeopleFilter(view: ReportView): boolean {
  return view.teams.length > 0 || view.ownerIds.length > 0;
}

/** The dates the view covers, or a sentence saying why a custom period cannot be used yet. */
export function viewRange(view: ReportView, today: Date): DateRange | { problem: string } {
  if (view.period !== 'custom') return presetRange(view.period, today);
  if (!view.from || !view.to) return { problem: 'Pick both a start and an end date for the custom period.' };
  if (view.to < view.from) return { problem: 'The custom period ends before it starts.' };
  return { from: view.from, to: view.to };
}

/** The report API input: the period, the version when one is picked, and the team and rep filters. */
export function toReportFilter(view: ReportView, range: DateRange): ReportFilter {
  const filter: ReportFilter = { from: range.from, to: range.to };
  if (view.versionId !== null) filter.versionId = view.versionId;
  if (view.teams.length) filter.teams = view.teams;
  if (view.ownerIds.length) filter.ownerIds = view.ownerIds;
  return filter;
}

/**
 * The Deals screen narrowed to this view's reps and teams, to the deals now in `stageKey` and to
 * a status. The Deals screen filters on a deal's current stage and status, not on its path.
 */
export function dealsLink(view: ReportView, narrow: { stageKey?: string; status?: DealStatus }): string {
  const params = writeDealsView({
    search: '',
    ownerIds: view.ownerIds,
    teams: view.teams,
    stageKeys: narrow.stageKey ? [narrow.stageKey] : [],
    statuses: narrow.status ? [narrow.status] : [],
    createdFrom: '',
    createdTo: '',
    sort: defaultSort,
  });
  return `/deals?${params.toString()}`;
}
