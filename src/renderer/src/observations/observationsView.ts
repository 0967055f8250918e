import type { ObservationListInput } from '@shared/coaching/observationViews';

/**
 * The list's filters as they live in the URL: `?coach=Hannah+Brooks&rep=3&stage=demo&tag=rogue+step&from=2026-10-01`.
 * Lists repeat their parameter; dates are calendar days (YYYY-MM-DD).
 */
export type ObservationsView = {
  coaches: string[];
  repIds: number[];
  stageKeys: string[];
  tags: string[];
  from: string;
  to: string;
};

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function readObservationsView(params: URLSearchParams): ObservationsView {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isoDay.test(value) ? value : '';
  };
  return {
    coaches: unique(params.getAll('coach').filter(Boolean)),
    repIds: unique(
      params
        .getAll('rep')
        .map(Number)
        .filter((id) => Number.isInteger(id) && id > 0),
    ),
    stageKeys: unique(params.getAll('stage').filter(Boolean)),
    tags: unique(params.getAll('tag').filter(Boolean)),
    from: day('from'),
    to: day('to'),
  };
}

export function writeObservationsView(view: ObservationsView): URLSearchParams {
  const params = new URLSearchParams();
  for (const coach of view.coaches) params.append('coach', coach);
  for (const id of view.repIds) params.append('rep', String(id));
  for (const key of view.stageKeys) params.append('stage', key);
  for (const tag of view.tags) params.append('tag', tag);
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  return params;
}

export function hasObservationFilters(view: ObservationsView): boolean {
  return (
    view.coaches.length + view.repIds.length + view.stageKeys.length + view.tags.length > 0 ||
    view.from !== '' ||
    view.to !== ''
  );
}

export const noObservationFilters: ObservationsView = {
  coaches: [],
  repIds: [],
  stageKeys: [],
  tags: [],
  from: '',
  to: '',
};

/** The engine query for the view; a reversed date range is read the way round that makes sense. */
export function toObservationsQuery(view: ObservationsView, limit: number): ObservationListInput {
  const [from, to] =
    view.from && view.to && view.from > view.to ? [view.to, view.from] : [view.from, view.to];
  return {
    ...(view.coaches.length ? { coaches: view.coaches } : {}),
    ...(view.repIds.length ? { repIds: view.repIds } : {}),
    ...(view.stageKeys.length ? { stageKeys: view.stageKeys } : {}),
    ...(view.tags.length ? { tags: view.tags } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    limit,
  };
}
