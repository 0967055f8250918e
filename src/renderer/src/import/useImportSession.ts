import { useCallback, useMemo, useState } from 'react';
import type { ImportResult } from '@shared/import/types';
import { ApiCallError, type StagedFile, api, stageFiles } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { errorMessage } from '../data/errorMessage';
import { useWorkspace } from '../shell/workspaceContext';
import { type ImportChoices, buildImportRequest, mergeFiles, noChoices } from './importRequest';
import { type ImportPreviewState, useImportPreview } from './useImportPreview';

/** Where the flow stands: picking and previewing files, writing them, or done. */
export type ImportPhase =
  | { kind: 'preview' }
  | { kind: 'applying'; startedAt: number; cancelling: boolean }
  | { kind: 'done'; result: ImportResult };

export type SessionError = { title: string; message: string };

export type ImportSession = {
  files: StagedFile[];
  choices: ImportChoices;
  phase: ImportPhase;
  preview: ImportPreviewState;
  /** True while chosen files are being handed to the engine. */
  staging: boolean;
  /** A failure to hand files over, to apply or to cancel, said in words. */
  error: SessionError | null;
  /** Set after a cancelled import, which wrote nothing. */
  cancelled: boolean;
  addFiles: (files: File[]) => void;
  removeFile: (name: string) => void;
  choose: (change: (choices: ImportChoices) => ImportChoices) => void;
  repreview: () => void;
  apply: () => void;
  cancel: () => void;
  dismiss: () => void;
  reset: () => void;
};

/** The state of one import, from choosing files to the written batch. */
export function useImportSession(): ImportSession {
  const [files, setFiles] = useState<StagedFile[]>([]);
  const [choices, setChoices] = useState<ImportChoices>(noChoices);
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'preview' });
  const [staging, setStaging] = useState(false);
  const [error, setError] = useState<SessionError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [session, setSession] = useState(0);
  const [attempt, setAttempt] = useState(0);

  const hasDemoData = useWorkspace().data?.hasDemoData ?? false;
  const request = useMemo(
    () =>
      files.length > 0 && phase.kind !== 'done' ? buildImportRequest(files, choices, hasDemoData) : null,
    [files, choices, phase.kind, hasDemoData],
  );
  const preview = useImportPreview(request, session, attempt);

  const addFiles = useCallback((picked: File[]) => {
    if (picked.length === 0) return;
    setStaging(true);
    setError(null);
    setCancelled(false);
    stageFiles(picked).then(
      (staged) => {
        setFiles((current) => mergeFiles(current, staged));
        setStaging(false);
      },
      (caught: unknown) => {
        setError({ title: 'The files could not be opened', message: errorMessage(caught) });
        setStaging(false);
      },
    );
  }, []);

  const apply = useCallback(() => {
    if (!request) return;
    setError(null);
    setCancelled(false);
    setPhase({ kind: 'applying', startedAt: Date.now(), cancelling: false });
    api.import.apply(request).then(
      (result) => {
        invalidateData();
        setPhase({ kind: 'done', result });
      },
      (caught: unknown) => {
        if (caught instanceof ApiCallError && caught.code === 'cancelled') setCancelled(true);
        else setError({ title: 'Nothing was imported', message: errorMessage(caught) });
        setPhase({ kind: 'preview' });
      },
    );
  }, [request]);

  const cancel = useCallback(() => {
    setPhase((current) => (current.kind === 'applying' ? { ...current, cancelling: true } : current));
    api.import
      .cancel({})
      .catch((caught: unknown) =>
        setError({ title: 'The import could not be cancelled', message: errorMessage(caught) }),
      );
  }, []);

  const reset = useCallback(() => {
    setFiles([]);
    setChoices(noChoices);
    setPhase({ kind: 'preview' });
    setError(null);
    setCancelled(false);
    setSession((n) => n + 1);
  }, []);

  return {
    files,
    choices,
    phase,
    preview,
    staging,
    error,
    cancelled,
    addFiles,
    removeFile: useCallback(
      (name: string) => {
        const rest = files.filter((f) => f.name !== name);
        if (rest.length === 0) reset();
        else setFiles(rest);
      },
      [files, reset],
    ),
    choose: useCallback((change: (choices: ImportChoices) => ImportChoices) => setChoices(change), []),
    repreview: useCallback(() => setAttempt((n) => n + 1), []),
    apply,
    cancel,
    dismiss: useCallback(() => {
      setError(null);
      setCancelled(false);
    }, []),
    reset,
  };
}
