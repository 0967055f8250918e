import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { ObservationListRow, ObservationPage } from '@shared/coaching/observationViews';
import { api } from '../api/client';
import { errorMessage } from '../data/errorMessage';
import { useApiQuery } from '../data/useApiQuery';
import { formatIsoDate, formatPercent, plural } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { ObservationsFilterBar } from './ObservationsFilterBar';
import { toneOf } from './TagsField';
import { ChecklistBar, RubricScore, observationColumns } from './observationColumns';
import {
  type ObservationsView,
  hasObservationFilters,
  noObservationFilters,
  readObservationsView,
  toObservationsQuery,
  writeObservationsView,
} from './observationsView';
import './observations.css';

const PAGE = 100;
/** The largest page observations:list gives, for exporting every observation. */
const EXPORT_PAGE = 500;

type Notice =
  | { kind: 'saved'; id: number; label: string }
  | { kind: 'deleted'; id: number; label: string }
  | { kind: 'restored'; id: number; label: string }
  | { kind: 'failed'; message: string };

function noticeFrom(state: unknown): Notice | null {
  const s = state as {
    saved?: { id: number; label: string };
    deleted?: { id: number; label: string };
  } | null;
  if (s?.saved) return { kind: 'saved', ...s.saved };
  if (s?.deleted) return { kind: 'deleted', ...s.deleted };
  return null;
}

/** Keys typed into a field are the field's: shortcuts only act elsewhere. */
function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function ObservationsPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const view = useMemo(() => readObservationsView(new URLSearchParams(paramsKey)), [paramsKey]);
  const [limit, setLimit] = useState(PAGE);
  const query = useMemo(() => toObservationsQuery(view, limit), [view, limit]);
  const list = useApiQuery(() => api.observations.list(query), [query]);
  const options = useApiQuery(() => api.observations.options({}), []);
  const [notice, setNotice] = useState<Notice | null>(() => noticeFrom(location.state));
  const filtered = hasObservationFilters(view);

  // The notice came with the navigation: a reload or Back must not show it again.
  useEffect(() => {
    if (location.state)
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location, navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target))
        return;
      event.preventDefault();
      void navigate('/observations/new');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);

  const onChange = useCallback(
    (change: Partial<ObservationsView>, opts?: { replace?: boolean }) => {
      setLimit(PAGE);
      setParams((current) => writeObservationsView({ ...readObservationsView(current), ...change }), opts);
    },
    [setParams],
  );
  const clear = () => onChange(noObservationFilters);

  const remove = useCallback(async (row: ObservationListRow) => {
    const label = `${row.repName} on ${formatIsoDate(row.observedOn)}`;
    try {
      await api.observations.delete({ id: row.id });
      setNotice({ kind: 'deleted', id: row.id, label });
    } catch (error) {
      setNotice({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);
  const undo = async (id: number, label: string) => {
    try {
      await api.observations.restore({ id });
      setNotice({ kind: 'restored', id, label });
    } catch (error) {
      setNotice({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const tagOptions = options.data?.tags;
  const columns = useMemo(
    () =>
      observationColumns({
        toneOf: (tag) => toneOf(tag, tagOptions ?? []),
        onDelete: (row) => void remove(row),
      }),
    [tagOptions, remove],
  );
  const page = list.data;
  // The list shows the first pages ("Show more"); the CSV holds every observation of the filters.
  const loadAll = useCallback(async () => {
    const rows: ObservationListRow[] = [];
    for (;;) {
      const next = await api.observations.list({ ...query, offset: rows.length, limit: EXPORT_PAGE });
      rows.push(...next.rows);
      if (next.rows.length === 0 || rows.length >= next.total) return rows;
    }
  }, [query]);

  return (
    <div className="page obs-list-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Observations</h1>
          <p className="page-subtitle">
            Shadowed deals, newest first: the stage checklist as the coach saw it, rubric scores, tags and
            commitments.
          </p>
        </div>
        <div className="page-actions">
          <Link to="/observations/settings" className="btn">
            Rubric &amp; tags
          </Link>
          <Link to="/observations/new" className="btn btn-primary" aria-keyshortcuts="n">
            <Icon name="plus" size={14} />
            Log observation
            <kbd className="kbd-on-primary">N</kbd>
          </Link>
        </div>
      </header>

      {notice && <NoticeBanner notice={notice} onUndo={undo} onDismiss={() => setNotice(null)} />}

      <ObservationsFilterBar view={view} options={options.data} onChange={onChange} />
      {options.error && (
        <ErrorBanner
          title="The filter choices could not be loaded"
          message={options.error}
          onRetry={options.reload}
        />
      )}
      {list.error && (
        <ErrorBanner
          title="The observations could not be loaded"
          message={list.error}
          onRetry={list.reload}
        />
      )}

      {page && (
        <SummaryStrip
          page={page}
          filtered={filtered}
          onClear={clear}
          toneOf={(t) => toneOf(t, tagOptions ?? [])}
        />
      )}

      {page ? (
        page.total === 0 && !filtered ? (
          <EmptyState
            icon="observations"
            title="No observations yet"
            actions={
              <Link to="/observations/new" className="btn btn-primary">
                Log the first one
              </Link>
            }
          >
            Shadow a deal and log what you saw, or import a coaching sheet from{' '}
            <Link to="/import">Import</Link>.
          </EmptyState>
        ) : (
          <section className="card obs-table-card" aria-busy={list.loading} aria-label="Observations">
            <DataTable
              label="Observations"
              data={page.rows}
              columns={columns}
              rowTestId="observation-row"
              tableClassName="obs-table"
              emptyMessage="No observation matches these filters."
              onRowClick={(row) => void navigate(`/observations/${row.id}`)}
              isRowSelected={(row) => notice?.kind === 'saved' && notice.id === row.id}
              exportAllRows={page.rows.length < page.total ? loadAll : undefined}
            />
            {page.rows.length < page.total && (
              <div className="obs-more">
                <button type="button" className="btn" onClick={() => setLimit((n) => n + PAGE)}>
                  Show {Math.min(PAGE, page.total - page.rows.length)} more
                </button>
                <span className="muted">
                  {page.rows.length} of {page.total} shown
                </span>
              </div>
            )}
          </section>
        )
      ) : (
        !list.error && (
          <div className="card obs-loading">
            <span className="spinner" aria-label="Loading observations" />
          </div>
        )
      )}
    </div>
  );
}

type NoticeBannerProps = {
  notice: Notice;
  onUndo: (id: number, label: string) => Promise<void>;
  onDismiss: () => void;
};

function NoticeBanner({ notice, onUndo, onDismiss }: NoticeBannerProps) {
  const [busy, setBusy] = useState(false);
  if (notice.kind === 'failed')
    return <ErrorBanner title="That did not work" message={notice.message} onDismiss={onDismiss} />;
  const text =
    notice.kind === 'saved'
      ? `Saved the observation of ${notice.label}.`
      : notice.kind === 'deleted'
        ? `Deleted the observation of ${notice.label}.`
        : `Restored the observation of ${notice.label}.`;
  return (
    <div
      className={notice.kind === 'deleted' ? 'banner banner-info obs-notice' : 'banner banner-ok obs-notice'}
      role="status"
    >
      <Icon name={notice.kind === 'deleted' ? 'trash' : 'check'} className="banner-icon" />
      <div className="banner-body">{text}</div>
      <div className="banner-actions">
        {notice.kind === 'deleted' && (
          <button
            type="button"
            className="btn btn-small"
            // Right after a delete the focus waits on Undo: Enter brings the observation back.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onUndo(notice.id, notice.label).finally(() => setBusy(false));
            }}
          >
            <Icon name="history" size={13} />
            Undo
          </button>
        )}
        {notice.kind !== 'deleted' && (
          <Link to={`/observations/${notice.id}`} className="btn btn-small">
            Open it
          </Link>
        )}
        <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="close" size={14} />
        </button>
      </div>
    </div>
  );
}

type SummaryStripProps = {
  page: ObservationPage;
  filtered: boolean;
  onClear: () => void;
  toneOf: (tag: string) => string;
};

/** The figures over every observation that matches: what a sales leader reads first. */
function SummaryStrip({ page, filtered, onClear, toneOf }: SummaryStripProps) {
  const { summary } = page;
  const c = summary.checklist;
  const judged = c.done + c.partial + c.skipped;
  return (
    <div className="obs-summary" aria-live="polite">
      <div className="obs-stat">
        <span className="obs-stat-value" data-testid="observations-count">
          {plural(page.total, 'observation')}
        </span>
        <span className="obs-stat-label">
          of {plural(summary.reps, 'rep')}
          {filtered && (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={onClear}>
                clear filters
              </button>
            </>
          )}
        </span>
      </div>
      <div className="obs-stat">
        <span className="obs-stat-value">
          <RubricScore average={summary.rubricAverage} />
        </span>
        <span className="obs-stat-label">rubric average, 1–5</span>
      </div>
      <div className="obs-stat obs-stat-wide">
        <span className="obs-stat-value">
          <ChecklistBar counts={c} />
        </span>
        <span className="obs-stat-label">
          {judged === 0
            ? 'no checklist marks'
            : `${formatPercent(c.done / judged)} done · ${formatPercent(c.partial / judged)} partial · ${formatPercent(c.skipped / judged)} skipped`}
        </span>
      </div>
      <div className="obs-stat obs-stat-tags">
        <span className="obs-stat-label">most seen</span>
        <span className="obs-top-tags">
          {summary.tags.slice(0, 4).map((t) => (
            <span key={t.tag} className={`tag-chip small tone-${toneOf(t.tag)}`}>
              {t.tag} <b>{t.count}</b>
            </span>
          ))}
          {summary.tags.length === 0 && <span className="muted">no tags</span>}
        </span>
      </div>
    </div>
  );
}
