import { useMemo } from 'react';
import type { ReportPeriodInput } from '@shared/api/contract';
import type { ComplianceReport } from '@shared/evaluation/views';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatCount, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Drawer, DrawerLoading } from '../ui/Drawer';
import { complianceLabels } from './ComplianceBadge';
import { type CountedStatus, type Drill, countedStatuses } from './executionView';
import { drillColumns } from './drillColumns';
import './drilldown.css';

export type ComplianceDrilldownProps = {
  input: ReportPeriodInput;
  /** Names the panel's title from the report's reps, stages and actions. */
  report: ComplianceReport | undefined;
  rangeLabel: string;
  drill: Drill;
  show: CountedStatus[];
  onShow: (show: CountedStatus[]) => void;
  onClose: () => void;
};

/** A side panel listing the actions behind a figure, each with its deal, verdict, times and reason. */
export function ComplianceDrilldown({
  input,
  report,
  rangeLabel,
  drill,
  show,
  onShow,
  onClose,
}: ComplianceDrilldownProps) {
  const query = { ...input, ...definedDrill(drill) };
  const rows = useApiQuery(() => api.reports.complianceDeals(query), [query]);

  const counts = useMemo(() => {
    const byStatus = new Map<string, number>();
    for (const row of rows.data ?? []) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
    return byStatus;
  }, [rows.data]);
  const shown = useMemo(
    () =>
      show.length ? (rows.data ?? []).filter((r) => show.includes(r.status as CountedStatus)) : rows.data,
    [rows.data, show],
  );
  const columns = useMemo(
    () => drillColumns(drill.repId === null, drill.actionKey === null),
    [drill.repId, drill.actionKey],
  );
  const title = drillTitle(drill, report);
  // The panel lists the latest 2,000 actions; the CSV holds every one, with the same statuses shown.
  const exportAll = async () => {
    const all = await api.reports.complianceDeals({ ...query, all: true });
    return show.length ? all.filter((r) => show.includes(r.status as CountedStatus)) : all;
  };
  const toggle = (status: CountedStatus) =>
    onShow(show.includes(status) ? show.filter((s) => s !== status) : [...show, status]);

  return (
    <Drawer
      title={title}
      subtitle={
        <>
          Actions due {rangeLabel}
          {input.teams?.length ? ` · ${input.teams.join(', ')}` : ''}
          {report ? ` · workflow version ${report.version}` : ''}
        </>
      }
      className="drawer-compliance"
      testId="drilldown"
      onClose={onClose}
      toolbar={
        <>
          <span className="field-label" id="drill-status-label">
            Show
          </span>
          <div className="segmented" role="group" aria-labelledby="drill-status-label">
            <button
              type="button"
              className="segment"
              aria-pressed={show.length === 0}
              onClick={() => onShow([])}
            >
              All <span className="segment-count">{formatCount(rows.data?.length ?? 0)}</span>
            </button>
            {countedStatuses.map((status) => (
              <button
                key={status}
                type="button"
                className={`segment segment-c-${status}`}
                aria-pressed={show.includes(status)}
                onClick={() => toggle(status)}
              >
                {complianceLabels[status]}{' '}
                <span className="segment-count">{formatCount(counts.get(status) ?? 0)}</span>
              </button>
            ))}
          </div>
          {shown && (
            <span className="drawer-count" aria-live="polite">
              {plural(shown.length, 'action')}
            </span>
          )}
        </>
      }
    >
      {rows.error && (
        <ErrorBanner title="The actions could not be loaded" message={rows.error} onRetry={rows.reload} />
      )}
      {shown ? (
        <DataTable
          label={title}
          data={shown}
          columns={columns}
          initialSorting={[{ id: 'status', desc: false }]}
          emptyMessage={
            rows.data?.length ? 'No action has the statuses chosen above.' : 'No action came due here.'
          }
          rowTestId="drill-row"
          exportName={`Actions ${title}`}
          exportAllRows={exportAll}
        />
      ) : (
        !rows.error && <DrawerLoading label="Loading the actions" />
      )}
    </Drawer>
  );
}

function definedDrill(drill: Drill): { repId?: number; stageKey?: string; actionKey?: string } {
  const out: { repId?: number; stageKey?: string; actionKey?: string } = {};
  if (drill.repId !== null) out.repId = drill.repId;
  if (drill.stageKey !== null) out.stageKey = drill.stageKey;
  if (drill.actionKey !== null) out.actionKey = drill.actionKey;
  return out;
}

/** "Tom Becker · Discovery", "Call within 2 hours · Lead", or "All actions". */
function drillTitle(drill: Drill, report: ComplianceReport | undefined): string {
  const rep =
    report?.reps.find((r) => r.id === drill.repId)?.name ??
    (drill.repId !== null ? `Rep ${drill.repId}` : null);
  const stage = report?.stages.find((s) => s.key === drill.stageKey)?.name ?? drill.stageKey;
  const action =
    report?.actions.find((a) => a.actionKey === drill.actionKey && a.stageKey === drill.stageKey)?.label ??
    drill.actionKey;
  const parts = [rep, action, stage].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'All actions';
}
