import type { RestoreCandidate } from '@shared/backup/types';
import { restoreSteps } from '@shared/backup/types';
import { useTaskProgress } from '../data/engineEvents';
import { formatDateTime } from '../format/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { countRows, formatBytes, formatRows } from './backupFormat';

export type RestoreDialogProps = {
  candidate: RestoreCandidate | null;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The restore's progress, step by step, while it runs. */
function RestoreProgress() {
  const progress = useTaskProgress('backups:restore');
  const current = progress?.done ?? 0;
  return (
    <ol className="restore-steps" aria-label="Restore progress" data-testid="restore-progress">
      {restoreSteps.map((step, index) => (
        <li
          key={step}
          className={
            index < current ? 'restore-step-done' : index === current ? 'restore-step-now' : undefined
          }
          aria-current={index === current ? 'step' : undefined}
        >
          {index === current && <span className="spinner" aria-hidden="true" />}
          {step.charAt(0).toUpperCase() + step.slice(1)}
        </li>
      ))}
    </ol>
  );
}

type CompareRow = { label: string; now: string; backup: string; differs: boolean };

function compareRows(candidate: RestoreCandidate): CompareRow[] {
  const rows: CompareRow[] = countRows.map(({ key, label }) => {
    const now = candidate.current.counts[key];
    const backup = candidate.contents.counts[key];
    return { label, now: formatRows(now), backup: formatRows(backup), differs: now !== backup };
  });
  rows.push({
    label: 'Data up to',
    now: formatDateTime(candidate.current.newestDataAt),
    backup: formatDateTime(candidate.contents.newestDataAt),
    differs: candidate.current.newestDataAt !== candidate.contents.newestDataAt,
  });
  rows.push({
    label: 'Schema version',
    now: `v${candidate.current.schemaVersion}`,
    backup: `v${candidate.contents.schemaVersion}`,
    differs: candidate.needsUpgrade,
  });
  return rows;
}

/**
 * Asks before a restore, showing what the backup holds beside what the workspace holds now, and
 * follows the restore's steps while it runs.
 */
export function RestoreDialog({ candidate, busy, error, onConfirm, onCancel }: RestoreDialogProps) {
  return (
    <ConfirmDialog
      open={candidate !== null}
      title="Restore this backup?"
      confirmLabel={busy ? 'Restoring…' : 'Restore backup'}
      danger
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {candidate && (
        <div className="restore-dialog" data-testid="restore-dialog">
          <p>
            <strong className="restore-label">{candidate.label}</strong>{' '}
            <span className="muted">· {formatBytes(candidate.sizeBytes)} · passed its integrity check</span>
          </p>
          <p>Everything in the workspace is replaced by what the backup holds:</p>
          <table className="restore-compare" aria-label="The workspace now and the backup">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">What</span>
                </th>
                <th scope="col" className="num">
                  Now in the workspace
                </th>
                <th scope="col" className="num">
                  In the backup
                </th>
              </tr>
            </thead>
            <tbody>
              {compareRows(candidate).map((row) => (
                <tr key={row.label} className={row.differs ? 'restore-differs' : undefined}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{row.now}</td>
                  <td className="num">{row.backup}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {candidate.needsUpgrade && (
            <p className="restore-note">
              The backup was written by an earlier version of Stagecoach (schema v
              {candidate.contents.schemaVersion}
              ); it is upgraded to v{candidate.current.schemaVersion} as it is restored.
            </p>
          )}
          <p className="muted">
            First, the workspace as it is now is saved as a backup (listed as “Before restore”), so this can
            be undone by restoring that one.
          </p>
          {busy && <RestoreProgress />}
          {error && !busy && <ErrorBanner title="The backup was not restored" message={error} />}
        </div>
      )}
    </ConfirmDialog>
  );
}
