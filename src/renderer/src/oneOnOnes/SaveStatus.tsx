import type { AutosaveState } from './useAutosave';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export type SaveStatusProps = { state: AutosaveState };

/** Where an autosaved field stands: typing, saving, saved (when), or failed. */
export function SaveStatus({ state }: SaveStatusProps) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'pending':
      return <span className="oo-save-status muted">Unsaved changes…</span>;
    case 'saving':
      return (
        <span className="oo-save-status muted" role="status">
          Saving…
        </span>
      );
    case 'saved':
      return (
        <span className="oo-save-status oo-save-ok" role="status" data-testid="saved">
          Saved {timeFormat.format(state.at)}
        </span>
      );
    case 'error':
      return (
        <span className="oo-save-status oo-save-error" role="alert">
          Not saved: {state.message}
        </span>
      );
  }
}
