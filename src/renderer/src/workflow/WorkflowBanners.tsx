import type { ReactNode } from 'react';
import type { WorkflowVersion } from '@shared/domain/types';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import type { ImportedFile } from './definitionFile';

export type WorkflowBannersProps = {
  saved: WorkflowVersion | null;
  onDismissSaved: () => void;
  fileResult: ImportedFile | null;
  importedFrom: string | null;
  dirty: boolean;
  onDismissFile: () => void;
  staleBase: number | null;
  currentVersion: number | null;
  saveError: string | null;
  onDismissSaveError: () => void;
};

type NoteBannerProps = { title: string; children: ReactNode; onDismiss: () => void; tone?: 'info' | 'ok' };

function NoteBanner({ title, children, onDismiss, tone = 'info' }: NoteBannerProps) {
  return (
    <div className={`banner ${tone === 'ok' ? 'wf-banner-ok' : 'banner-info'}`} role="status">
      <Icon name={tone === 'ok' ? 'check' : 'info'} className="banner-icon" size={16} />
      <div className="banner-body">
        <div className="banner-title">{title}</div>
        <div>{children}</div>
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="close" size={14} />
        </button>
      </div>
    </div>
  );
}

/** What just happened above the editor: a save, an imported file (or why it was refused), a failure. */
export function WorkflowBanners(props: WorkflowBannersProps) {
  const { saved, fileResult, importedFrom, dirty, staleBase, currentVersion, saveError } = props;
  return (
    <>
      {saveError && (
        <ErrorBanner
          title="The workflow was not saved"
          message={saveError}
          onDismiss={props.onDismissSaveError}
        />
      )}
      {saved && (
        <NoteBanner tone="ok" title={`Saved as version ${saved.version}`} onDismiss={props.onDismissSaved}>
          It is the current workflow now: reports, scorecards and deal checklists judge deals by its rules.
        </NoteBanner>
      )}
      {fileResult && !fileResult.ok && (
        <div className="banner banner-error wf-file-error" role="alert">
          <Icon name="alert" className="banner-icon" />
          <div className="banner-body">
            <div className="banner-title">{fileResult.fileName} was not loaded</div>
            <div>{fileResult.problem}</div>
            {fileResult.issues.length > 0 && (
              <ul className="wf-file-issues" data-testid="workflow-file-issue-list">
                {fileResult.issues.slice(0, 30).map((issue) => (
                  <li key={issue.path.join('.')}>
                    <span className="wf-issue-where">{issue.where}</span>: {issue.message}
                  </li>
                ))}
                {fileResult.issues.length > 30 && <li>…and {fileResult.issues.length - 30} more.</li>}
              </ul>
            )}
            <div className="wf-file-hint">
              Nothing changed in the editor. Fix the file and import it again.
            </div>
          </div>
          <div className="banner-actions">
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={props.onDismissFile}
              aria-label="Dismiss"
            >
              <Icon name="close" size={14} />
            </button>
          </div>
        </div>
      )}
      {fileResult?.ok && importedFrom === fileResult.fileName && (
        <NoteBanner title={`Loaded ${fileResult.fileName}`} onDismiss={props.onDismissFile}>
          {dirty
            ? 'Its workflow is in the editor as unsaved changes. Review it, then save it as a new version with a note.'
            : `It says exactly what version ${currentVersion ?? ''} says: there is nothing to save.`}
        </NoteBanner>
      )}
      {staleBase !== null && (
        <div className="banner banner-info" role="note">
          <Icon name="info" className="banner-icon" size={16} />
          <div className="banner-body">
            These edits started from version {staleBase}; version {currentVersion} is current now. Saving them
            makes a new version on top of it.
          </div>
        </div>
      )}
    </>
  );
}
