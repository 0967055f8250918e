import { Link } from 'react-router';
import type { WorkspaceInfo } from '@shared/domain/types';
import { formatCount, formatDate, formatDateTime } from '../format/format';
import { isEmptyWorkspace, useWorkspace } from '../shell/workspaceContext';
import { DemoBanner, EmptyWorkspace } from './DemoControls';
import './overview.css';

type Stat = { label: string; value: number; to?: string; hint: string };

function stats(info: WorkspaceInfo): Stat[] {
  const { counts } = info;
  return [
    { label: 'Reps', value: counts.reps, to: '/reps', hint: 'people who own deals or log activities' },
    { label: 'Deals', value: counts.deals, to: '/deals', hint: 'open, won and lost' },
    {
      label: 'Stage history entries',
      value: counts.stageEvents,
      hint: 'stage changes as the CRM recorded them',
    },
    { label: 'Activities', value: counts.activities, hint: 'calls, emails, meetings, demos, notes' },
    { label: 'Observations', value: counts.observations, hint: 'shadowing notes from coaches' },
  ];
}

export function OverviewPage() {
  const { data: info } = useWorkspace();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Overview</h1>
          <p className="page-subtitle">This workspace at a glance: what it holds and how fresh it is.</p>
        </div>
      </header>
      {info?.hasDemoData && <DemoBanner />}
      {info && isEmptyWorkspace(info) && <EmptyWorkspace />}
      {info ? <WorkspaceSummary info={info} /> : <OverviewLoading />}
    </div>
  );
}

type WorkspaceSummaryProps = { info: WorkspaceInfo };

function WorkspaceSummary({ info }: WorkspaceSummaryProps) {
  return (
    <>
      <section aria-label="Workspace contents" className="stat-grid">
        {stats(info).map((stat) => {
          const body = (
            <>
              <span className="stat-label">{stat.label}</span>
              <span className="stat-value">{formatCount(stat.value)}</span>
              <span className="stat-hint">{stat.hint}</span>
            </>
          );
          return stat.to && stat.value > 0 ? (
            <Link key={stat.label} to={stat.to} className="card stat stat-link">
              {body}
            </Link>
          ) : (
            <div key={stat.label} className="card stat">
              {body}
            </div>
          );
        })}
      </section>
      {!isEmptyWorkspace(info) && <StartHere />}
      <section className="card" aria-labelledby="workspace-heading">
        <div className="card-header">
          <h2 id="workspace-heading" className="card-title">
            Workspace
          </h2>
          <span className="card-subtitle">One SQLite file on this computer; nothing leaves it.</span>
        </div>
        <dl className="facts">
          <dt>File</dt>
          <dd className="mono">{info.dbPath}</dd>
          <dt>Data up to</dt>
          <dd>{info.newestDataAt === null ? 'No data yet' : formatDateTime(info.newestDataAt)}</dd>
          <dt>Workflow</dt>
          <dd>
            {info.workflowVersion ? (
              <>
                {info.workflowVersion.name} · version {info.workflowVersion.version}
                <span className="muted"> · since {formatDate(info.workflowVersion.createdAt)}</span>
              </>
            ) : (
              'No workflow defined'
            )}
          </dd>
          <dt>Time zone</dt>
          <dd>{info.timeZone}</dd>
          <dt>Schema version</dt>
          <dd>{info.schemaVersion}</dd>
        </dl>
      </section>
    </>
  );
}

const starts = [
  {
    to: '/deals',
    title: 'Browse the deals',
    text: 'Filter by owner, stage, status, team or creation date, then open a deal to read its stage timeline.',
  },
  {
    to: '/reps',
    title: 'Compare the reps',
    text: 'Open, won and lost deals, win rate, won amount and activity for every rep, side by side.',
  },
  {
    to: '/workflow',
    title: 'Write down the workflow',
    text: 'Stages, required actions, advancement criteria and handoffs: the yardstick execution is measured by.',
  },
];

function StartHere() {
  return (
    <section aria-labelledby="start-heading" className="start-here">
      <h2 id="start-heading" className="section-title">
        Where to go next
      </h2>
      <ul className="start-grid">
        {starts.map((start) => (
          <li key={start.to}>
            <Link to={start.to} className="card start-card">
              <span className="start-title">{start.title} →</span>
              <span className="start-text">{start.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OverviewLoading() {
  return (
    <section className="stat-grid" aria-busy="true" aria-label="Loading the workspace">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="card stat">
          <span className="skeleton-bar" style={{ width: '50%' }} />
          <span className="skeleton-bar" style={{ width: '35%', height: 20 }} />
        </div>
      ))}
    </section>
  );
}
