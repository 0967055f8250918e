import { useSyncExternalStore } from 'react';
import type { EngineEvent } from '@shared/api/events';
import { onEngineEvent } from '../api/client';

type Progress = Extract<EngineEvent, { type: 'progress' }>;

/**
 * One subscription to the engine for the whole renderer. Every `changed` event bumps the data
 * version, and every query keyed on it fetches again: the UI never decides by itself what is stale.
 */
let dataVersion = 0;
const progressByTask = new Map<string, Progress>();
const listeners = new Set<() => void>();
let connected = false;

function notify(): void {
  for (const listener of listeners) listener();
}

function handle(event: EngineEvent): void {
  if (event.type === 'changed') {
    dataVersion += 1;
  } else {
    if (event.done >= event.total) progressByTask.delete(event.task);
    else progressByTask.set(event.task, event);
  }
  notify();
}

function subscribe(listener: () => void): () => void {
  if (!connected) {
    connected = true;
    // The connection lives as long as the window does.
    onEngineEvent(handle);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Marks every query stale, for a write whose `changed` event may arrive later than its answer. */
export function invalidateData(): void {
  dataVersion += 1;
  notify();
}

/** A number that changes whenever workspace data changed; part of every query key. */
export function useDataVersion(): number {
  return useSyncExternalStore(subscribe, () => dataVersion);
}

/** The latest progress report of a long engine task, or null when it is not running. */
export function useTaskProgress(task: string): Progress | null {
  return useSyncExternalStore(subscribe, () => progressByTask.get(task) ?? null);
}
