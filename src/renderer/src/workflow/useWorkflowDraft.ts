import { useCallback, useMemo, useState } from 'react';
import type { WorkflowVersion } from '@shared/domain/types';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { type Draft, fromDraft, toDraft } from './draftModel';
import { type Validation, validateDefinition } from './validation';

type Edits = {
  draft: Draft;
  /** The version the edits started from. */
  baseId: number;
  /** Set once the edits were saved as this version: they give way as soon as it is current. */
  savedAs: number | null;
  /** The file the draft was loaded from, if it was imported. */
  importedFrom: string | null;
};

export type WorkflowDraft = {
  /** What the editor shows: the edits, or the current version when there are none. */
  draft: Draft | null;
  /** The draft as a definition, in the schema's shape. */
  definition: WorkflowDefinition | null;
  validation: Validation | null;
  dirty: boolean;
  /** Saved, and waiting for the current version to catch up. */
  saving: boolean;
  importedFrom: string | null;
  /** The version the edits started from, when another one became current meanwhile. */
  staleBase: number | null;
  edit: (change: (draft: Draft) => Draft) => void;
  load: (definition: WorkflowDefinition, fileName: string) => void;
  discard: () => void;
  markSaved: (version: WorkflowVersion) => void;
};

/** The editor's state over the current version: edits live here until they are saved or discarded. */
export function useWorkflowDraft(current: WorkflowVersion | undefined): WorkflowDraft {
  const [edits, setEdits] = useState<Edits | null>(null);
  const base = useMemo(() => (current ? toDraft(current.definition) : null), [current]);
  const baseJson = useMemo(() => (base ? JSON.stringify(fromDraft(base)) : null), [base]);

  // Edits saved as the version that is now current are that version: show it instead.
  const active = edits && !(edits.savedAs !== null && edits.savedAs === current?.id) ? edits : null;
  const draft = active?.draft ?? base;
  const definition = useMemo(() => (draft ? fromDraft(draft) : null), [draft]);
  const dirty = active !== null && definition !== null && JSON.stringify(definition) !== baseJson;
  const validation = useMemo(
    () => (definition && dirty ? validateDefinition(definition) : null),
    [definition, dirty],
  );

  const edit = useCallback(
    (change: (draft: Draft) => Draft) => {
      if (!current || !base) return;
      setEdits((previous) => {
        const keep = previous && !(previous.savedAs !== null && previous.savedAs === current.id);
        if (keep && previous.savedAs !== null) return previous; // saving: the form is read-only
        return {
          draft: change(keep ? previous.draft : base),
          baseId: keep ? previous.baseId : current.id,
          savedAs: null,
          importedFrom: keep ? previous.importedFrom : null,
        };
      });
    },
    [current, base],
  );

  const load = useCallback(
    (loaded: WorkflowDefinition, fileName: string) => {
      if (!current) return;
      setEdits({ draft: toDraft(loaded), baseId: current.id, savedAs: null, importedFrom: fileName });
    },
    [current],
  );

  const discard = useCallback(() => setEdits(null), []);

  const markSaved = useCallback(
    (version: WorkflowVersion) =>
      setEdits((previous) => (previous ? { ...previous, savedAs: version.id } : previous)),
    [],
  );

  return {
    draft,
    definition,
    validation,
    dirty: dirty || (active?.savedAs ?? null) !== null,
    saving: (active?.savedAs ?? null) !== null,
    importedFrom: active?.importedFrom ?? null,
    staleBase:
      active && current && active.baseId !== current.id && active.savedAs === null ? active.baseId : null,
    edit,
    load,
    discard,
    markSaved,
  };
}
