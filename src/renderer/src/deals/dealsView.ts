import type { DealsListInput } from '@shared/api/contract';
import { type DealSortKey, type DealStatus, dealSortKeys } from '@shared/domain/types';
import { localDayEnd, localDayStart } from '../format/format';

/**
 * What the Deals screen shows, as it lives in the URL query: `?q=acme&status=won&owner=3&sort=-amount`.
 * Lists repeat their parameter; dates are local calendar days (YYYY-MM-DD).
 */
export type DealsView = {
  search: string;
  ownerIds: number[];
  stageKeys: string[];
  statuses: DealStatus[];
  teams: string[];
  createdFrom: string;
  createdTo: string;
  sort: DealSort;
};

export type DealSort = { key: DealSortKey; desc: boolean };

/** The order the engine uses when none is asked for: newest deals first. */
export const defaultSort: DealSort = { key: 'createdAt', desc: true };

const statuses: readonly DealStatus[] = ['open', 'won', 'lost'];
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function readSort(value: string | null): DealSort {
  if (!value) return defaultSort;
  const desc = value.startsWith('-');
  const key = desc ? value.slice(1) : value;
  return (dealSortKeys as readonly string[]).includes(key) ? { key: key as DealSortKey, desc } : defaultSort;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function readDealsView(params: URLSearchParams): DealsView {
  const day = (name: string): string => {
    const value = params.get(name) ?? '';
    return isoDay.test(value) ? value : '';
  };
  return {
    search: params.get('q') ?? '',
    ownerIds: unique(
      params
        .getAll('owner')
        .map(Number)
        .filter((id) => Number.isInteger(id) && id > 0),
    ),
    stageKeys: unique(params.getAll('stage').filter(Boolean)),
    statuses: unique(
      params.getAll('status').filter((s): s is DealStatus => statuses.includes(s as DealStatus)),
    ),
    teams: unique(params.getAll('team').filter(Boolean)),
    createdFrom: day('from'),
    createdTo: day('to'),
    sort: readSort(params.get('sort')),
  };
}

export function writeDealsView(view: DealsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.search) params.set('q', view.search);
  for (const status of view.statuses) params.append('status', status);
  for (const id of view.ownerIds) params.append('owner', String(id));
  for (const team of view.teams) params.append('team', team);
  for (const key of view.stageKeys) params.append('stage', key);
  if (view.createdFrom) params.set('from', view.createdFrom);
  if (view.createdTo) params.set('to', view.createdTo);
  if (view.sort.key !== defaultSort.key || view.sort.desc !== defaultSort.desc)
    params.set('sort', `${view.sort.desc ? '-' : ''}${view.sort.key}`);
  return params;
}

/** True when any filter narrows the list (sorting does not). */
export function hasFilters(view: DealsView): boolean {
  return (
    view.search.trim() !== '' ||
    view.ownerIds.length > 0 ||
    view.stageKeys.length > 0 ||
    view.statuses.length > 0 ||
    view.teams.length > 0 ||
    view.createdFrom !== '' ||
    view.createdTo !== ''
  );
}

export function clearFilters(view: DealsView): DealsView {
  return {
    ...view,
    search: '',
    ownerIds: [],
    stageKeys: [],
    statuses: [],
    teams: [],
    createdFrom: '',
    createdTo: '',
  };
}

export type DealsQuery = Omit<DealsListInput, 'offset' | 'limit'>;

/** The API input for a view; dates cover whole local days. */
export function toDealsQuery(view: DealsView): DealsQuery {
  const query: DealsQuery = { sort: view.sort };
  const search = view.search.trim();
  if (search) query.search = search;
  if (view.ownerIds.length) query.ownerIds = view.ownerIds;
  if (view.stageKeys.length) query.stageKeys = view.stageKeys;
  if (view.statuses.length) query.statuses = view.statuses;
  if (view.teams.length) query.teams = view.teams;
  const from = view.createdFrom ? localDayStart(view.createdFrom) : undefined;
  const to = view.createdTo ? localDayEnd(view.createdTo) : undefined;
  if (from !== undefined) query.createdFrom = from;
  if (to !== undefined) query.createdTo = to;
  return query;
}
