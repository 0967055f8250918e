import { useEffect, useState } from 'react';
import { ApiCallError } from '../api/client';
import { errorMessage } from './errorMessage';

/** What a form page reads once before it opens: loading, gone ("not found"), failed, or ready. */
export type LoadOnce<T> =
  | { state: 'loading' }
  | { state: 'missing'; message: string }
  | { state: 'failed'; message: string }
  | ({ state: 'ready' } & T);

/**
 * Loads a form's inputs once per `key` (change the key to retry): unlike a live query, data
 * changing elsewhere must not reset what the user is typing.
 */
export function useLoadOnce<T extends object>(key: string, load: () => Promise<T>): LoadOnce<T> {
  const [result, setResult] = useState<{ key: string; value: LoadOnce<T> } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setResult({ key, value: { state: 'ready', ...value } }),
      (error: unknown) =>
        current &&
        setResult({
          key,
          value:
            error instanceof ApiCallError && error.code === 'not_found'
              ? { state: 'missing', message: error.message }
              : { state: 'failed', message: errorMessage(error) },
        }),
    );
    return () => {
      current = false;
    };
    // The key names everything `load` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result?.key === key ? result.value : { state: 'loading' };
}
