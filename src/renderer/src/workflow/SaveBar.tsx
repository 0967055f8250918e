import { plural } from '../format/format';
import { Icon } from '../ui/Icon';
import type { DefinitionIssue } from './validation';

export type SaveBarProps = {
  nextVersion: number;
  note: string;
  onNote: (note: string) => void;
  showNoteError: boolean;
  issues: readonly DefinitionIssue[];
  /** The problem list is open: after a refused save, or when asked. */
  issuesOpen: boolean;
  onIssuesOpen: (open: boolean) => void;
  onJump: (issue: DefinitionIssue) => void;
  busy: boolean;
  onSave: () => void;
  onDiscard: () => void;
};

const NOTE_MAX = 500;

/** The foot of the editor while there are unsaved changes: the note, the problems, Discard and Save. */
export function SaveBar(props: SaveBarProps) {
  const {
    nextVersion,
    note,
    onNote,
    showNoteError,
    issues,
    issuesOpen,
    onIssuesOpen,
    onJump,
    busy,
    onSave,
    onDiscard,
  } = props;

  return (
    <div className="wf-save-bar" role="region" aria-label="Unsaved changes">
      {issuesOpen && issues.length > 0 && (
        <div className="wf-issue-panel" id="wf-issue-panel">
          <div className="wf-issue-panel-head">
            <strong>
              Fix {issues.length === 1 ? 'this problem' : `these ${issues.length} problems`} before saving
            </strong>
            <button
              type="button"
              className="btn btn-small btn-ghost btn-icon"
              aria-label="Hide the problems"
              onClick={() => onIssuesOpen(false)}
            >
              <Icon name="close" size={14} />
            </button>
          </div>
          <ul className="wf-issue-list" aria-label="Problems in the workflow">
            {issues.map((issue) => (
              <li key={issue.path.join('.')}>
                <button
                  type="button"
                  className="wf-issue-link"
                  onClick={() => onJump(issue)}
                  data-testid="workflow-issue"
                >
                  <Icon name="alert" size={13} />
                  <span>
                    <span className="wf-issue-where">{issue.where}</span>: {issue.message}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="wf-save-row">
        <div className="wf-dirty" data-testid="workflow-dirty">
          <span className="wf-dirty-dot" aria-hidden="true" />
          <span>Unsaved changes</span>
          {issues.length > 0 && (
            <button
              type="button"
              className="chip chip-bad wf-issue-toggle"
              aria-expanded={issuesOpen}
              aria-controls="wf-issue-panel"
              onClick={() => onIssuesOpen(!issuesOpen)}
            >
              {plural(issues.length, 'problem')}
            </button>
          )}
        </div>
        <div className="wf-note">
          <label className="visually-hidden" htmlFor="wf-note">
            Note: what changed and why
          </label>
          <input
            id="wf-note"
            className={`input${showNoteError ? ' input-invalid' : ''}`}
            value={note}
            maxLength={NOTE_MAX}
            placeholder="What changed and why? (required)"
            aria-invalid={showNoteError || undefined}
            aria-describedby={showNoteError ? 'wf-note-error' : undefined}
            onChange={(event) => onNote(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onSave();
            }}
            disabled={busy}
          />
          {showNoteError && (
            <p className="wf-field-error wf-note-error" id="wf-note-error">
              Say what changed and why.
            </p>
          )}
        </div>
        <button type="button" className="btn" onClick={onDiscard} disabled={busy}>
          Discard changes
        </button>
        <button type="button" className="btn btn-primary" onClick={onSave} disabled={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          Save as version {nextVersion}
        </button>
      </div>
    </div>
  );
}
