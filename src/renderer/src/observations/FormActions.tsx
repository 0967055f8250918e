import { sentence } from './fieldText';
import { Icon } from '../ui/Icon';
import type { AutosaveStatus } from './useDraftAutosave';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export type FormActionsProps = {
  editing: boolean;
  busy: 'saving' | 'deleting' | 'discarding' | null;
  issues: { path: string; name: string; message: string }[];
  onIssue: (path: string) => void;
  status: AutosaveStatus;
  pristine: boolean;
  onSave: () => void;
  onCancel: () => void;
  onDelete: () => void;
};

function draftText(status: AutosaveStatus, pristine: boolean): string {
  switch (status.state) {
    case 'saving':
      return 'Saving draft…';
    case 'saved':
      return `Draft saved ${timeFormat.format(status.at)}`;
    case 'failed':
      return `Draft not saved: ${status.message}`;
    case 'idle':
      return pristine ? 'No changes yet' : 'Draft saves as you type';
  }
}

/** Save, cancel and delete, what still blocks saving, and whether the draft is safe. */
export function FormActions({
  editing,
  busy,
  issues,
  onIssue,
  status,
  pristine,
  onSave,
  onCancel,
  onDelete,
}: FormActionsProps) {
  return (
    <div className="obs-actions">
      {issues.length > 0 && (
        <div className="obs-issues" role="alert">
          <strong>
            {issues.length === 1
              ? 'One thing to fix before saving:'
              : `${issues.length} things to fix before saving:`}
          </strong>
          <ul>
            {issues.map((issue) => (
              <li key={issue.path}>
                <button type="button" className="link-button" onClick={() => onIssue(issue.path)}>
                  {issue.name}
                </button>{' '}
                — {sentence(issue.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="obs-actions-row">
        <button type="button" className="btn btn-primary" onClick={onSave} disabled={busy !== null}>
          {busy === 'saving' ? (
            <span className="spinner" aria-hidden="true" />
          ) : (
            <Icon name="check" size={14} />
          )}
          {editing ? 'Save changes' : 'Save observation'}
          <kbd className="kbd-on-primary">{isMac ? '⌘↵' : 'Ctrl ↵'}</kbd>
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy !== null}>
          Cancel <kbd>Esc</kbd>
        </button>
        <span
          className={status.state === 'failed' ? 'obs-draft-status failed' : 'obs-draft-status'}
          data-testid="draft-status"
          aria-live="polite"
        >
          {draftText(status, pristine)}
        </span>
        {editing && (
          <button
            type="button"
            className="btn btn-ghost obs-delete"
            onClick={onDelete}
            disabled={busy !== null}
          >
            {busy === 'deleting' ? (
              <span className="spinner" aria-hidden="true" />
            ) : (
              <Icon name="trash" size={14} />
            )}
            Delete
          </button>
        )}
      </div>
    </div>
  );
}
