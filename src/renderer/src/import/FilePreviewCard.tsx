import { useId } from 'react';
import type { ColumnMapping } from '@shared/import/mapping';
import type { DateOrderChoice, FilePreview, ImportIssueView } from '@shared/import/types';
import { formatCount, plural } from '../format/format';
import { Icon } from '../ui/Icon';
import { ColumnMappingEditor } from './ColumnMappingEditor';
import { SampleTable } from './SampleTable';
import { asSentence } from './IssuesList';
import type { ImportChoices } from './importRequest';

/** A format the engine knows, as `import:formats` lists it. */
export type ImportFormat = { id: string; label: string; entity: string; source: string };

const OWN_MAPPING = '__mapping';

export type FilePreviewCardProps = {
  file: FilePreview;
  formats: ImportFormat[];
  choices: ImportChoices;
  onChoose: (change: (choices: ImportChoices) => ImportChoices) => void;
  onRemove: () => void;
  /** The preview's issues in this file. */
  issues: ImportIssueView[];
  /** Whether the first rows show without a click; with many files they fold away. */
  sampleOpen: boolean;
};

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** The mapping a file is read with, or would be: the user's edit, the saved one, or the engine's suggestion. */
function effectiveMapping(file: FilePreview, choices: ImportChoices): ColumnMapping {
  return (
    choices.mappings[file.name] ??
    file.mapping ?? { entity: 'deals', sourceName: '', columns: file.suggestedMapping ?? {} }
  );
}

/** One file of the import: how it was read, what format reads it, its first rows, and its mapping. */
export function FilePreviewCard({
  file,
  formats,
  choices,
  onChoose,
  onRemove,
  issues,
  sampleOpen,
}: FilePreviewCardProps) {
  const id = useId();
  // A file that could not be read at all (damaged, empty, not a table) has no headers.
  const unreadable = file.headers.length === 0;
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  // The user's latest choice wins over the (possibly stale) preview's reader.
  const forced = choices.formats[file.name];
  const mapped =
    file.name in choices.mappings ||
    (forced === undefined && file.reader?.id.startsWith('mapping:') === true);
  const editing = !unreadable && forced === undefined && (mapped || file.reader === null);
  const readerValue = forced ?? (editing ? OWN_MAPPING : (file.reader?.id ?? ''));
  const dateOrder = choices.dateOrders[file.name];
  const showDateOrder = file.ambiguousDateColumns.length > 0 || dateOrder !== undefined;
  const skipped = Object.entries(file.skipped).filter(([, n]) => n > 0);

  const chooseReader = (value: string) =>
    onChoose((c) =>
      value === OWN_MAPPING
        ? {
            ...c,
            formats: without(c.formats, file.name),
            mappings: { ...c.mappings, [file.name]: effectiveMapping(file, c) },
          }
        : { ...c, formats: { ...c.formats, [file.name]: value }, mappings: without(c.mappings, file.name) },
    );

  return (
    <article className="card file-card" aria-labelledby={`${id}-name`} data-testid="import-file">
      <header className="file-card-header">
        <div className="file-card-title">
          <Icon name="layers" size={16} className="file-card-icon" />
          <h3 id={`${id}-name`} className="file-name">
            {file.name}
          </h3>
          {unreadable ? (
            <span className="chip chip-bad" data-testid="detected-format">
              Could not be read
            </span>
          ) : file.reader ? (
            <span className="chip chip-accent" data-testid="detected-format">
              {file.reader.label}
            </span>
          ) : (
            <span className="chip chip-warn" data-testid="detected-format">
              Not recognized
            </span>
          )}
          {file.mappingSaved && <span className="chip">Saved mapping</span>}
          {errorCount > 0 && !unreadable && file.reader && (
            <span className="chip chip-bad">{plural(errorCount, 'error')}</span>
          )}
        </div>
        <div className="file-card-actions">
          {!unreadable && (
            <FormatSelect file={file} formats={formats} value={readerValue} onChange={chooseReader} />
          )}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={onRemove}
            aria-label={`Remove ${file.name}`}
            title="Leave this file out of the import"
          >
            <Icon name="close" size={13} />
          </button>
        </div>
      </header>

      {unreadable ? (
        <div className="file-card-body">
          <ul className="file-unreadable" aria-label={`Why ${file.name} could not be read`}>
            {issues.map((issue) => (
              <li key={`${issue.line}:${issue.message}`}>
                <Icon name="alert" size={14} />
                {issue.line === null
                  ? asSentence(issue.message)
                  : `Row ${formatCount(issue.line)}: ${issue.message}`}
              </li>
            ))}
          </ul>
          <p className="muted">Leave it out of this import, or fix the file and add it again.</p>
        </div>
      ) : (
        <div className="file-card-body">
          <div className="file-summary">
            <FileFacts file={file} />
            {(skipped.length > 0 || file.droppedLines > 0) && (
              <ul className="file-notes" aria-label={`Rows left out of ${file.name}`}>
                {skipped.map(([reason, n]) => (
                  <li key={reason}>
                    <Icon name="info" size={13} />
                    Skipped {plural(n, 'row')}: {reason}
                  </li>
                ))}
                {file.droppedLines > 0 && (
                  <li>
                    <Icon name="info" size={13} />
                    Left out {plural(file.droppedLines, 'blank or footer line')}
                  </li>
                )}
              </ul>
            )}
          </div>

          {file.limits.length > 0 && (
            <ul
              className="file-limits"
              aria-label={`What ${file.name} will not give the figures`}
              data-testid="file-limits"
            >
              {file.limits.map((limit) => (
                <li key={limit}>
                  <Icon name="alert" size={14} />
                  {limit}
                </li>
              ))}
            </ul>
          )}

          {showDateOrder && (
            <DateOrderField
              file={file}
              value={dateOrder}
              onChange={(order) =>
                onChoose((c) => ({ ...c, dateOrders: { ...c.dateOrders, [file.name]: order } }))
              }
            />
          )}

          {file.headers.length > 0 && (
            <details className="file-sample" open={sampleOpen || editing}>
              <summary className="file-sample-title">
                <Icon name="chevronDown" size={13} className="file-sample-chevron" />
                First {Math.min(5, file.sample.length)} of {plural(file.rows, 'row')}
              </summary>
              <SampleTable fileName={file.name} headers={file.headers} rows={file.sample} />
            </details>
          )}

          {editing && (
            <ColumnMappingEditor
              file={file}
              mapping={effectiveMapping(file, choices)}
              onChange={(mapping) =>
                onChoose((c) => ({
                  ...c,
                  formats: without(c.formats, file.name),
                  mappings: { ...c.mappings, [file.name]: mapping },
                }))
              }
            />
          )}
        </div>
      )}
    </article>
  );
}

type FormatSelectProps = {
  file: FilePreview;
  formats: ImportFormat[];
  value: string;
  onChange: (value: string) => void;
};

/** Which reader takes the file: the detected format, another one, or the user's own mapping. */
function FormatSelect({ file, formats, value, onChange }: FormatSelectProps) {
  const candidateIds = new Set(file.candidates.map((c) => c.id));
  const others = formats.filter((f) => !candidateIds.has(f.id));
  return (
    <label className="file-format-field">
      <span className="file-format-label">Read as</span>
      <select className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {value === '' && (
          <option value="" disabled>
            Choose a format or map the columns…
          </option>
        )}
        {file.candidates.length > 0 && (
          <optgroup label="Closest matches">
            {file.candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} · {Math.round(c.score * 100)}%
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={file.candidates.length > 0 ? 'Other formats' : 'Formats'}>
          {others.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </optgroup>
        <optgroup label="Any other file">
          <option value={OWN_MAPPING}>My own column mapping</option>
        </optgroup>
      </select>
    </label>
  );
}

type FileFactsProps = { file: FilePreview };

/** How the file was read: size, records found, encoding and layout. */
function FileFacts({ file }: FileFactsProps) {
  const facts: [string, string, string?][] = [
    ['Rows', formatCount(file.rows)],
    ['Records', formatCount(file.records), 'file-records'],
    ['Encoding', file.encoding],
    file.format === 'xlsx' ? ['Sheet', file.sheet ?? '—'] : ['Delimiter', file.delimiter],
    ['Columns', formatCount(file.headers.length)],
  ];
  return (
    <dl className="file-facts">
      {facts.map(([term, value, testId]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const dateOrders: [DateOrderChoice, string][] = [
  ['MDY', '3/4/2026 = March 4'],
  ['DMY', '3/4/2026 = 3 April'],
];

type DateOrderFieldProps = {
  file: FilePreview;
  value: DateOrderChoice | undefined;
  onChange: (order: DateOrderChoice) => void;
};

/** Day/month order for a file whose slashed dates could be read either way. */
function DateOrderField({ file, value, onChange }: DateOrderFieldProps) {
  const id = useId();
  const open = file.ambiguousDateColumns.length > 0;
  return (
    <div className={`date-order${open ? ' date-order-open' : ''}`}>
      <div className="date-order-text">
        <span id={`${id}-label`} className="date-order-title">
          {open ? 'Which is the day and which the month?' : 'Day and month order'}
        </span>
        {open && (
          <span className="muted">
            Every date in {file.ambiguousDateColumns.join(', ')} could be read either way.
          </span>
        )}
      </div>
      <div className="order-toggle" role="radiogroup" aria-labelledby={`${id}-label`}>
        {dateOrders.map(([order, label]) => (
          <label key={order} className={`order-option${value === order ? ' order-option-active' : ''}`}>
            <input
              type="radio"
              className="visually-hidden"
              name={`${id}-date-order`}
              value={order}
              checked={value === order}
              onChange={() => onChange(order)}
            />
            {label}
          </label>
        ))}
      </div>
    </div>
  );
}
