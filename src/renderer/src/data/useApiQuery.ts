import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiErrorCode } from '@shared/api/envelope';
import { ApiCallError } from '../api/client';
import { useDataVersion } from './engineEvents';
import { errorMessage } from './errorMessage';

export type ApiQuery<T> = {
  /** The latest answer for these inputs; kept while a reload for the same inputs runs. */
  data: T | undefined;
  error: string | null;
  /** The engine's code for the error, to tell "not found" from a failure. */
  errorCode: ApiErrorCode | null;
  loading: boolean;
  reload: () => void;
};

type Settled<T> = {
  inputKey: string;
  runKey: string;
  data: T | undefined;
  error: string | null;
  errorCode: ApiErrorCode | null;
};

/**
 * Runs `fetcher` when `inputs` change, when the workspace data changes, or on `reload()`.
 * `inputs` must be JSON-serializable: they are the query's identity.
 */
export function useApiQuery<T>(fetcher: () => Promise<T>, inputs: readonly unknown[]): ApiQuery<T> {
  const version = useDataVersion();
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const inputKey = JSON.stringify(inputs);
  const runKey = `${inputKey}#${version}#${attempt}`;

  const latestFetcher = useRef(fetcher);
  useLayoutEffect(() => {
    latestFetcher.current = fetcher;
  });

  useEffect(() => {
    let current = true;
    latestFetcher.current().then(
      (data) => {
        if (current) setSettled({ inputKey, runKey, data, error: null, errorCode: null });
      },
      (error: unknown) => {
        if (current)
          setSettled((previous) => ({
            inputKey,
            runKey,
            data: previous?.inputKey === inputKey ? previous.data : undefined,
            error: errorMessage(error),
            errorCode: error instanceof ApiCallError ? error.code : 'internal',
          }));
      },
    );
    return () => {
      current = false;
    };
  }, [inputKey, runKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const sameInputs = settled?.inputKey === inputKey;
  return {
    data: sameInputs ? settled.data : undefined,
    error: sameInputs ? settled.error : null,
    errorCode: sameInputs ? settled.errorCode : null,
    loading: settled?.runKey !== runKey,
    reload,
  };
}
