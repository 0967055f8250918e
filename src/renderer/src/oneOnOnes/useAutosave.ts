import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../data/errorMessage';

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

export type Autosave<T> = {
  state: AutosaveState;
  /** Records a new value; it is saved after `delayMs` without further changes. */
  change: (value: T) => void;
  /** Saves a pending value now (on blur, before leaving); resolves once it is written. */
  flush: () => Promise<void>;
};

/**
 * Saves what the user types without a save button: each change restarts a short timer, and the
 * latest value is written when it runs out, when `flush` is called, or when the component goes
 * away. Writes never overlap; a value typed during a write is saved right after it.
 */
export function useAutosave<T>(save: (value: T) => Promise<unknown>, delayMs = 600): Autosave<T> {
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const mounted = useRef(true);
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  const write = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // One write at a time: a value typed during a write goes out right after it.
    while (running.current) await running.current;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    if (mounted.current) setState({ kind: 'saving' });
    running.current = saveRef.current(next.value).then(
      () => {
        running.current = null;
        if (mounted.current)
          setState(pending.current ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
      },
      (error: unknown) => {
        running.current = null;
        // Keep the value so the next change or flush tries again.
        pending.current ??= next;
        if (mounted.current) setState({ kind: 'error', message: errorMessage(error) });
      },
    );
    await running.current;
  }, []);

  const change = useCallback(
    (value: T) => {
      pending.current = { value };
      setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void write(), delayMs);
    },
    [delayMs, write],
  );

  const flush = useCallback(() => write(), [write]);

  useEffect(() => {
    mounted.current = true;
    // Leaving the page (reload, closing the window): send what is pending. No prompt — in the
    // desktop app a cancelled unload would silently keep the window from closing.
    const beforeUnload = (): void => {
      if (pending.current) void write();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      mounted.current = false;
      void write();
    };
  }, [write]);

  return { state, change, flush };
}
