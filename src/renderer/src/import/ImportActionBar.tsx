import type { ImportPreview } from '@shared/import/types';
import { formatCount, plural } from '../format/format';
import { Icon } from '../ui/Icon';
import { ApplyProgress } from './ApplyProgress';
import type { ImportPhase } from './useImportSession';
import { DRAFT_MAPPING_MESSAGE, countTotals, recordTotal } from './importRequest';

export type ImportActionBarProps = {
  preview: ImportPreview;
  /** The preview shown is not yet the one for the current choices. */
  stale: boolean;
  phase: ImportPhase;
  onApply: () => void;
  onCancel: () => void;
};

/** Why the import can or cannot run yet. */
function readiness(preview: ImportPreview, stale: boolean): { ok: boolean; text: string } {
  const totals = countTotals(preview.counts);
  const records = recordTotal(preview);
  if (stale) return { ok: false, text: 'Updating the preview with your changes…' };
  const unread = preview.files.filter((f) => f.reader === null && f.headers.length > 0).map((f) => f.name);
  const unnamed = unread.filter((name) =>
    preview.issues.some((i) => i.file === name && i.message.startsWith(DRAFT_MAPPING_MESSAGE)),
  );
  if (unnamed.length > 0)
    return {
      ok: false,
      text: `Name the source of the column mapping for ${unnamed.join(', ')} above; nothing will be written until then.`,
    };
  if (unread.length > 0)
    return {
      ok: false,
      text: `Map the columns of ${unread.join(', ')} above, or leave ${unread.length === 1 ? 'it' : 'them'} out; nothing will be written until then.`,
    };
  if (!preview.canApply)
    return {
      ok: false,
      text: `Fix the ${preview.errorCount === 1 ? 'error' : `${formatCount(preview.errorCount)} errors`} above; nothing will be written until then.`,
    };
  if (records === 0) return { ok: false, text: 'These files hold no records to import.' };
  if (totals.new + totals.changed === 0)
    return {
      ok: true,
      text: 'Everything in these files is already in the workspace: importing them changes nothing.',
    };
  if (preview.warningCount > 0)
    return { ok: true, text: `Ready. ${plural(preview.warningCount, 'warning')} will not stop the import.` };
  return { ok: true, text: 'Ready. Everything is written in one step, and can be undone from the history.' };
}

/** The bottom of the preview: the Import button and the one line that says whether it can run. */
export function ImportActionBar({ preview, stale, phase, onApply, onCancel }: ImportActionBarProps) {
  const records = recordTotal(preview);
  if (phase.kind === 'applying')
    return (
      <div className="import-action-bar">
        <ApplyProgress
          records={records}
          startedAt={phase.startedAt}
          cancelling={phase.cancelling}
          onCancel={onCancel}
        />
      </div>
    );
  const { ok, text } = readiness(preview, stale);
  return (
    <div className="import-action-bar">
      <p
        className={`import-readiness${ok ? ' ready' : stale ? '' : ' blocked'}`}
        data-testid="import-readiness"
      >
        <Icon name={ok ? 'check' : stale ? 'clock' : 'alert'} size={15} />
        <span>{text}</span>
        {!ok && !stale && preview.errorCount > 0 && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => document.getElementById('import-problems')?.scrollIntoView({ behavior: 'smooth' })}
          >
            Show the problems
          </button>
        )}
      </p>
      <button
        type="button"
        className="btn btn-primary btn-large"
        disabled={!ok}
        onClick={onApply}
        data-testid="import-apply"
      >
        {records > 0 ? `Import ${plural(records, 'record')}` : 'Import'}
      </button>
    </div>
  );
}
