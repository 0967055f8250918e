import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { BackupEntry, BackupOverview } from '@shared/backup/types';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { errorMessage } from '../data/errorMessage';
import { useApiQuery } from '../data/useApiQuery';
import { formatDateTime } from '../format/format';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { AutomaticBackups } from './AutomaticBackups';
import { BackupsTable } from './BackupsTable';
import { RestoreDialog } from './RestoreDialog';
import { contentsSummary, formatBytes, reasonLabels } from './backupFormat';
import { useRestore } from './useRestore';
import './export.css';

type Notice = { tone: 'ok' | 'bad'; title: string; text: string };

function OkBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <div className="banner banner-backup-ok" role="status" data-testid="backup-notice">
      <Icon name="check" className="banner-icon" size={16} />
      <div className="banner-body">
        <div className="banner-title">{notice.title}</div>
        <div>{notice.text}</div>
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="close" size={14} />
        </button>
      </div>
    </div>
  );
}

function checkNotice(entry: BackupEntry): Notice {
  return entry.check?.ok
    ? { tone: 'ok', title: `${entry.name} is sound`, text: entry.check.message }
    : {
        tone: 'bad',
        title: `${entry.name} failed its check`,
        text: entry.check?.message ?? entry.problem ?? '',
      };
}

/** Export & backup: the workspace file, its backups, automatic backups, restore, and where exports live. */
export function ExportPage() {
  const overview = useApiQuery(() => api.backups.list({}), []);
  const restore = useRestore();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const backUpNow = (): void => {
    setBackingUp(true);
    setNotice(null);
    api.backups
      .create({})
      .then(
        (entry) =>
          setNotice({
            tone: 'ok',
            title: 'Backed up and checked',
            text: `${entry.name} · ${formatBytes(entry.sizeBytes)}${entry.contents ? ` · ${contentsSummary(entry.contents)}` : ''}`,
          }),
        (error: unknown) =>
          setNotice({ tone: 'bad', title: 'The workspace was not backed up', text: errorMessage(error) }),
      )
      .finally(() => {
        setBackingUp(false);
        invalidateData();
      });
  };

  const check = useCallback((backup: BackupEntry) => {
    setChecking(backup.name);
    setNotice(null);
    api.backups
      .verify({ name: backup.name })
      .then(
        (entry) => setNotice(checkNotice(entry)),
        (error: unknown) =>
          setNotice({ tone: 'bad', title: 'The backup was not checked', text: errorMessage(error) }),
      )
      .finally(() => {
        setChecking(null);
        invalidateData();
      });
  }, []);

  const { openBackup: openByName } = restore;
  const openBackup = useCallback(
    (backup: BackupEntry) => {
      setNotice(null);
      openByName(backup.name);
    },
    [openByName],
  );
  const busyRow = restore.opening ?? (checking ? { name: checking, action: 'check' as const } : null);
  const data = overview.data;

  return (
    <div className="page export-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Export &amp; backup</h1>
          <p className="page-subtitle">
            Keep the workspace safe with checked backups, and restore one when you need it.
          </p>
        </div>
        <button type="button" className="btn btn-primary" onClick={backUpNow} disabled={backingUp || !data}>
          {backingUp ? <span className="spinner" aria-hidden="true" /> : <Icon name="database" size={15} />}
          {backingUp ? 'Backing up…' : 'Back up now'}
        </button>
      </header>

      {notice?.tone === 'ok' && <OkBanner notice={notice} onDismiss={() => setNotice(null)} />}
      {notice?.tone === 'bad' && (
        <ErrorBanner title={notice.title} message={notice.text} onDismiss={() => setNotice(null)} />
      )}
      {restore.result && (
        <OkBanner
          notice={{
            tone: 'ok',
            title: `Restored ${restore.result.label}`,
            text:
              `The workspace now holds ${contentsSummary(restore.result.contents)}` +
              `${restore.result.upgradedFrom === null ? '' : `, upgraded from schema v${restore.result.upgradedFrom}`}. ` +
              `The workspace as it was before is saved as ${restore.result.preRestoreBackup.name}.`,
          }}
          onDismiss={restore.dismissResult}
        />
      )}
      {restore.openError && (
        <ErrorBanner
          title="This backup cannot be restored"
          message={restore.openError}
          onDismiss={restore.dismissError}
        />
      )}
      {overview.error && (
        <ErrorBanner
          title="The backups could not be listed"
          message={overview.error}
          onRetry={overview.reload}
        />
      )}

      <div className="export-grid">
        <WorkspaceCard overview={data} />
        {data && <AutomaticBackups settings={data.settings} lastAutomatic={data.lastAutomatic} />}
      </div>

      <section className="card" aria-labelledby="backups-title">
        <div className="card-header">
          <h2 id="backups-title" className="card-title">
            Backups
          </h2>
          {data && (
            <span className="card-subtitle">
              In <span className="mono">{data.folder}</span>
            </span>
          )}
        </div>
        {data ? (
          <BackupsTable backups={data.backups} busy={busyRow} onVerify={check} onRestore={openBackup} />
        ) : (
          !overview.error && (
            <div className="card-body export-loading" aria-busy="true" aria-label="Loading the backups">
              {Array.from({ length: 3 }, (_, i) => (
                <span key={i} className="skeleton-bar" />
              ))}
            </div>
          )
        )}
      </section>

      <div className="export-grid">
        <section className="card" aria-labelledby="restore-file-title">
          <div className="card-header">
            <h2 id="restore-file-title" className="card-title">
              Restore from a file
            </h2>
          </div>
          <div className="card-body restore-file">
            <p>
              A backup copied from another computer, or kept somewhere else. It is checked before anything
              changes: a damaged file, another program’s database or a backup from a newer version of
              Stagecoach is refused.
            </p>
            <input
              ref={fileInput}
              type="file"
              accept=".db,.sqlite,.sqlite3,.backup"
              className="visually-hidden"
              aria-label="Choose a backup file to restore"
              tabIndex={-1}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) {
                  setNotice(null);
                  restore.openFile(file);
                }
                event.target.value = '';
              }}
            />
            <button
              type="button"
              className="btn"
              onClick={() => fileInput.current?.click()}
              disabled={restore.openingFile || restore.restoring}
            >
              {restore.openingFile ? (
                <span className="spinner" aria-hidden="true" />
              ) : (
                <Icon name="upload" size={15} />
              )}
              {restore.openingFile ? 'Checking the file…' : 'Choose a backup file…'}
            </button>
          </div>
        </section>
        <ExportsCard />
      </div>

      <RestoreDialog
        candidate={restore.candidate}
        busy={restore.restoring}
        error={restore.restoreError}
        onConfirm={restore.confirm}
        onCancel={restore.cancel}
      />
    </div>
  );
}

function WorkspaceCard({ overview }: { overview: BackupOverview | undefined }) {
  const newest = overview?.backups[0];
  return (
    <section className="card" aria-labelledby="workspace-file-title">
      <div className="card-header">
        <h2 id="workspace-file-title" className="card-title">
          Workspace file
        </h2>
        <span className="card-subtitle">Everything Stagecoach knows is in this one file.</span>
      </div>
      {overview ? (
        <dl className="facts export-facts">
          <dt>File</dt>
          <dd className="mono" data-testid="workspace-path">
            {overview.workspace.path}
          </dd>
          <dt>Size</dt>
          <dd>{formatBytes(overview.workspace.sizeBytes)}</dd>
          <dt>Schema version</dt>
          <dd>
            v{overview.workspace.schemaVersion}
            {overview.workspace.schemaVersion === overview.workspace.latestSchemaVersion && (
              <span className="muted"> · the latest</span>
            )}
          </dd>
          <dt>Latest backup</dt>
          <dd>
            {newest ? (
              <>
                {formatDateTime(newest.createdAt)}
                <span className="muted"> · {reasonLabels[newest.reason].toLowerCase()}</span>
              </>
            ) : (
              <span className="muted">None yet</span>
            )}
          </dd>
        </dl>
      ) : (
        <div className="card-body export-loading" aria-busy="true" aria-label="Loading the workspace">
          <span className="skeleton-bar" />
          <span className="skeleton-bar" />
        </div>
      )}
    </section>
  );
}

const exportLinks = [
  {
    to: '/scorecards',
    title: 'Scorecard PDFs',
    text: 'The team scorecard and each rep’s, for one rep or every rep in one go.',
  },
  {
    to: '/one-on-ones',
    title: 'One-on-one prep PDFs',
    text: 'A rep’s prep sheet, printed or saved as a PDF before the meeting.',
  },
  {
    to: '/deals',
    title: 'CSV of any table',
    text: 'Tables export as you see them, filters and sort applied — starting with Deals.',
  },
];

function ExportsCard() {
  return (
    <section className="card" aria-labelledby="exports-title">
      <div className="card-header">
        <h2 id="exports-title" className="card-title">
          PDFs and CSV
        </h2>
        <span className="card-subtitle">Made from the screens that show them.</span>
      </div>
      <ul className="export-links">
        {exportLinks.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="export-link">
              <span className="export-link-title">
                {link.title} <Icon name="arrowRight" size={13} />
              </span>
              <span className="export-link-text">{link.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
