import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { DealRow } from '@shared/domain/types';
import { api } from '../api/client';
import { useDataVersion } from '../data/engineEvents';
import { errorMessage } from '../data/errorMessage';
import type { DealsQuery } from './dealsView';

export const PAGE_SIZE = 200;
/** Pages kept per query; the ones farthest from where the user scrolls go first. */
const MAX_PAGES = 40;

type PageCache = {
  key: string;
  total: number | null;
  pages: ReadonlyMap<number, DealRow[]>;
  error: string | null;
};

export type DealPages = {
  /** Deals matching the query, or null until the first page of this query arrived. */
  total: number | null;
  /** The total of the previous query, shown while the new one loads. */
  previousTotal: number | null;
  /** Loaded pages by offset. */
  pages: ReadonlyMap<number, DealRow[]>;
  error: string | null;
  /** Fetches every page that overlaps rows first..last (by index) and is not loaded yet. */
  ensureRows: (first: number, last: number) => void;
  reload: () => void;
};

const noPages: ReadonlyMap<number, DealRow[]> = new Map();

function withPage(pages: ReadonlyMap<number, DealRow[]>, offset: number, rows: DealRow[]) {
  const next = new Map(pages);
  next.set(offset, rows);
  while (next.size > MAX_PAGES) {
    let farthest = offset;
    for (const key of next.keys()) if (Math.abs(key - offset) > Math.abs(farthest - offset)) farthest = key;
    next.delete(farthest);
  }
  return next;
}

/**
 * The deals of one filter and sort, fetched from the engine a page of 200 at a time as the user
 * scrolls, and cached by offset until the query or the workspace data changes.
 */
export function useDealPages(query: DealsQuery): DealPages {
  const version = useDataVersion();
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify([query, version, attempt]);
  const [cache, setCache] = useState<PageCache>({ key, total: null, pages: noPages, error: null });
  const requested = useRef(new Set<string>());
  // Answers for a query the user has left are dropped, so they never overwrite the current one.
  const activeKey = useRef(key);
  useLayoutEffect(() => {
    activeKey.current = key;
  });
  const current = cache.key === key ? cache : null;
  const pages = current?.pages ?? noPages;
  const failed = current?.error != null;

  const ensureRows = useCallback(
    (first: number, last: number) => {
      if (failed) return;
      for (let offset = Math.floor(first / PAGE_SIZE) * PAGE_SIZE; offset <= last; offset += PAGE_SIZE) {
        const id = `${key}@${offset}`;
        if (pages.has(offset) || requested.current.has(id)) continue;
        requested.current.add(id);
        api.deals.list({ ...query, offset, limit: PAGE_SIZE }).then(
          (page) => {
            requested.current.delete(id);
            if (activeKey.current !== key) return;
            setCache((prev) => {
              const base = prev.key === key ? prev.pages : noPages;
              return { key, total: page.total, pages: withPage(base, offset, page.rows), error: null };
            });
          },
          (error: unknown) => {
            requested.current.delete(id);
            if (activeKey.current !== key) return;
            setCache((prev) => ({
              key,
              total: prev.key === key ? prev.total : null,
              pages: prev.key === key ? prev.pages : noPages,
              error: errorMessage(error),
            }));
          },
        );
      }
    },
    [failed, key, pages, query],
  );

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    total: current?.total ?? null,
    previousTotal: cache.total,
    pages,
    error: current?.error ?? null,
    ensureRows,
    reload,
  };
}
