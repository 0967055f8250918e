import { useCallback, useState } from 'react';
import type { RestoreCandidate, RestoreResult, RestoreSource } from '@shared/backup/types';
import { api, stageFiles } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { errorMessage } from '../data/errorMessage';

type Opening = { name: string; action: 'check' | 'restore' };

export type RestoreFlow = {
  /** The checked candidate the confirmation dialog shows, or null. */
  candidate: RestoreCandidate | null;
  /** A listed backup being checked (or opened for a restore), for its row's buttons. */
  opening: Opening | null;
  /** A picked file being handed to the engine and checked. */
  openingFile: boolean;
  /** Why the chosen backup cannot be restored (it failed its checks), or why a step failed. */
  openError: string | null;
  restoring: boolean;
  restoreError: string | null;
  result: RestoreResult | null;
  openBackup: (name: string) => void;
  openFile: (file: File) => void;
  confirm: () => void;
  cancel: () => void;
  dismissError: () => void;
  dismissResult: () => void;
};

/**
 * A restore in three moves: check the chosen backup and set it beside the workspace (nothing
 * changes), ask, then restore it — the engine backs the workspace up first.
 */
export function useRestore(): RestoreFlow {
  const [pending, setPending] = useState<{ source: RestoreSource; candidate: RestoreCandidate } | null>(null);
  const [opening, setOpening] = useState<Opening | null>(null);
  const [openingFile, setOpeningFile] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [result, setResult] = useState<RestoreResult | null>(null);

  const inspect = useCallback(async (source: RestoreSource) => {
    setOpenError(null);
    setRestoreError(null);
    setResult(null);
    try {
      const candidate = await api.backups.inspect({ source });
      setPending({ source, candidate });
    } catch (error) {
      setOpenError(errorMessage(error));
    }
  }, []);

  const openBackup = useCallback(
    (name: string) => {
      setOpening({ name, action: 'restore' });
      void inspect({ backup: name }).finally(() => setOpening(null));
    },
    [inspect],
  );

  const openFile = useCallback(
    (file: File) => {
      setOpeningFile(true);
      setOpenError(null);
      void stageFiles([file])
        .then(
          ([staged]) => (staged ? inspect({ path: staged.path }) : undefined),
          (error: unknown) => setOpenError(errorMessage(error)),
        )
        .finally(() => setOpeningFile(false));
    },
    [inspect],
  );

  const confirm = useCallback(() => {
    if (!pending) return;
    setRestoring(true);
    setRestoreError(null);
    api.backups
      .restore({ source: pending.source })
      .then(
        (restored) => {
          setPending(null);
          setResult(restored);
          invalidateData();
        },
        (error: unknown) => setRestoreError(errorMessage(error)),
      )
      .finally(() => setRestoring(false));
  }, [pending]);

  return {
    candidate: pending?.candidate ?? null,
    opening,
    openingFile,
    openError,
    restoring,
    restoreError,
    result,
    openBackup,
    openFile,
    confirm,
    cancel: () => {
      setPending(null);
      setRestoreError(null);
    },
    dismissError: () => setOpenError(null),
    dismissResult: () => setResult(null),
  };
}
