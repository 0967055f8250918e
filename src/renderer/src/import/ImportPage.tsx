import { Link } from 'react-router';
import { api } from '../api/client';
import { useTaskProgress } from '../data/engineEvents';
import { useApiQuery } from '../data/useApiQuery';
import { formatCount, plural } from '../format/format';
import { useWorkspace } from '../shell/workspaceContext';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { FileDropZone } from './FileDropZone';
import { ImportHistory } from './ImportHistory';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { ImportSuccess } from './ImportSuccess';
import { type ImportSession, useImportSession } from './useImportSession';
import './import.css';

/** Import: choose CRM export files, preview what they would change, apply them as one batch, undo a batch. */
export function ImportPage() {
  const session = useImportSession();
  const formats = useApiQuery(() => api.import.formats({}), []);
  const { data: workspace } = useWorkspace();
  const { phase, preview } = session;

  return (
    <div className="page import-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Import</h1>
          <p className="page-subtitle">
            Bring in CRM exports. You see a preview first; nothing is written until you click Import, and
            every import can be undone.
          </p>
        </div>
      </header>

      {workspace?.hasDemoData && phase.kind !== 'done' && (
        <DemoOffer
          staged={session.files.length > 0}
          remove={session.choices.removeDemo}
          onChange={(removeDemo) => session.choose((c) => ({ ...c, removeDemo }))}
        />
      )}
      {session.error && (
        <ErrorBanner
          title={session.error.title}
          message={session.error.message}
          onDismiss={session.dismiss}
        />
      )}
      {session.cancelled && (
        <div className="banner banner-info" role="status" data-testid="import-cancelled">
          <Icon name="info" className="banner-icon" size={16} />
          <div className="banner-body">
            <div className="banner-title">Import cancelled</div>
            <div>
              Nothing was written; the workspace is as it was. You can import the files again when you are
              ready.
            </div>
          </div>
          <div className="banner-actions">
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={session.dismiss}
              aria-label="Dismiss"
            >
              <Icon name="close" size={14} />
            </button>
          </div>
        </div>
      )}
      {formats.error && (
        <ErrorBanner
          title="The import formats could not be loaded"
          message={formats.error}
          onRetry={formats.reload}
        />
      )}

      {phase.kind === 'done' ? (
        <ImportSuccess result={phase.result} onImportMore={session.reset} />
      ) : session.files.length === 0 ? (
        <FileDropZone compact={false} busy={session.staging} onFiles={session.addFiles} />
      ) : (
        <>
          {phase.kind === 'preview' && (
            <FileDropZone compact busy={session.staging} onFiles={session.addFiles} onClear={session.reset} />
          )}
          {preview.error && (
            <ErrorBanner
              title="The files could not be previewed"
              message={preview.error}
              onRetry={session.repreview}
            />
          )}
          {preview.preview ? (
            <ImportPreviewPanel
              session={session}
              preview={preview.preview}
              formats={formats.data?.formats ?? []}
            />
          ) : (
            !preview.error && <PreviewLoading session={session} />
          )}
        </>
      )}

      <ImportHistory onUndone={session.repreview} />
    </div>
  );
}

type PreviewLoadingProps = { session: ImportSession };

/** The first preview of a set of files, while the engine reads them. */
function PreviewLoading({ session }: PreviewLoadingProps) {
  const progress = useTaskProgress('import:preview');
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  const names = session.files.map((f) => f.name);
  return (
    <section className="card preview-loading" aria-busy="true" data-testid="preview-loading">
      <span className="spinner" aria-hidden="true" />
      <div className="preview-loading-text">
        <strong>
          Reading {plural(names.length, 'file')}
          {progress
            ? ` · ${formatCount(progress.done)} of ${formatCount(progress.total)} records checked`
            : '…'}
        </strong>
        <span className="muted">{names.join(', ')}</span>
        <div
          className={`progress${percent === null ? ' progress-indeterminate' : ''}`}
          role="progressbar"
          aria-label="Preview progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
        >
          <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
        </div>
      </div>
    </section>
  );
}

type DemoOfferProps = { staged: boolean; remove: boolean; onChange: (remove: boolean) => void };

/**
 * While the workspace holds the demo, a real import would mix made-up deals and reps into every
 * figure: the import offers to remove the demo in its own transaction (on by default).
 */
function DemoOffer({ staged, remove, onChange }: DemoOfferProps) {
  if (!staged)
    return (
      <div className="banner banner-info" role="note">
        <Icon name="info" className="banner-icon" size={16} />
        <div className="banner-body">
          This workspace still holds the demo data. When you import your files you can remove it in the same
          step, or keep it and remove it later on the <Link to="/">Overview</Link>.
        </div>
      </div>
    );
  return (
    <div
      className={`banner ${remove ? 'banner-info' : 'banner-warn'}`}
      role="group"
      aria-label="Demo data"
      data-testid="demo-offer"
    >
      <Icon name={remove ? 'info' : 'alert'} className="banner-icon" size={16} />
      <div className="banner-body">
        <label className="demo-offer-choice">
          <input type="checkbox" checked={remove} onChange={(event) => onChange(event.target.checked)} />
          <strong>Remove the demo data with this import</strong>
        </label>
        <p>
          {remove
            ? 'The made-up deals, reps and coaching notes go in the same step, so every figure is yours alone. Undoing the import later does not bring the demo back; the Overview can load it again.'
            : 'Your records will be added next to the made-up ones: win rates, reps and every other figure will mix both.'}
        </p>
      </div>
    </div>
  );
}
