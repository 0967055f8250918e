import { useEffect, useState } from 'react';
import type { ImportRequestInput } from '@shared/api/contract';
import type { ImportPreview } from '@shared/import/types';
import { api } from '../api/client';
import { errorMessage } from '../data/errorMessage';

export type ImportPreviewState = {
  /** The latest preview; while a new one runs it stays, so the screen does not jump. */
  preview: ImportPreview | null;
  /** True when the preview shown is not the one for the current request. */
  stale: boolean;
  loading: boolean;
  error: string | null;
};

type Settled = { session: number; key: string; preview: ImportPreview | null; error: string | null };

/**
 * Previews `request` (a dry run: the engine rolls back everything) whenever it or `attempt`
 * changes; null runs nothing. Unlike useApiQuery it keeps the previous preview of the same
 * `session` (one set of files being worked on) while the next one is computed, because every
 * choice on the screen re-runs it.
 */
export function useImportPreview(
  request: ImportRequestInput | null,
  session: number,
  attempt: number,
): ImportPreviewState {
  const [settled, setSettled] = useState<Settled | null>(null);
  const requestKey = request ? JSON.stringify(request) : null;
  const key = requestKey === null ? null : `${session}#${attempt}#${requestKey}`;

  useEffect(() => {
    if (key === null || requestKey === null) return;
    let current = true;
    api.import.preview(JSON.parse(requestKey) as ImportRequestInput).then(
      (preview) => {
        if (current) setSettled({ session, key, preview, error: null });
      },
      (error: unknown) => {
        if (current)
          setSettled((previous) => ({
            session,
            key,
            preview: previous?.session === session ? previous.preview : null,
            error: errorMessage(error),
          }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, requestKey, session]);

  if (key === null) return { preview: null, stale: false, loading: false, error: null };
  const fresh = settled?.key === key;
  return {
    preview: settled?.session === session ? settled.preview : null,
    stale: !fresh,
    loading: !fresh,
    error: fresh ? settled.error : null,
  };
}
