import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ImportBatchView } from '@shared/import/types';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { useApiQuery } from '../data/useApiQuery';
import { EMPTY, formatCount, formatDateTime, plural } from '../format/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DataTable } from '../ui/DataTable';
import { ErrorBanner } from '../ui/ErrorBanner';
import { localCsvDateTime } from '../ui/csvCells';
import { countTotals } from './importRequest';

const column = createColumnHelper<ImportBatchView>();

function changes(batch: ImportBatchView): string {
  if (!batch.counts) return EMPTY;
  const totals = countTotals(batch.counts);
  return `${formatCount(totals.new)} new · ${formatCount(totals.changed)} changed`;
}

function historyColumns(onUndo: (batch: ImportBatchView) => void) {
  return [
    column.accessor('label', {
      header: 'Import',
      cell: (info) => <span className="batch-label">{info.getValue()}</span>,
    }),
    column.accessor((batch) => batch.files.length, {
      id: 'files',
      header: 'Files',
      cell: (info) =>
        info.getValue() === 0 ? (
          EMPTY
        ) : (
          <span title={info.row.original.files.join('\n')}>{plural(info.getValue(), 'file')}</span>
        ),
      meta: {
        numeric: true,
        csvColumns: [
          { header: 'Files', value: (batch) => batch.files.length },
          { header: 'File names', value: (batch) => batch.files.join('; ') },
        ],
      },
    }),
    column.accessor('startedAt', {
      header: 'Imported',
      cell: (info) => formatDateTime(info.getValue()),
      sortDescFirst: true,
      meta: { csv: (batch) => localCsvDateTime(batch.startedAt) },
    }),
    column.accessor((batch) => (batch.counts ? countTotals(batch.counts).new : undefined), {
      id: 'changes',
      header: 'Changes',
      cell: (info) => changes(info.row.original),
      sortUndefined: 'last',
      sortDescFirst: true,
      meta: {
        csvColumns: [
          { header: 'New', value: (batch) => (batch.counts ? countTotals(batch.counts).new : null) },
          { header: 'Changed', value: (batch) => (batch.counts ? countTotals(batch.counts).changed : null) },
        ],
      },
    }),
    column.accessor('status', {
      header: 'Status',
      meta: { csv: (batch) => (batch.status === 'applied' ? 'Applied' : 'Undone') },
      cell: (info) =>
        info.getValue() === 'applied' ? (
          <span className="badge badge-applied">Applied</span>
        ) : (
          <span className="badge badge-undone">Undone</span>
        ),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const batch = info.row.original;
        if (batch.source === 'demo')
          return batch.status === 'applied' ? (
            <span className="muted batch-note">
              Remove demo data on <Link to="/">Overview</Link>
            </span>
          ) : null;
        if (batch.canUndo)
          return (
            <button type="button" className="btn btn-small" onClick={() => onUndo(batch)}>
              Undo
            </button>
          );
        return batch.status === 'applied' ? (
          <span className="muted batch-note" title="Imports are undone newest first.">
            Undo the newer import first
          </span>
        ) : null;
      },
    }),
  ];
}

export type ImportHistoryProps = {
  /** Called after an undo, so a preview on screen counts against the restored workspace. */
  onUndone?: () => void;
};

/** Every import batch, newest first; the latest one can be undone as a whole. */
export function ImportHistory({ onUndone }: ImportHistoryProps) {
  const history = useApiQuery(() => api.import.history({}), []);
  const [confirming, setConfirming] = useState<ImportBatchView | null>(null);
  const undo = useAction(
    useCallback(async (batchId: number) => {
      await api.import.undo({ batchId });
      invalidateData();
    }, []),
  );
  const columns = useMemo(() => historyColumns(setConfirming), []);
  const totals = confirming?.counts ? countTotals(confirming.counts) : null;

  return (
    <section className="card history-card" aria-labelledby="import-history-title">
      <div className="card-header">
        <h2 id="import-history-title" className="card-title">
          Import history
        </h2>
        <span className="card-subtitle">
          Every import is one batch; undo puts the workspace back as it was before it.
        </span>
      </div>
      {history.error && (
        <div className="card-body">
          <ErrorBanner
            title="The import history could not be loaded"
            message={history.error}
            onRetry={history.reload}
          />
        </div>
      )}
      {undo.error && (
        <div className="card-body">
          <ErrorBanner title="The import was not undone" message={undo.error} onDismiss={undo.clearError} />
        </div>
      )}
      {history.data ? (
        <DataTable
          label="Import history"
          data={history.data}
          columns={columns}
          initialSorting={[{ id: 'startedAt', desc: true }]}
          emptyMessage="No imports yet. Each import you apply appears here and can be undone."
          rowTestId="import-batch-row"
        />
      ) : (
        !history.error && (
          <div className="card-body history-loading" aria-busy="true" aria-label="Loading the import history">
            {Array.from({ length: 3 }, (_, i) => (
              <span key={i} className="skeleton-bar" />
            ))}
          </div>
        )
      )}
      <ConfirmDialog
        open={confirming !== null}
        title="Undo this import?"
        confirmLabel="Undo import"
        danger
        busy={undo.busy}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (!confirming) return;
          void undo.run(confirming.id).then((ok) => {
            setConfirming(null);
            if (ok) onUndone?.();
          });
        }}
      >
        <p>
          This restores the workspace to how it was just before <strong>{confirming?.label}</strong>
          {confirming ? ` (${formatDateTime(confirming.startedAt)})` : ''}.
        </p>
        <p>
          {totals
            ? `The ${plural(totals.new, 'record')} it added are removed and the ${plural(totals.changed, 'record')} it changed get their earlier values back.`
            : 'The records it added are removed and the ones it changed get their earlier values back.'}
        </p>
        <p className="muted">The files themselves are not touched; you can import them again later.</p>
      </ConfirmDialog>
    </section>
  );
}
