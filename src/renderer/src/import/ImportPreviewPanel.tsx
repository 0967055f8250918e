import { useMemo } from 'react';
import type { ImportPreview } from '@shared/import/types';
import { formatCount, plural } from '../format/format';
import { CountsTable } from './CountsTable';
import { FilePreviewCard, type ImportFormat } from './FilePreviewCard';
import { ImportActionBar } from './ImportActionBar';
import { IssuesList } from './IssuesList';
import { UnmappedStages } from './UnmappedStages';
import { countTotals, withDraftMappings } from './importRequest';
import type { ImportSession } from './useImportSession';

export type ImportPreviewPanelProps = {
  session: ImportSession;
  preview: ImportPreview;
  formats: ImportFormat[];
};

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** The dry run of an import: how each file reads, what would change, and what stands in the way. */
export function ImportPreviewPanel({ session, preview: engineView, formats }: ImportPreviewPanelProps) {
  const { choices, choose, phase } = session;
  const preview = useMemo(() => withDraftMappings(engineView, choices), [engineView, choices]);
  const stale = session.preview.stale;
  const applying = phase.kind === 'applying';
  const timeZone = choices.timeZone ?? preview.timeZone;
  const zones = useMemo(() => timeZones(timeZone), [timeZone]);
  const totals = countTotals(preview.counts);

  return (
    <div className={`import-preview${stale ? ' is-stale' : ''}`} aria-busy={stale}>
      <div className="preview-toolbar">
        <div className="preview-toolbar-text">
          <h2 className="section-title">
            Preview of {plural(preview.files.length, 'file')}
            {stale && <span className="spinner preview-spinner" aria-label="Updating the preview" />}
          </h2>
          <p className="muted">
            Nothing has been written yet. Change anything below and the preview runs again.
          </p>
        </div>
        <label className="field timezone-field">
          <span className="field-label">Time zone for dates without one</span>
          <select
            className="input"
            value={timeZone}
            disabled={applying}
            onChange={(event) => choose((c) => ({ ...c, timeZone: event.target.value }))}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </label>
      </div>

      <fieldset className="preview-files" disabled={applying}>
        <legend className="visually-hidden">Files</legend>
        {preview.files.map((file) => (
          <FilePreviewCard
            key={file.path}
            file={file}
            formats={formats}
            choices={choices}
            onChoose={choose}
            onRemove={() => session.removeFile(file.name)}
            issues={preview.issues.filter((i) => i.file === file.name)}
            sampleOpen={preview.files.length <= 2}
          />
        ))}
      </fieldset>

      <section className="card" aria-labelledby="import-counts-title">
        <div className="card-header">
          <h2 id="import-counts-title" className="card-title">
            What the import would change
          </h2>
          <span className="card-subtitle" data-testid="import-totals">
            {formatCount(totals.new)} new, {formatCount(totals.changed)} changed,{' '}
            {formatCount(totals.unchanged)} unchanged
          </span>
        </div>
        <CountsTable counts={preview.counts} label="Records the import would write" />
        <p className="card-note muted">
          Records are matched by their source and id: importing the same export again changes nothing, and a
          newer export updates what changed.
        </p>
      </section>

      {preview.unmappedStages.length > 0 && !applying && (
        <UnmappedStages stages={preview.unmappedStages} onSaved={session.repreview} />
      )}

      <div id="import-problems" className="issues-anchor">
        <IssuesList preview={preview} />
      </div>

      <ImportActionBar
        preview={preview}
        stale={stale}
        phase={phase}
        onApply={session.apply}
        onCancel={session.cancel}
      />
    </div>
  );
}
