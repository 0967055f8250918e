import { useEffect, useId, useRef, useState } from 'react';
import {
  type ColumnMapping,
  type MappingEntity,
  mappingEntities,
  mappingFields,
} from '@shared/import/mapping';
import type { FilePreview } from '@shared/import/types';
import { downloadText } from '../ui/downloadFile';
import { Icon } from '../ui/Icon';
import { mappingFileName, mappingFileText, switchEntity } from './importRequest';

const entityLabels: Record<MappingEntity, string> = {
  deals: 'Deals',
  'stage history': 'Stage history',
  activities: 'Activities',
  reps: 'Reps',
  observations: 'Shadowing observations',
};

const NAME_DEBOUNCE_MS = 500;

export type ColumnMappingEditorProps = {
  file: FilePreview;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
};

/** Maps the columns of a file no built-in format reads onto Stagecoach's fields, for one kind of record. */
export function ColumnMappingEditor({ file, mapping, onChange }: ColumnMappingEditorProps) {
  const id = useId();
  const fields = Object.entries(mappingFields[mapping.entity]) as [
    string,
    { label: string; required: boolean },
  ][];
  const firstRow = file.sample[0] ?? [];
  const example = (header: string | undefined): string | null => {
    if (!header) return null;
    const value = firstRow[file.headers.indexOf(header)];
    return value ? value : null;
  };
  const missingSource = !mapping.sourceName.trim();

  return (
    <section className="mapping-editor" aria-labelledby={`${id}-title`}>
      <div className="mapping-editor-head">
        <div>
          <h3 id={`${id}-title`} className="mapping-title">
            Map the columns
          </h3>
          <p className="muted">
            Say what each column holds. Stagecoach remembers this mapping and uses it again for any file with
            the same columns.
          </p>
        </div>
        <button
          type="button"
          className="btn btn-small"
          disabled={missingSource}
          title={
            missingSource
              ? 'Name the source first'
              : 'For a scripted import: npm run cli -- import --mapping FILE.json'
          }
          onClick={() => downloadText(mappingFileText(mapping), mappingFileName(mapping), 'application/json')}
        >
          <Icon name="export" size={14} />
          Save mapping as file
        </button>
      </div>
      <div className="mapping-basics">
        <label className="field">
          <span className="field-label">Records in this file</span>
          <select
            className="input"
            value={mapping.entity}
            onChange={(event) => onChange(switchEntity(mapping, event.target.value as MappingEntity))}
          >
            {mappingEntities.map((entity) => (
              <option key={entity} value={entity}>
                {entityLabels[entity]}
              </option>
            ))}
          </select>
        </label>
        <SourceNameField
          value={mapping.sourceName}
          onCommit={(sourceName) => onChange({ ...mapping, sourceName })}
        />
      </div>
      {missingSource && (
        <p className="mapping-hint" role="alert">
          <strong>This mapping is not used yet.</strong> Name the source (the CRM or spreadsheet these rows
          come from) to preview the file with it. Re-importing from the same source updates records instead of
          duplicating them.
        </p>
      )}
      <div className="mapping-grid" role="group" aria-label="Column for each field">
        <span className="mapping-grid-head">Stagecoach field</span>
        <span className="mapping-grid-head">Column in {file.name}</span>
        <span className="mapping-grid-head">First value</span>
        {fields.map(([field, spec]) => {
          const header = mapping.columns[field] ?? '';
          const value = example(header);
          return (
            <div key={field} className="mapping-row">
              <span className="mapping-field">
                <label htmlFor={`${id}-${field}`}>{spec.label}</label>
                {spec.required && (
                  <span className="required-mark" aria-hidden="true" title="Required">
                    *
                  </span>
                )}
              </span>
              <select
                id={`${id}-${field}`}
                className={`input${spec.required && !header ? ' input-missing' : ''}`}
                value={header}
                required={spec.required}
                onChange={(event) =>
                  onChange({ ...mapping, columns: { ...mapping.columns, [field]: event.target.value } })
                }
              >
                <option value="">{spec.required ? 'Choose a column…' : '— Not in this file —'}</option>
                {file.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              <span className="mapping-example mono" title={value ?? undefined}>
                {value ?? ''}
              </span>
            </div>
          );
        })}
      </div>
      <p className="muted mapping-footnote">
        <span aria-hidden="true">*</span> Required.
      </p>
    </section>
  );
}

type SourceNameFieldProps = { value: string; onCommit: (value: string) => void };

/** The source's name: typing previews again only after a pause, not on every key. */
function SourceNameField({ value, onCommit }: SourceNameFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const commit = (text: string) => {
    window.clearTimeout(timer.current);
    setDraft(null);
    if (text !== value) onCommit(text);
  };
  return (
    <label className="field mapping-source">
      <span className="field-label">Source name</span>
      <input
        type="text"
        className="input"
        value={draft ?? value}
        placeholder="e.g. Maven CRM"
        maxLength={80}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => commit(text), NAME_DEBOUNCE_MS);
        }}
        onBlur={(event) => commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
    </label>
  );
}
