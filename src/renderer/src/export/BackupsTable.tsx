import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { BackupEntry } from '@shared/backup/types';
import { EMPTY, formatDate, formatDateTime } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { Icon } from '../ui/Icon';
import { formatBytes, formatRows, reasonLabels } from './backupFormat';

const column = createColumnHelper<BackupEntry>();
// Seconds tell apart backups taken minutes apart, as before-restore ones often are.
const takenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export type BackupsTableProps = {
  backups: BackupEntry[];
  /** The backup being checked or opened for a restore: its button shows it, the others wait. */
  busy: { name: string; action: 'check' | 'restore' } | null;
  onVerify: (backup: BackupEntry) => void;
  onRestore: (backup: BackupEntry) => void;
};

function CheckCell({ backup }: { backup: BackupEntry }) {
  const { check, problem } = backup;
  if (check && !check.ok)
    return (
      <span className="backup-check backup-check-bad" title={check.message}>
        <Icon name="alert" size={13} /> Failed {formatDate(check.checkedAt)}
      </span>
    );
  if (problem)
    return (
      <span className="backup-check backup-check-bad" title={problem}>
        <Icon name="alert" size={13} /> Unreadable
      </span>
    );
  if (check)
    return (
      <span className="backup-check backup-check-ok" title={check.message}>
        <Icon name="check" size={13} /> {formatDateTime(check.checkedAt)}
      </span>
    );
  return <span className="muted">Not checked yet</span>;
}

function backupColumns({ busy, onVerify, onRestore }: Omit<BackupsTableProps, 'backups'>) {
  return [
    column.accessor('createdAt', {
      header: 'Taken',
      cell: (info) => <span title={info.row.original.name}>{takenFormat.format(info.getValue())}</span>,
      sortDescFirst: true,
    }),
    column.accessor('reason', {
      header: 'Kind',
      cell: (info) => (
        <span className={`badge badge-plain backup-reason backup-reason-${info.getValue()}`}>
          {reasonLabels[info.getValue()]}
        </span>
      ),
    }),
    column.accessor('sizeBytes', {
      header: 'Size',
      cell: (info) => formatBytes(info.getValue()),
      meta: { numeric: true },
      sortDescFirst: true,
    }),
    column.accessor((backup) => backup.contents?.schemaVersion, {
      id: 'schema',
      header: 'Schema',
      cell: (info) => (info.getValue() === undefined ? EMPTY : `v${info.getValue()}`),
      meta: { numeric: true },
      sortUndefined: 'last',
    }),
    column.accessor((backup) => backup.contents?.counts.deals ?? undefined, {
      id: 'deals',
      header: 'Deals',
      cell: (info) => formatRows(info.getValue()),
      meta: { numeric: true },
      sortUndefined: 'last',
      sortDescFirst: true,
    }),
    column.accessor((backup) => backup.contents?.counts.activities ?? undefined, {
      id: 'activities',
      header: 'Activities',
      cell: (info) => formatRows(info.getValue()),
      meta: { numeric: true },
      sortUndefined: 'last',
      sortDescFirst: true,
    }),
    column.accessor((backup) => backup.contents?.counts.observations ?? undefined, {
      id: 'observations',
      header: 'Observations',
      cell: (info) => formatRows(info.getValue()),
      meta: { numeric: true },
      sortUndefined: 'last',
      sortDescFirst: true,
    }),
    column.accessor((backup) => backup.contents?.newestDataAt ?? undefined, {
      id: 'newest',
      header: 'Data up to',
      cell: (info) => formatDate(info.getValue()),
      sortUndefined: 'last',
      sortDescFirst: true,
    }),
    column.accessor((backup) => backup.check?.checkedAt, {
      id: 'check',
      header: 'Last check',
      cell: (info) => <CheckCell backup={info.row.original} />,
      sortUndefined: 'last',
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const backup = info.row.original;
        const spinning = (action: 'check' | 'restore') =>
          busy?.name === backup.name &&
          busy.action === action && <span className="spinner" aria-hidden="true" />;
        return (
          <span className="backup-actions">
            <button
              type="button"
              className="btn btn-small btn-ghost"
              disabled={busy !== null}
              onClick={() => onVerify(backup)}
              aria-label={`Check ${backup.name}`}
              title="Run SQLite's integrity check on this file again"
            >
              {spinning('check')}
              Check
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy !== null || backup.contents === null}
              onClick={() => onRestore(backup)}
              aria-label={`Restore ${backup.name}`}
            >
              {spinning('restore')}
              Restore…
            </button>
          </span>
        );
      },
    }),
  ];
}

/** Every backup of the workspace, newest first, with what each holds and its last check. */
export function BackupsTable({ backups, busy, onVerify, onRestore }: BackupsTableProps) {
  const columns = useMemo(() => backupColumns({ busy, onVerify, onRestore }), [busy, onVerify, onRestore]);
  return (
    <DataTable
      label="Backups"
      labelledBy="backups-title"
      data={backups}
      columns={columns}
      initialSorting={[{ id: 'createdAt', desc: true }]}
      emptyMessage="No backups yet. Back up now, or leave automatic backups on: one is taken each day Stagecoach runs."
      rowTestId="backup-row"
      tableClassName="backups-table"
    />
  );
}
