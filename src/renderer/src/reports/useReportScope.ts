import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DealFacets } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { type Action, useAction } from '../data/useAction';
import { type ApiQuery, useApiQuery } from '../data/useApiQuery';
import { type DateRange, isoDayOf } from './periodPresets';
import { type ReportFilter, type ReportFilters, toReportFilter, viewRange } from './reportFilters';

export type ReportChange<V> = (change: Partial<V>, options?: { replace?: boolean }) => void;

/** How a screen keeps its view in the URL query. */
export type ViewQuery<V> = {
  read: (params: URLSearchParams) => V;
  write: (view: V) => URLSearchParams;
};

export type ReportScope<V> = {
  view: V;
  onChange: ReportChange<V>;
  range: DateRange | { problem: string };
  /** The report input, or null while the custom period is incomplete. */
  filter: ReportFilter | null;
  facets: ApiQuery<DealFacets>;
  versions: ApiQuery<WorkflowVersionSummary[]>;
  /** The version the reports read: the one in the URL, or the current one. */
  selected: WorkflowVersionSummary | undefined;
  /** The URL names a version this workspace does not have. */
  unknownVersion: boolean;
  evaluate: Action<[]>;
};

/**
 * The filters, workflow versions and "evaluate this version" action the report screens share.
 * `read` and `write` must be module functions: the view is read again only when the URL changes.
 */
export function useReportScope<V extends ReportFilters>({ read, write }: ViewQuery<V>): ReportScope<V> {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const view = useMemo(() => read(new URLSearchParams(paramsKey)), [read, paramsKey]);
  const onChange = useCallback<ReportChange<V>>(
    (change, options) => setParams((current) => write({ ...read(current), ...change }), options),
    [setParams, read, write],
  );
  // Noon, so that a period never shifts by a day around midnight or a clock change.
  const todayKey = isoDayOf(new Date());
  const range = useMemo(() => viewRange(view, new Date(`${todayKey}T12:00:00`)), [view, todayKey]);
  const filter = useMemo(() => ('problem' in range ? null : toReportFilter(view, range)), [view, range]);

  const facets = useApiQuery(() => api.deals.facets({}), []);
  const versions = useApiQuery(() => api.workflow.versions({}), []);
  const selected = versions.data?.find((v) =>
    view.versionId === null ? v.isCurrent : v.id === view.versionId,
  );
  const unknownVersion = view.versionId !== null && versions.data !== undefined && !selected;
  const evaluate = useAction(
    useCallback(async () => {
      await api.evaluation.refresh(view.versionId === null ? {} : { versionId: view.versionId });
      invalidateData();
    }, [view.versionId]),
  );
  return { view, onChange, range, filter, facets, versions, selected, unknownVersion, evaluate };
}

/** The last answer seen, kept on screen while the next one loads so the page does not jump. */
export function useKept<T>(value: T | undefined): T | undefined {
  const [kept, setKept] = useState(value);
  if (value !== undefined && value !== kept) setKept(value);
  return value ?? kept;
}
