import { type ReactNode, useMemo, useState } from 'react';
import type { TeamScorecard } from '@shared/scorecards/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatIsoDate, plural } from '../format/format';
import { ScorecardPdfActions } from '../print/PdfActions';
import { EmptyWorkspace } from '../overview/DemoControls';
import { LoadingCards, NotEvaluated, UnknownVersion } from '../reports/ReportStates';
import { useKept } from '../reports/useReportScope';
import { isEmptyWorkspace, useWorkspace } from '../shell/workspaceContext';
import { DataTable } from '../ui/DataTable';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ScorecardExperiments } from '../experiments/ScorecardExperiments';
import { ExportPeriod } from '../ui/ExportPeriod';
import { ScorecardFilterBar } from './ScorecardFilterBar';
import { SettingsEditor } from './SettingsEditor';
import { TargetsPanel } from './TargetsPanel';
import { TeamFigures } from './TeamFigures';
import { teamColumns } from './teamColumns';
import type { ScorecardView } from './scorecardView';
import { CurrencyNote } from '../ui/CurrencyNote';
import { useScorecardScope } from './useScorecardScope';
import './scorecards.css';

export function TeamScorecardPage() {
  const scope = useScorecardScope();
  const { view, onChange, input, today, facets, versions, selected, evaluate } = scope;
  const { data: workspace } = useWorkspace();
  const scorecard = useApiQuery(() => api.scorecards.team(input), [input]);
  const currency = workspace?.money.corporate ?? null;
  const data = useKept(scorecard.data);
  const [editing, setEditing] = useState(false);
  const notEvaluated = scorecard.errorCode === 'not_found' && selected?.evaluatedAt === null;

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-title">Scorecards</h1>
        <p className="page-subtitle">
          Each rep against the team and the previous period: compliance, velocity, conversion, engagement,
          friction and shadowing. Open a rep for their scorecard.
        </p>
      </div>
      {data && (
        <div className="scorecard-actions">
          {scorecard.loading && <span className="spinner" aria-label="Loading the scorecard" />}
          <span className="period-label" data-testid="scorecard-period-shown">
            {data.period.label}
            {data.partial ? ' to date' : ''} · {formatIsoDate(data.period.from)} –{' '}
            {formatIsoDate(data.period.to)}
          </span>
          <ScorecardPdfActions view={view} today={today} disabled={data.reps.length === 0} />
        </div>
      )}
    </header>
  );

  if (workspace && isEmptyWorkspace(workspace))
    return (
      <div className="page">
        {header}
        <EmptyWorkspace />
      </div>
    );

  let body: ReactNode;
  if (scope.unknownVersion) body = <UnknownVersion onUseCurrent={() => onChange({ versionId: null })} />;
  else if (notEvaluated)
    body = (
      <NotEvaluated
        version={selected}
        evaluate={evaluate}
        why="Scorecards are computed from each deal’s evaluation under a workflow version."
      />
    );
  else if (scorecard.error)
    body = (
      <ErrorBanner
        title="The scorecard could not be computed"
        message={scorecard.error}
        onRetry={scorecard.reload}
      />
    );
  else if (!data) body = <LoadingCards label="Loading the scorecard" cards={3} />;
  else
    body = (
      <TeamContent
        scorecard={data}
        view={view}
        currency={currency}
        stale={scorecard.loading}
        editing={editing}
        onEdit={setEditing}
      />
    );

  return (
    <div className="page scorecard-page">
      {header}
      <ScorecardFilterBar
        view={view}
        today={today}
        facets={facets.data}
        versions={versions.data}
        withTeams
        onChange={onChange}
      />
      <ExportPeriod period={data?.period.label}>{body}</ExportPeriod>
    </div>
  );
}

type TeamContentProps = {
  scorecard: TeamScorecard;
  view: ScorecardView;
  currency: string | null;
  stale: boolean;
  editing: boolean;
  onEdit: (editing: boolean) => void;
};

function TeamContent({ scorecard, view, currency, stale, editing, onEdit }: TeamContentProps) {
  const columns = useMemo(
    () => teamColumns(view, currency, scorecard.settings.minSample),
    [view, currency, scorecard.settings.minSample],
  );
  return (
    <div className={stale ? 'scorecard-content stale' : 'scorecard-content'}>
      <CurrencyNote />
      <TargetsPanel targets={scorecard.targets} currency={currency} onEdit={() => onEdit(!editing)} />
      {editing && <SettingsEditor settings={scorecard.settings} onClose={() => onEdit(false)} />}
      <section className="card" aria-labelledby="reps-title">
        <header className="card-header">
          <h2 id="reps-title" className="card-title">
            Reps side by side
          </h2>
          <span className="card-subtitle">
            {plural(scorecard.reps.length, 'rep')} with data in {scorecard.period.label} · cells colored by
            the rep’s percentile in the team · score: weighted mean of percentiles, out of 100
          </span>
        </header>
        <DataTable
          data={scorecard.reps}
          columns={columns}
          label="Reps side by side"
          labelledBy="reps-title"
          initialSorting={[{ id: 'composite', desc: true }]}
          emptyMessage="No rep has deals, actions or observations in this period."
          rowTestId="scorecard-rep-row"
          tableClassName="team-table"
          exportName={['Scorecards', ...view.teams].join(' ')}
        />
        <p className="team-legend">
          <span className="team-cell team-cell-good">percentile 65 or more</span>
          <span className="team-cell team-cell-middle">35 to 65</span>
          <span className="team-cell team-cell-bad">under 35</span>
          <span className="team-cell team-cell-none">too little data to rank</span>
        </p>
      </section>
      <TeamFigures scorecard={scorecard} view={view} currency={currency} />
      <ScorecardExperiments experiments={scorecard.experiments} periodLabel={scorecard.period.label} />
    </div>
  );
}
