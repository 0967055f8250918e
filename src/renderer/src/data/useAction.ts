import { useCallback, useState } from 'react';
import { errorMessage } from './errorMessage';

export type Action<A extends unknown[]> = {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
};

/** Wraps a write: tracks whether it runs and keeps its error for a banner. Resolves to success. */
export function useAction<A extends unknown[]>(perform: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await perform(...args);
        return true;
      } catch (caught) {
        setError(errorMessage(caught));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [perform],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
