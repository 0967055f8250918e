import { useRef } from 'react';
import type { WorkflowVersion } from '@shared/domain/types';
import { formatDate } from '../format/format';
import { type DefinitionFormat, type ImportedFile, readDefinitionFile } from './definitionFile';
import { Icon } from '../ui/Icon';

export type WorkflowHeaderProps = {
  current: WorkflowVersion | undefined;
  dirty: boolean;
  exportName: string | null;
  onExport: (format: DefinitionFormat) => void;
  onFile: (result: ImportedFile) => void;
};

/** The page title, the version in force, and the file buttons. */
export function WorkflowHeader({ current, dirty, exportName, onExport, onFile }: WorkflowHeaderProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <header className="page-header wf-header">
      <div>
        <div className="wf-title-row">
          <h1 className="page-title">Workflow</h1>
          {dirty && <span className="chip chip-warn">Edited, not saved</span>}
        </div>
        {current ? (
          <p className="wf-current" data-testid="workflow-current">
            <span className="badge badge-won">Current</span>
            <strong>Version {current.version}</strong>
            <span className="wf-sep" aria-hidden="true">
              ·
            </span>
            <span>saved {formatDate(current.createdAt)}</span>
            {current.note && (
              <>
                <span className="wf-sep" aria-hidden="true">
                  ·
                </span>
                <span className="wf-current-note" title={current.note}>
                  {current.note}
                </span>
              </>
            )}
          </p>
        ) : (
          <span className="skeleton-bar wf-current-skeleton" aria-hidden="true" />
        )}
      </div>
      <div className="wf-header-actions">
        <input
          ref={input}
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml"
          className="visually-hidden"
          aria-label="Choose a workflow JSON or YAML file to import"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void readDefinitionFile(file).then(onFile);
          }}
        />
        <button type="button" className="btn" onClick={() => input.current?.click()}>
          <Icon name="upload" size={14} />
          Import file…
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onExport('json')}
          disabled={!current}
          title={
            exportName
              ? `Download version ${current?.version} as ${exportName}${dirty ? ' (unsaved changes are not included)' : ''}`
              : undefined
          }
        >
          <Icon name="download" size={14} />
          Export JSON
        </button>
        <button type="button" className="btn" onClick={() => onExport('yaml')} disabled={!current}>
          <Icon name="download" size={14} />
          Export YAML
        </button>
      </div>
    </header>
  );
}
