import { useRef, useState } from 'react';
import type { BackupEntry, RestoreSource } from '@shared/backup/types';
import { api, stageFiles } from '../api/client';
import { errorMessage } from '../data/errorMessage';
import { useApiQuery } from '../data/useApiQuery';
import { contentsSummary, formatBytes, reasonLabels } from '../export/backupFormat';
import { formatDateTime } from '../format/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import './recovery.css';

type Choice = { source: RestoreSource; label: string; backup: BackupEntry | null };

const takenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function BackupFacts({ backup }: { backup: BackupEntry }) {
  return (
    <span className="recovery-facts">
      {reasonLabels[backup.reason]} · {formatBytes(backup.sizeBytes)}
      {backup.contents && ` · ${contentsSummary(backup.contents)}`}
    </span>
  );
}

/**
 * Shown instead of the app when the workspace failed its start-up check: what the check found,
 * the newest backup that passed its own check with a button to restore it, the other backups,
 * and a way to restore any other file. The damaged file is kept; the app reopens on success.
 */
export function RecoveryScreen({ problem }: { problem: string }) {
  const status = useApiQuery(() => api.recovery.status({}), []);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [staging, setStaging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const data = status.data ?? null;
  const latest = data?.backups.find((b) => b.name === data.latestGood) ?? null;
  const others = data?.backups.filter((b) => b.name !== data.latestGood) ?? [];

  const restore = (): void => {
    if (!choice) return;
    setRestoring(true);
    setError(null);
    api.backups.restore({ source: choice.source }).then(
      (result) => {
        setChoice(null);
        setRestored(result.label);
        // Every screen starts again on the restored workspace.
        window.location.reload();
      },
      (failure: unknown) => {
        setRestoring(false);
        setChoice(null);
        setError(errorMessage(failure));
        status.reload();
      },
    );
  };

  const pickFile = (file: File): void => {
    setStaging(true);
    setError(null);
    stageFiles([file])
      .then(
        ([staged]) => {
          if (staged) setChoice({ source: { path: staged.path }, label: staged.name, backup: null });
        },
        (failure: unknown) => setError(errorMessage(failure)),
      )
      .finally(() => setStaging(false));
  };

  return (
    <div className="recovery-page" data-testid="recovery-screen">
      <main className="recovery-card">
        <div className="recovery-heading">
          <Icon name="alert" size={22} className="recovery-heading-icon" />
          <div>
            <h1 className="page-title">The workspace file is damaged</h1>
            <p className="page-subtitle">
              Stagecoach checks the workspace each time it starts. This time the check failed, so the
              workspace was not opened and nothing in it was changed. Restore a backup to carry on.
            </p>
          </div>
        </div>

        <section className="recovery-section" aria-labelledby="recovery-what">
          <h2 id="recovery-what" className="section-title">
            What the check found
          </h2>
          <p className="recovery-problem" data-testid="recovery-problem">
            {data?.problem ?? problem}
          </p>
        </section>

        {restored && (
          <div className="banner banner-info" role="status">
            <span className="spinner" aria-hidden="true" /> Restored {restored}. Opening the workspace…
          </div>
        )}
        {error && (
          <ErrorBanner title="The backup was not restored" message={error} onDismiss={() => setError(null)} />
        )}
        {status.error && (
          <ErrorBanner
            title="The backups could not be listed"
            message={status.error}
            onRetry={status.reload}
          />
        )}
        {!data && !status.error && (
          <p className="muted">
            <span className="spinner" aria-hidden="true" /> Checking the backups…
          </p>
        )}

        {data && (
          <section className="recovery-section" aria-labelledby="recovery-latest">
            <h2 id="recovery-latest" className="section-title">
              Latest good backup
            </h2>
            {latest ? (
              <div className="recovery-latest" data-testid="recovery-latest">
                <div>
                  <div className="recovery-latest-name">Taken {takenFormat.format(latest.createdAt)}</div>
                  <BackupFacts backup={latest} />
                  <div className="recovery-file" title={latest.path}>
                    {latest.name}
                    {latest.contents?.newestDataAt
                      ? ` · data up to ${formatDateTime(latest.contents.newestDataAt)}`
                      : ''}
                  </div>
                  <div className="recovery-check">
                    <Icon name="check" size={13} /> {latest.check?.message}
                  </div>
                </div>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={restoring || restored !== null}
                  onClick={() =>
                    setChoice({ source: { backup: latest.name }, label: latest.name, backup: latest })
                  }
                >
                  <Icon name="database" size={15} /> Restore this backup
                </button>
              </div>
            ) : (
              <p className="recovery-none">
                No backup in {data.folder} passed its check. If you have a copy of the workspace elsewhere,
                restore it from a file.
              </p>
            )}
          </section>
        )}

        {others.length > 0 && (
          <section className="recovery-section" aria-labelledby="recovery-others">
            <h2 id="recovery-others" className="section-title">
              Other backups
            </h2>
            <ul className="recovery-list">
              {others.map((backup) => (
                <li key={backup.name} className="recovery-row">
                  <div>
                    <div>{takenFormat.format(backup.createdAt)}</div>
                    {backup.problem ? (
                      <span className="recovery-bad" title={backup.problem}>
                        <Icon name="alert" size={13} />
                        <span className="recovery-bad-text">{backup.problem}</span>
                      </span>
                    ) : (
                      <BackupFacts backup={backup} />
                    )}
                  </div>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={restoring || restored !== null || backup.problem !== null}
                    onClick={() => setChoice({ source: { backup: backup.name }, label: backup.name, backup })}
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        {data && (
          <section className="recovery-section recovery-footer">
            <div>
              <button
                type="button"
                className="btn"
                disabled={restoring || staging || restored !== null}
                onClick={() => fileInput.current?.click()}
              >
                {staging ? <span className="spinner" aria-hidden="true" /> : <Icon name="upload" size={15} />}
                Restore from a file…
              </button>
              <input
                ref={fileInput}
                type="file"
                accept=".db,.sqlite,.sqlite3"
                hidden
                aria-label="Backup file to restore"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) pickFile(file);
                }}
              />
            </div>
            <p className="muted recovery-note">
              Restoring keeps the damaged file: it is copied into {data.folder} as a “damaged” file first, and
              nothing is deleted.
            </p>
          </section>
        )}
      </main>

      <ConfirmDialog
        open={choice !== null}
        title={`Restore ${choice?.label ?? ''}?`}
        confirmLabel={restoring ? 'Restoring…' : 'Restore'}
        busy={restoring}
        onConfirm={restore}
        onCancel={() => setChoice(null)}
      >
        <p>
          {choice?.backup
            ? `The workspace will hold what this backup holds (${choice.backup.contents ? contentsSummary(choice.backup.contents) : 'as checked'}), as of ${takenFormat.format(choice.backup.createdAt)}. Changes made after it are not in it.`
            : 'The file is checked first; it must be a sound Stagecoach workspace.'}
        </p>
        <p>The damaged workspace file is kept in the backups folder.</p>
      </ConfirmDialog>
    </div>
  );
}
