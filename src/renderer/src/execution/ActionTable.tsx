import { useCallback, useMemo } from 'react';
import type { ComplianceReport } from '@shared/evaluation/views';
import { DataTable } from '../ui/DataTable';
import { type ActionRow, actionColumns } from './actionColumns';
import type { Drill } from './executionView';

export type ActionTableProps = {
  report: ComplianceReport;
  drill: Drill | null;
  onDrill: (drill: Drill) => void;
};

/** Every required action with its counts, sortable; a row opens the deals behind it. */
export function ActionTable({ report, drill, onDrill }: ActionTableProps) {
  const data = useMemo<ActionRow[]>(() => {
    const order = new Map(report.stages.map((s, i) => [s.key, { i, name: s.name }]));
    return report.actions.map((a) => ({
      ...a,
      stageName: order.get(a.stageKey)?.name ?? a.stageKey,
      stageOrder: order.get(a.stageKey)?.i ?? report.stages.length,
    }));
  }, [report]);
  const open = useCallback(
    (row: ActionRow) => onDrill({ repId: null, stageKey: row.stageKey, actionKey: row.actionKey }),
    [onDrill],
  );
  const columns = useMemo(() => actionColumns(open), [open]);

  return (
    <section className="card" aria-labelledby="actions-heading">
      <div className="card-header">
        <h2 id="actions-heading" className="card-title">
          Required actions
        </h2>
        <span className="card-subtitle">Sort by any column; open an action to see its deals.</span>
      </div>
      <DataTable
        data={data}
        columns={columns}
        label="Required actions"
        labelledBy="actions-heading"
        tableClassName="action-table"
        initialSorting={[{ id: 'stageOrder', desc: false }]}
        emptyMessage="No required action came due in this period."
        rowTestId="action-row"
        onRowClick={open}
        isRowSelected={(row) => drill?.actionKey === row.actionKey && drill.stageKey === row.stageKey}
      />
    </section>
  );
}
