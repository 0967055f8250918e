import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DealFacets } from '@shared/domain/types';
import type { WorkflowVersionSummary } from '@shared/evaluation/views';
import type { ScorecardScopeInput } from '@shared/scorecards/inputs';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { type Action, useAction } from '../data/useAction';
import { type ApiQuery, useApiQuery } from '../data/useApiQuery';
import { isoDayOf } from '../reports/periodPresets';
import { type ScorecardView, readScorecardView, writeScorecardView } from './scorecardView';

export type ScorecardChange = (change: Partial<ScorecardView>, options?: { replace?: boolean }) => void;

export type ScorecardScope = {
  view: ScorecardView;
  onChange: ScorecardChange;
  /** The scorecard API input: the period containing the view's day (today by default). */
  input: ScorecardScopeInput;
  today: string;
  facets: ApiQuery<DealFacets>;
  versions: ApiQuery<WorkflowVersionSummary[]>;
  selected: WorkflowVersionSummary | undefined;
  unknownVersion: boolean;
  evaluate: Action<[]>;
};

/** The period, teams and workflow version of a scorecard screen, kept in the URL. */
export function useScorecardScope(): ScorecardScope {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const view = useMemo(() => readScorecardView(new URLSearchParams(paramsKey)), [paramsKey]);
  const onChange = useCallback<ScorecardChange>(
    (change, options) =>
      setParams((current) => {
        const next = writeScorecardView({ ...readScorecardView(current), ...change });
        // The evidence list keeps its own parameters around the scope.
        for (const key of ['metric', 'rep', 'from', 'to'])
          for (const value of current.getAll(key)) if (!(key in change)) next.append(key, value);
        return next;
      }, options),
    [setParams],
  );
  const today = isoDayOf(new Date());
  const input = useMemo<ScorecardScopeInput>(
    () => ({
      kind: view.kind,
      anchor: view.at ?? today,
      ...(view.versionId !== null ? { versionId: view.versionId } : {}),
      ...(view.teams.length ? { teams: view.teams } : {}),
    }),
    [view, today],
  );
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
  return { view, onChange, input, today, facets, versions, selected, unknownVersion, evaluate };
}
