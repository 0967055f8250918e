import { useCallback, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useBlocker } from 'react-router';
import type { WorkflowVersion } from '@shared/domain/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { useApiQuery } from '../data/useApiQuery';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ActivityRulesSection } from './ActivityRulesSection';
import { type ImportedFile, downloadDefinition, exportFileName } from './definitionFile';
import { knownActivityTypes, knownDealFields } from './draftModel';
import { HandoffsSection } from './HandoffsSection';
import { IssuesContext } from './issuesContext';
import { SaveBar } from './SaveBar';
import { StagesSection } from './StagesSection';
import { useWorkflowDraft } from './useWorkflowDraft';
import { type DefinitionIssue, fieldId } from './validation';
import { VersionsPanel } from './VersionsPanel';
import { WorkflowBanners } from './WorkflowBanners';
import { WorkflowHeader } from './WorkflowHeader';
import { WorkflowNameCard } from './WorkflowNameCard';
import './workflow.css';

const noIssues: DefinitionIssue[] = [];

/** Takes the user to the field of a problem: opens its stage, then focuses the closest input there is. */
function focusIssue(issue: DefinitionIssue) {
  for (let n = issue.path.length; n >= 1; n--) {
    const element = document.getElementById(fieldId(issue.path.slice(0, n)));
    if (element) {
      element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      element.focus({ preventScroll: true });
      return;
    }
  }
}

/** Workflow: edit the stages, actions, criteria, handoffs and activity rules; every save is a new version. */
export function WorkflowPage() {
  const current = useApiQuery(() => api.workflow.current({}), []);
  const versions = useApiQuery(() => api.workflow.versions({}), []);
  const editor = useWorkflowDraft(current.data);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [issuesOpen, setIssuesOpen] = useState(false);
  const [saved, setSaved] = useState<WorkflowVersion | null>(null);
  const [fileResult, setFileResult] = useState<ImportedFile | null>(null);
  const [pendingImport, setPendingImport] = useState<{
    definition: WorkflowDefinition;
    fileName: string;
  } | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  const { draft, definition, validation, dirty, saving } = editor;
  const issues = validation?.issues ?? noIssues;
  const types = useMemo(() => (draft ? knownActivityTypes(draft) : []), [draft]);
  const fields = useMemo(() => (draft ? knownDealFields(draft) : []), [draft]);
  const nextVersion =
    Math.max(current.data?.version ?? 0, ...(versions.data ?? []).map((v) => v.version)) + 1;

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saving && currentLocation.pathname !== nextLocation.pathname,
  );

  const expand = useCallback((uids: string[], open: boolean) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      for (const uid of uids) {
        if (open) next.add(uid);
        else next.delete(uid);
      }
      return next;
    });
  }, []);

  const resetEditorState = () => {
    setNote('');
    setAttempted(false);
    setIssuesOpen(false);
  };

  const { markSaved } = editor;
  const save = useAction(
    useCallback(
      async (definition: WorkflowDefinition, text: string) => {
        const version = await api.workflow.save({ definition, note: text });
        markSaved(version);
        setSaved(version);
        setNote('');
        setAttempted(false);
        setIssuesOpen(false);
        invalidateData();
      },
      [markSaved],
    ),
  );

  const onSave = () => {
    setAttempted(true);
    if (!validation?.ok) {
      setIssuesOpen(true);
      return;
    }
    if (!note.trim()) {
      document.getElementById('wf-note')?.focus();
      return;
    }
    void save.run(validation.definition, note.trim());
  };

  const jump = (issue: DefinitionIssue) => {
    const [top, index] = issue.path;
    const stage = top === 'stages' && typeof index === 'number' ? draft?.stages[index] : undefined;
    // Open the stage first, synchronously, so its field exists to focus.
    if (stage && !expanded.has(stage.uid)) flushSync(() => expand([stage.uid], true));
    focusIssue(issue);
  };

  const onFile = (result: ImportedFile) => {
    setFileResult(result);
    if (!result.ok) return;
    if (dirty) setPendingImport({ definition: result.definition, fileName: result.fileName });
    else loadFile(result.definition, result.fileName);
  };

  const loadFile = (loaded: WorkflowDefinition, fileName: string) => {
    editor.load(loaded, fileName);
    resetEditorState();
    setSaved(null);
  };

  const edit: typeof editor.edit = (change) => {
    setSaved(null);
    editor.edit(change);
  };

  if (current.error && !current.data)
    return (
      <div className="page">
        <ErrorBanner
          title="The workflow could not be loaded"
          message={current.error}
          onRetry={current.reload}
        />
      </div>
    );

  return (
    <div className="page workflow-page">
      <WorkflowHeader
        current={current.data}
        dirty={dirty}
        onExport={(format) =>
          current.data && downloadDefinition(current.data.definition, current.data.version, format)
        }
        exportName={current.data ? exportFileName(current.data.version) : null}
        onFile={onFile}
      />
      <WorkflowBanners
        saved={saved}
        onDismissSaved={() => setSaved(null)}
        fileResult={fileResult}
        importedFrom={editor.importedFrom}
        dirty={dirty}
        onDismissFile={() => setFileResult(null)}
        staleBase={editor.staleBase}
        currentVersion={current.data?.version ?? null}
        saveError={save.error}
        onDismissSaveError={save.clearError}
      />
      <div className="wf-layout">
        <IssuesContext value={issues}>
          <fieldset className="wf-editor" disabled={saving || save.busy} aria-busy={saving || save.busy}>
            <legend className="visually-hidden">Workflow definition</legend>
            {draft && definition ? (
              <>
                <WorkflowNameCard draft={draft} onChange={(name) => edit((d) => ({ ...d, name }))} />
                <StagesSection
                  draft={draft}
                  definition={definition}
                  types={types}
                  fields={fields}
                  expanded={expanded}
                  onExpand={expand}
                  onChange={(next) => edit(() => next)}
                />
                <HandoffsSection draft={draft} fields={fields} onChange={(next) => edit(() => next)} />
                <ActivityRulesSection draft={draft} types={types} onChange={(next) => edit(() => next)} />
              </>
            ) : (
              <EditorSkeleton />
            )}
            {dirty && (
              <SaveBar
                nextVersion={nextVersion}
                note={note}
                onNote={setNote}
                showNoteError={attempted && !note.trim()}
                issues={issues}
                issuesOpen={issuesOpen}
                onIssuesOpen={setIssuesOpen}
                onJump={jump}
                busy={saving || save.busy}
                onSave={onSave}
                onDiscard={() => setConfirmDiscard(true)}
              />
            )}
          </fieldset>
        </IssuesContext>
        <aside className="wf-rail">
          <VersionsPanel
            versions={versions.data}
            error={versions.error}
            onRetry={versions.reload}
            dirty={dirty}
            onActivated={() => {
              editor.discard();
              resetEditorState();
              setSaved(null);
            }}
          />
        </aside>
      </div>

      {/* One dialog in the page at a time: ConfirmDialog labels itself with a fixed element id. */}
      {confirmDiscard && (
        <ConfirmDialog
          open
          title="Discard your changes?"
          confirmLabel="Discard changes"
          danger
          onCancel={() => setConfirmDiscard(false)}
          onConfirm={() => {
            setConfirmDiscard(false);
            editor.discard();
            resetEditorState();
          }}
        >
          <p>
            The editor goes back to version {current.data?.version}, as it was saved. Nothing has been written
            yet.
          </p>
        </ConfirmDialog>
      )}
      {pendingImport && (
        <ConfirmDialog
          open
          title="Replace your changes with the file?"
          confirmLabel="Load the file"
          onCancel={() => setPendingImport(null)}
          onConfirm={() => {
            loadFile(pendingImport.definition, pendingImport.fileName);
            setPendingImport(null);
          }}
        >
          <p>
            <strong>{pendingImport.fileName}</strong> replaces the unsaved changes in the editor. You can
            still review it before saving it as a new version.
          </p>
        </ConfirmDialog>
      )}
      {blocker.state === 'blocked' && (
        <ConfirmDialog
          open
          title="Leave without saving?"
          confirmLabel="Leave and discard"
          danger
          onCancel={() => blocker.reset?.()}
          onConfirm={() => blocker.proceed?.()}
        >
          <p>Your changes to the workflow are not saved. Save them as a new version first to keep them.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function EditorSkeleton() {
  return (
    <section className="card wf-section" aria-busy="true" aria-label="Loading the workflow">
      <div className="card-body wf-skeleton">
        {Array.from({ length: 6 }, (_, i) => (
          <span key={i} className="skeleton-bar" />
        ))}
      </div>
    </section>
  );
}
