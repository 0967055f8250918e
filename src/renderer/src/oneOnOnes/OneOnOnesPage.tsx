import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { OneOnOneRepRow } from '@shared/oneOnOnes/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { EmptyWorkspace } from '../overview/DemoControls';
import { LoadingCards } from '../reports/ReportStates';
import { useWorkspace } from '../shell/workspaceContext';
import { DataTable } from '../ui/DataTable';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { EvaluateFirst, useEvaluateCurrent } from './EvaluateFirst';
import { agoLabel, formatDay } from './prepFormat';
import './oneOnOnes.css';

const column = createColumnHelper<OneOnOneRepRow>();

function todayKey(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function columns(today: string) {
  return [
    column.accessor('name', {
      header: 'Rep',
      meta: {
        csvColumns: [
          { header: 'Rep', value: (row) => row.name },
          { header: 'Role', value: (row) => row.role },
        ],
      },
      cell: ({ row }) => (
        <span className="oo-rep-cell">
          <Link to={`/one-on-ones/${row.original.id}`} onClick={(e) => e.stopPropagation()}>
            {row.original.name}
          </Link>
          <span className="chip">{row.original.role}</span>
        </span>
      ),
    }),
    column.accessor('team', { header: 'Team', cell: (info) => info.getValue() ?? '—' }),
    column.accessor('managerName', { header: 'Manager', cell: (info) => info.getValue() ?? '—' }),
    column.accessor('lastHeldOn', {
      header: 'Last one-on-one',
      sortUndefined: 'last',
      cell: ({ row }) =>
        row.original.lastHeldOn ? (
          <span>
            {formatDay(row.original.lastHeldOn, today)}{' '}
            <span className="muted">· {agoLabel(row.original.lastHeldOn, today)}</span>
          </span>
        ) : (
          <span className="muted">None yet</span>
        ),
    }),
    column.accessor('draftUpdatedAt', {
      header: 'Draft',
      meta: { csv: (row) => (row.draftUpdatedAt ? 'Draft in progress' : null) },
      cell: (info) =>
        info.getValue() ? <span className="oo-chip oo-chip-accent">Draft in progress</span> : null,
    }),
    column.accessor('openCommitments', {
      header: 'Open commitments',
      meta: {
        numeric: true,
        csvColumns: [
          { header: 'Open commitments', value: (row) => row.openCommitments },
          { header: 'Overdue commitments', value: (row) => row.overdueCommitments },
        ],
      },
      cell: ({ row }) => (
        <span className="oo-commit-count">
          {row.original.openCommitments}
          {row.original.overdueCommitments > 0 && (
            <span className="oo-chip oo-chip-bad">{row.original.overdueCommitments} overdue</span>
          )}
        </span>
      ),
    }),
    column.accessor('atRisk', {
      header: 'Deals at risk',
      meta: {
        numeric: true,
        csvColumns: [
          { header: 'Deals at risk', value: (row) => row.atRisk },
          { header: 'Stalled', value: (row) => row.stalled },
        ],
      },
      cell: ({ row }) =>
        row.original.atRisk > 0 ? (
          <span
            className="oo-risk-badge"
            data-testid="risk-badge"
            title={`${row.original.atRisk} open deals at risk, ${row.original.stalled} of them stalled`}
          >
            <Icon name="alert" size={12} />
            {row.original.atRisk}
          </span>
        ) : (
          <span className="muted">0</span>
        ),
    }),
  ];
}

/** The rep picker: whom to prepare a one-on-one for, with what is waiting for each. */
export function OneOnOnesPage() {
  const navigate = useNavigate();
  const { data: workspace } = useWorkspace();
  const reps = useApiQuery(() => api.oneOnOnes.list({}), []);
  const evaluate = useEvaluateCurrent();
  const today = todayKey();
  const cols = useMemo(() => columns(today), [today]);
  const open = useCallback((row: OneOnOneRepRow) => void navigate(`/one-on-ones/${row.id}`), [navigate]);

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-title">One-on-ones</h1>
        <p className="page-subtitle">
          Pick a rep to prepare their one-on-one: what changed since last time, their gaps, deals at risk and
          commitments.
        </p>
      </div>
      <Link className="btn" to="/ramp">
        <Icon name="ramp" size={14} />
        Ramp of new hires
      </Link>
    </header>
  );

  if (workspace && workspace.counts.reps === 0)
    return (
      <div className="page">
        {header}
        <EmptyWorkspace />
      </div>
    );

  let body;
  if (reps.errorCode === 'not_found' && /evaluated/.test(reps.error ?? ''))
    body = <EvaluateFirst evaluate={evaluate} />;
  else if (reps.error)
    body = <ErrorBanner title="The reps could not be loaded" message={reps.error} onRetry={reps.reload} />;
  else if (!reps.data) body = <LoadingCards label="Loading the reps" cards={1} />;
  else
    body = (
      <section className="card oo-picker">
        <DataTable
          data={reps.data}
          columns={cols}
          label="Reps to prepare a one-on-one for"
          emptyMessage="No reps in this workspace yet."
          rowTestId="oo-rep-row"
          onRowClick={open}
          exportName="One-on-ones"
        />
        <p className="oo-card-note">
          Deals at risk: open deals stalled past their stage&rsquo;s target days, missing required actions, or
          with no next step in motion.
        </p>
      </section>
    );

  return (
    <div className="page">
      {header}
      {body}
    </div>
  );
}
