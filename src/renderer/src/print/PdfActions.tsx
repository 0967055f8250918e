import { useEffect, useId, useRef, useState } from 'react';
import type {
  PdfBridge,
  PdfExportOutcome,
  PdfExportRequest,
  PdfPaper,
  PdfProgress,
} from '@shared/api/bridge';
import { fileName } from '../format/format';
import type { ScorecardView } from '../scorecards/scorecardView';
import { Icon } from '../ui/Icon';
import { pdfScope, printPaths, rememberedPaper, rememberPaper } from './printParams';
import './pdfActions.css';

/** The desktop app's PDF export, or null in browser mode (which prints with the browser's dialog). */
function pdfBridge(): PdfBridge | null {
  return window.stagecoach?.pdf ?? null;
}

/**
 * Opens a print route in a new tab that opens the print dialog once drawn. Not "noopener": the
 * new tab starts with a copy of this tab's session, which holds browser mode's token.
 */
function openPrintTab(path: string): void {
  window.open(`${window.location.pathname}${window.location.search}#${path}`, '_blank');
}

function savedText(outcome: PdfExportOutcome): string | null {
  if (outcome.status === 'cancelled')
    return outcome.files.length > 0 ? `Stopped: ${outcome.files.length} of the PDFs were saved.` : null;
  if (outcome.folder) return `${outcome.files.length} PDFs saved in ${outcome.folder}`;
  return outcome.files[0] ? `Saved ${fileName(outcome.files[0])}` : null;
}

type PaperPickerProps = { paper: PdfPaper; onChange: (paper: PdfPaper) => void };

function PaperPicker({ paper, onChange }: PaperPickerProps) {
  return (
    <select
      className="input pdf-paper"
      aria-label="Paper size"
      title="Paper size of the printout"
      value={paper}
      onChange={(event) => {
        const next = event.target.value === 'letter' ? 'letter' : 'a4';
        rememberPaper(next);
        onChange(next);
      }}
    >
      <option value="a4">A4</option>
      <option value="letter">US Letter</option>
    </select>
  );
}

type Note = { tone: 'ok' | 'error'; text: string } | null;

function NoteLine({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <span
      className={`pdf-note pdf-note-${note.tone}`}
      role={note.tone === 'error' ? 'alert' : 'status'}
      data-testid="pdf-note"
    >
      {note.text}
    </span>
  );
}

type ExportButtonProps = {
  paper: PdfPaper;
  disabled: boolean;
  request: (paper: PdfPaper) => PdfExportRequest;
  printPath: (paper: PdfPaper) => string;
  onNote: (note: Note) => void;
};

/** "Export PDF…" in the desktop app (a save dialog, then the file); "Print / PDF" in a browser. */
function ExportButton({ paper, disabled, request, printPath, onNote }: ExportButtonProps) {
  const bridge = pdfBridge();
  const [busy, setBusy] = useState(false);
  if (!bridge)
    return (
      <button
        type="button"
        className="btn"
        disabled={disabled}
        title="Opens a printable page in a new tab with the print dialog; choose “Save as PDF” there for a file"
        onClick={() => {
          onNote(null);
          openPrintTab(printPath(paper));
        }}
      >
        <Icon name="download" size={14} />
        Print / PDF
      </button>
    );
  return (
    <button
      type="button"
      className="btn"
      disabled={disabled || busy}
      aria-busy={busy}
      onClick={() => {
        setBusy(true);
        onNote(null);
        void bridge
          .export(request(paper))
          .then((result) => {
            if (!result.ok) onNote({ tone: 'error', text: result.error.message });
            else {
              const text = savedText(result.value);
              onNote(text ? { tone: 'ok', text } : null);
            }
          })
          .finally(() => setBusy(false));
      }}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
      {busy ? 'Exporting…' : 'Export PDF…'}
    </button>
  );
}

export type ScorecardPdfActionsProps = {
  /** A rep's scorecard; without it, the team summary and every rep. */
  repId?: number;
  view: ScorecardView;
  today: string;
  disabled: boolean;
};

/** The scorecard screens' printing: this scorecard as PDF, and on the team screen every rep's. */
export function ScorecardPdfActions({ repId, view, today, disabled }: ScorecardPdfActionsProps) {
  const [paper, setPaper] = useState<PdfPaper>(rememberedPaper);
  const [note, setNote] = useState<Note>(null);
  const scope = pdfScope(view, today);
  return (
    <div className="pdf-actions no-print" data-testid="pdf-actions">
      <div className="pdf-buttons">
        <PaperPicker paper={paper} onChange={setPaper} />
        {repId !== undefined ? (
          <ExportButton
            paper={paper}
            disabled={disabled}
            request={(p) => ({ kind: 'rep', repId, scope, paper: p })}
            printPath={(p) => printPaths.repScorecard(repId, view, today, p)}
            onNote={setNote}
          />
        ) : (
          <>
            <ExportButton
              paper={paper}
              disabled={disabled}
              request={(p) => ({ kind: 'team', scope, paper: p })}
              printPath={(p) => printPaths.team(view, today, p)}
              onNote={setNote}
            />
            <EveryRepButton paper={paper} disabled={disabled} view={view} today={today} onNote={setNote} />
          </>
        )}
      </div>
      <NoteLine note={note} />
    </div>
  );
}

export type PrepPdfActionsProps = { repId: number };

/** The one-on-one prep as a PDF, to read on the plane or hand over. */
export function PrepPdfActions({ repId }: PrepPdfActionsProps) {
  const [paper, setPaper] = useState<PdfPaper>(rememberedPaper);
  const [note, setNote] = useState<Note>(null);
  return (
    <div className="pdf-actions no-print" data-testid="pdf-actions">
      <div className="pdf-buttons">
        <PaperPicker paper={paper} onChange={setPaper} />
        <ExportButton
          paper={paper}
          disabled={false}
          request={(p) => ({ kind: 'oneOnOne', repId, paper: p })}
          printPath={(p) => printPaths.oneOnOne(repId, p)}
          onNote={setNote}
        />
      </div>
      <NoteLine note={note} />
    </div>
  );
}

type EveryRepButtonProps = {
  paper: PdfPaper;
  disabled: boolean;
  view: ScorecardView;
  today: string;
  onNote: (note: Note) => void;
};

/**
 * Every rep at once. In a browser: one printable document with every scorecard. In the desktop
 * app: a dialog, then a folder with a PDF per rep, the team summary and, if asked, the combined
 * document — with progress and Cancel while they are drawn.
 */
function EveryRepButton({ paper, disabled, view, today, onNote }: EveryRepButtonProps) {
  const bridge = pdfBridge();
  const [open, setOpen] = useState(false);
  if (!bridge)
    return (
      <button
        type="button"
        className="btn"
        disabled={disabled}
        title="Opens one printable document with the team summary and every rep’s scorecard, contents on page 1"
        onClick={() => {
          onNote(null);
          openPrintTab(printPaths.teamPack(view, today, paper));
        }}
      >
        <Icon name="layers" size={14} />
        Print every rep
      </button>
    );
  return (
    <>
      <button type="button" className="btn" disabled={disabled} onClick={() => setOpen(true)}>
        <Icon name="layers" size={14} />
        Export every rep…
      </button>
      {open && (
        <EveryRepDialog
          bridge={bridge}
          paper={paper}
          view={view}
          today={today}
          onClose={(note) => {
            setOpen(false);
            onNote(note);
          }}
        />
      )}
    </>
  );
}

type EveryRepDialogProps = {
  bridge: PdfBridge;
  paper: PdfPaper;
  view: ScorecardView;
  today: string;
  onClose: (note: Note) => void;
};

function EveryRepDialog({ bridge, paper, view, today, onClose }: EveryRepDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [combined, setCombined] = useState(true);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<PdfProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => (running ? bridge.onProgress(setProgress) : undefined), [bridge, running]);

  const start = (): void => {
    setRunning(true);
    setError(null);
    setProgress(null);
    void bridge
      .export({ kind: 'everyRep', scope: pdfScope(view, today), paper, combined })
      .then((result) => {
        if (!result.ok) {
          setError(result.error.message);
          return;
        }
        const text = savedText(result.value);
        onClose(text ? { tone: 'ok', text } : null);
      })
      .finally(() => {
        setRunning(false);
        setCancelling(false);
      });
  };
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <dialog
      ref={ref}
      className="dialog pdf-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!running) onClose(null);
      }}
    >
      <div className="dialog-body">
        <h2 id={titleId}>Export every rep’s scorecard</h2>
        {running ? (
          <div className="pdf-progress-block" data-testid="pdf-progress">
            <p>
              {cancelling
                ? 'Stopping…'
                : progress?.current
                  ? `Drawing ${progress.current} — ${progress.done + 1} of ${progress.total}`
                  : 'Choose a folder; the PDFs are drawn one after the other.'}
            </p>
            <div
              className="pdf-progress"
              role="progressbar"
              aria-label="PDF export progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <div className="pdf-progress-fill" style={{ width: `${percent}%` }} />
            </div>
          </div>
        ) : (
          <>
            <p>
              One PDF per rep and one for the team summary, in a new folder inside the folder you choose (
              {paper === 'letter' ? 'US Letter' : 'A4'}).
            </p>
            <label className="pdf-check">
              <input type="checkbox" checked={combined} onChange={(e) => setCombined(e.target.checked)} />
              Also one PDF with every scorecard and a table of contents
            </label>
          </>
        )}
        {error && (
          <p className="pdf-note pdf-note-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        {running ? (
          <button
            type="button"
            className="btn"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void bridge.cancel();
            }}
          >
            Cancel
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => onClose(null)}>
              Close
            </button>
            <button type="button" className="btn btn-primary" onClick={start}>
              Choose a folder…
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
