import type { DealStatus } from '@shared/domain/types';
import { writeDealsView } from '../deals/dealsView';
import {
  type DateRange,
  type PeriodChoice,
  type PeriodPreset,
  isIsoDay,
  periodPresets,
  presetRange,
} from '../execution/period';

/**
 * What the Funnel screen shows, as it lives in the URL query:
 * `?period=last-4-quarters&version=2&team=North&owner=5&stage=discovery`. Custom periods carry
 * `from` and `to` as local calendar days (YYYY-MM-DD); `stage` picks the time-in-stage stage.
 */
export type FunnelView = {
  period: PeriodChoice;
  from: string;
  to: string;
  /** null: the current workflow version. */
  versionId: number | null;
  teams: string[];
  ownerIds: number[];
  /** The stage whose time in stage is shown; null: the first one. */
  stageKey: string | null;
};

export type FunnelFilter = {
  from: string;
  to: string;
  versionId?: number;
  teams?: string[];
  ownerIds?: number[];
};

export const defaultPeriod: PeriodPreset = 'this-quarter';

const choices: readonly string[] = [...periodPresets.map((p) => p.value), 'custom'];

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

export function readFunnelView(params: URLSearchParams): FunnelView {
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
    stageKey: params.get('stage') || null,
  };
}

export function writeFunnelView(view: FunnelView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.period !== defaultPeriod) params.set('period', view.period);
  if (view.period === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  }
  if (view.versionId !== null) params.set('version', String(view.versionId));
  for (const team of view.teams) params.append('team', team);
  for (const id of view.ownerIds) params.append('owner', String(id));
  if (view.stageKey) params.set('stage', view.stageKey);
  return params;
}

/** True when a team or rep narrows the figures (the period and version always apply). */
export function hasPeopleFilter(view: FunnelView): boolean {
  return view.teams.length > 0 || view.ownerIds.length > 0;
}

/** The dates the view covers, or a sentence saying why a custom period cannot be used yet. */
export function viewRange(view: FunnelView, today: Date): DateRange | { problem: string } {
  if (view.period !== 'custom') return presetRange(view.period, today);
  if (!view.from || !view.to) return { problem: 'Pick both a start and an end date for the custom period.' };
  if (view.to < view.from) return { problem: 'The custom period ends before it starts.' };
  return { from: view.from, to: view.to };
}

/** The report API input: the period, the version when one is picked, and the team and rep filters. */
export function toFunnelFilter(view: FunnelView, range: DateRange): FunnelFilter {
  const filter: FunnelFilter = { from: range.from, to: range.to };
  if (view.versionId !== null) filter.versionId = view.versionId;
  if (view.teams.length) filter.teams = view.teams;
  if (view.ownerIds.length) filter.ownerIds = view.ownerIds;
  return filter;
}

/**
 * The Deals screen narrowed to this view's reps and teams, and to a stage and status when given,
 * longest in their stage first. The Deals screen filters on a deal's current stage, so this lists
 * the deals in a stage now.
 */
export function dealsLink(view: FunnelView, narrow: { stageKey?: string; statuses?: DealStatus[] }): string {
  const params = writeDealsView({
    search: '',
    ownerIds: view.ownerIds,
    teams: view.teams,
    stageKeys: narrow.stageKey ? [narrow.stageKey] : [],
    statuses: narrow.statuses ?? [],
    createdFrom: '',
    createdTo: '',
    sort: { key: 'lastStageChangeAt', desc: false },
  });
  return `/deals?${params.toString()}`;
}
