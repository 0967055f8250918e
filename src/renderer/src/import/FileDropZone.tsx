import { type DragEvent, useEffect, useRef, useState } from 'react';
import { Icon } from '../ui/Icon';

export const acceptedFiles = '.csv,.tsv,.txt,.xlsx';

export type FileDropZoneProps = {
  /** A slim strip to add more files, once some are chosen. */
  compact: boolean;
  busy: boolean;
  onFiles: (files: File[]) => void;
  /** Drops every chosen file, to start again (compact strip only). */
  onClear?: () => void;
};

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

/** Where files come in: dropped anywhere on the zone, or picked with the system dialog. */
export function FileDropZone({ compact, busy, onFiles, onClear }: FileDropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  // dragenter/dragleave fire for every child crossed; count them to know when the pointer left.
  const [depth, setDepth] = useState(0);
  const dragging = depth > 0;

  // A file dropped beside the zone must not make the window open it in place of the app.
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const chooseButton = (
    <button
      type="button"
      className={compact ? 'btn' : 'btn btn-primary'}
      onClick={() => input.current?.click()}
      disabled={busy}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {compact ? 'Add files…' : 'Choose files…'}
    </button>
  );

  return (
    <div
      className={`drop-zone${compact ? ' drop-zone-compact' : ''}${dragging ? ' drop-zone-active' : ''}`}
      data-testid="import-drop-zone"
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDepth((d) => d + 1);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => setDepth((d) => Math.max(0, d - 1))}
      onDrop={(event) => {
        event.preventDefault();
        setDepth(0);
        if (!busy) onFiles([...event.dataTransfer.files]);
      }}
    >
      <input
        ref={input}
        type="file"
        multiple
        accept={acceptedFiles}
        className="visually-hidden"
        aria-label="Choose files to import"
        tabIndex={-1}
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // The same file chosen again after a change on disk must fire change again.
          event.target.value = '';
        }}
      />
      {compact ? (
        <>
          <Icon name="import" size={16} className="drop-zone-icon-small" />
          <span className="drop-zone-hint">
            {dragging ? 'Drop to add these files' : 'Drop more files here to add them to this import'}
          </span>
          {onClear && (
            <button type="button" className="btn btn-ghost" onClick={onClear} disabled={busy}>
              Start over
            </button>
          )}
          {chooseButton}
        </>
      ) : (
        <>
          <div className="drop-zone-icon">
            <Icon name="import" size={24} />
          </div>
          <h2 className="drop-zone-title">
            {dragging ? 'Drop the files to preview them' : 'Drop CRM export files here'}
          </h2>
          <p className="drop-zone-text">
            Salesforce Data Export and report files, HubSpot and Pipedrive exports, shadowing sheets — or any
            other CSV or XLSX through a column mapping. Drop several files at once: deals, stage history,
            activities and users are read together.
          </p>
          <div className="drop-zone-actions">
            {chooseButton}
            <span className="muted">CSV, TSV, TXT or XLSX</span>
          </div>
          {busy && (
            <p className="drop-zone-busy" role="status">
              Handing the files to Stagecoach…
            </p>
          )}
        </>
      )}
    </div>
  );
}
