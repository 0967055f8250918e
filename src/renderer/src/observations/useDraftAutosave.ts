import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ObservationDraft } from '@shared/coaching/observation';
import { api } from '../api/client';
import { errorMessage } from '../data/errorMessage';

const AUTOSAVE_MS = 500;

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; message: string };

export type DraftAutosave = {
  status: AutosaveStatus;
  /** Stops autosaving and waits for a save in flight: before the observation is saved or discarded. */
  stop: () => Promise<void>;
  /** Autosaves again, after a save of the observation failed. */
  restart: () => void;
};

/**
 * Saves the form as a draft 500 ms after the coach stops typing, and at once when the form goes
 * away (another screen, a reload), so a crash or a closed window loses at most half a second.
 * Saves run one after another, in order. An untouched form writes no draft.
 */
export function useDraftAutosave(
  observationId: number | null,
  draft: ObservationDraft,
  pristine: boolean,
): DraftAutosave {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef(false);
  const stopped = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(draft);
  useLayoutEffect(() => {
    latest.current = draft;
  });

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    if (!pending.current || stopped.current) return;
    pending.current = false;
    const body = latest.current;
    setStatus({ state: 'saving' });
    chain.current = chain.current.then(() =>
      api.observations.saveDraft({ observationId, body }).then(
        ({ updatedAt }) => setStatus({ state: 'saved', at: updatedAt }),
        (error: unknown) => setStatus({ state: 'failed', message: errorMessage(error) }),
      ),
    );
  }, [observationId]);

  useEffect(() => {
    // Back to what was saved: nothing worth a draft.
    if (pristine) pending.current = false;
    if (pristine || stopped.current) return;
    pending.current = true;
    timer.current = window.setTimeout(flush, AUTOSAVE_MS);
    return () => window.clearTimeout(timer.current);
  }, [draft, pristine, flush]);

  // Leaving the form (or the page) saves what the timer had not saved yet.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const stop = useCallback(async () => {
    window.clearTimeout(timer.current);
    pending.current = false;
    stopped.current = true;
    await chain.current;
  }, []);
  const restart = useCallback(() => {
    stopped.current = false;
  }, []);
  return { status, stop, restart };
}
