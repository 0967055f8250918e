import { useCallback, useId, useState } from 'react';
import type { AutomaticBackupStatus, BackupSettings } from '@shared/backup/types';
import { maxKeptBackups } from '@shared/backup/types';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { formatDateTime } from '../format/format';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';

export type AutomaticBackupsProps = {
  settings: BackupSettings;
  lastAutomatic: AutomaticBackupStatus | null;
};

function keepProblem(text: string): string | null {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n)) return 'Enter a whole number.';
  if (n < 1 || n > maxKeptBackups) return `Keep between 1 and ${maxKeptBackups}.`;
  return null;
}

/** The daily backup: on or off, how many to keep, and how the last one went. */
export function AutomaticBackups({ settings, lastAutomatic }: AutomaticBackupsProps) {
  const keepId = useId();
  // Edits live here until saved; the saved settings show otherwise.
  const [draft, setDraft] = useState<{ automatic: boolean; keep: string } | null>(null);
  const shown = draft ?? { automatic: settings.automatic, keep: String(settings.keep) };
  const problem = keepProblem(shown.keep);
  const changed =
    draft !== null && (draft.automatic !== settings.automatic || draft.keep !== String(settings.keep));
  const save = useAction(
    useCallback(async (next: BackupSettings) => {
      await api.backups.saveSettings(next);
      setDraft(null);
      invalidateData();
    }, []),
  );
  const fewer = !problem && Number(shown.keep) < settings.keep;

  return (
    <section className="card" aria-labelledby="automatic-title">
      <div className="card-header">
        <h2 id="automatic-title" className="card-title">
          Automatic backups
        </h2>
        <span className="card-subtitle">One a day while Stagecoach runs, checked like any other.</span>
      </div>
      <form
        className="card-body automatic-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (problem) return;
          void save.run({ automatic: shown.automatic, keep: Number(shown.keep) });
        }}
      >
        <label className="automatic-toggle">
          <input
            type="checkbox"
            checked={shown.automatic}
            onChange={(event) => setDraft({ ...shown, automatic: event.target.checked })}
          />
          Back up automatically once a day
        </label>
        <div className="automatic-keep">
          <label htmlFor={keepId}>Keep the newest</label>
          <input
            id={keepId}
            className="input automatic-keep-input"
            type="number"
            min={1}
            max={maxKeptBackups}
            step={1}
            value={shown.keep}
            aria-invalid={problem !== null}
            onChange={(event) => setDraft({ ...shown, keep: event.target.value })}
          />
          <span>automatic backups</span>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!changed || problem !== null || save.busy}
          >
            {save.busy && <span className="spinner" aria-hidden="true" />}
            Save
          </button>
        </div>
        {problem && changed && <p className="field-error">{problem}</p>}
        <p className="muted automatic-note">
          {fewer
            ? `Saving deletes the automatic backups beyond the newest ${shown.keep} now.`
            : 'Older automatic backups are deleted as new ones are taken. Manual backups and those taken before a restore or an upgrade are never deleted automatically.'}
        </p>
        {lastAutomatic && (
          <p
            className={lastAutomatic.ok ? 'automatic-last' : 'automatic-last automatic-last-bad'}
            data-testid="last-automatic"
          >
            <Icon name={lastAutomatic.ok ? 'check' : 'alert'} size={13} />
            Last automatic backup {formatDateTime(lastAutomatic.at)}:{' '}
            {lastAutomatic.ok ? lastAutomatic.message : `failed. ${lastAutomatic.message}`}
          </p>
        )}
        {save.error && (
          <ErrorBanner title="The settings were not saved" message={save.error} onDismiss={save.clearError} />
        )}
      </form>
    </section>
  );
}
