import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { type ScorecardSection, scorecardSections, sectionLabels } from '@shared/scorecards/metrics';
import type { RepScorecard } from '@shared/scorecards/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatIsoDate, plural } from '../format/format';
import { ScorecardPdfActions } from '../print/PdfActions';
import { LoadingCards, NotEvaluated, UnknownVersion } from '../reports/ReportStates';
import { useKept } from '../reports/useReportScope';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ExportPeriod } from '../ui/ExportPeriod';
import { Icon } from '../ui/Icon';
import { FigureCard } from './FigureCard';
import { CompositeCard } from './CompositeCard';
import { RepStages } from './RepStages';
import { ScorecardFilterBar } from './ScorecardFilterBar';
import { ShadowingDetails } from './ShadowingDetails';
import { type ScorecardView, drillLink, teamScorecardLink } from './scorecardView';
import { useWorkspace } from '../shell/workspaceContext';
import { useScorecardScope } from './useScorecardScope';
import './scorecards.css';

/** What a section measures, in a line; engagement says what it stands in for. */
const sectionNotes: Record<ScorecardSection, string> = {
  compliance: 'Does the rep do what the workflow asks, when it asks?',
  velocity: 'How fast deals move and turn into revenue.',
  conversion: 'How many deals move on, and how many are won.',
  engagement:
    'CRM exports record no email opens or meeting bookings, so engagement is measured by what they do record: follow-ups done within the workflow’s window after demos and proposals.',
  friction: 'Where deals drag: visits over the stage target, and discounts given to close.',
  shadowing: 'What coaches saw when they shadowed the rep’s deals.',
};

export function RepScorecardPage() {
  const { repId: repParam } = useParams();
  const repId = Number(repParam);
  const validRep = Number.isInteger(repId) && repId > 0;
  const scope = useScorecardScope();
  const { view, onChange, input, today, facets, versions, selected, evaluate } = scope;
  const scorecard = useApiQuery(
    () => (validRep ? api.scorecards.rep({ ...input, repId }) : Promise.resolve(null)),
    [input, repId],
  );
  // Scorecard amounts are in the workspace's corporate currency.
  const currency = useWorkspace().data?.money.corporate ?? null;
  const data = useKept(scorecard.data ?? undefined);
  const shown = data && data.rep.id === repId ? data : undefined;
  const notEvaluated = scorecard.errorCode === 'not_found' && selected?.evaluatedAt === null;

  let body: ReactNode;
  if (!validRep || (scorecard.errorCode === 'not_found' && !notEvaluated && !scope.unknownVersion))
    body = (
      <section className="card">
        <EmptyState
          icon="reps"
          title="This rep is not in the workspace"
          actions={
            <Link className="btn" to="/reps">
              Go to Reps
            </Link>
          }
        >
          <p>The link may come from another workspace, or the rep was removed with an import.</p>
        </EmptyState>
      </section>
    );
  else if (scope.unknownVersion) body = <UnknownVersion onUseCurrent={() => onChange({ versionId: null })} />;
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
  else if (!shown) body = <LoadingCards label="Loading the scorecard" cards={3} />;
  else
    body = (
      <RepScorecardContent scorecard={shown} view={view} currency={currency} stale={scorecard.loading} />
    );

  return (
    <div className="page scorecard-page rep-scorecard">
      <header className="page-header">
        <div>
          <Link to={teamScorecardLink({ ...view, teams: [] })} className="back-link">
            <Icon name="back" size={14} /> Team scorecard
          </Link>
          <h1 className="page-title" data-testid="rep-name">
            {shown?.rep.name ?? 'Rep scorecard'}
          </h1>
          {shown && (
            <p className="page-subtitle">
              {[shown.rep.role, shown.rep.team].filter(Boolean).join(' · ')} · {shown.period.label}
              {shown.partial ? ' to date' : ''} ({formatIsoDate(shown.period.from)} –{' '}
              {formatIsoDate(shown.period.to)}) · compared with {plural(shown.teamSize, 'rep')} · workflow v
              {shown.version}
            </p>
          )}
        </div>
        <div className="scorecard-actions">
          {scorecard.loading && <span className="spinner" aria-label="Loading the scorecard" />}
          <ScorecardPdfActions repId={repId} view={view} today={today} disabled={!shown} />
        </div>
      </header>
      <ScorecardFilterBar
        view={view}
        today={today}
        facets={facets.data}
        versions={versions.data}
        onChange={onChange}
      />
      <ExportPeriod period={shown?.period.label}>{body}</ExportPeriod>
    </div>
  );
}

export type RepScorecardContentProps = {
  scorecard: RepScorecard;
  view: ScorecardView;
  currency: string | null;
  stale: boolean;
};

/** The scorecard itself, below the filters: the screen shows it, and so do its print routes. */
export function RepScorecardContent({ scorecard, view, currency, stale }: RepScorecardContentProps) {
  return (
    <div className={stale ? 'scorecard-content stale' : 'scorecard-content'}>
      {scorecard.figures.every((f) => f.value === null) && (
        <div className="banner banner-info" role="status">
          <Icon name="info" className="banner-icon" />
          <div className="banner-body">
            <div className="banner-title">
              Nothing to score for {scorecard.rep.name} in {scorecard.period.label}
            </div>
            <div>
              Scorecard figures follow deal ownership: actions, advancements, handoffs and outcomes count for
              the deal’s owner, shadowing for the rep observed. {scorecard.rep.name} owned no deal that moved
              in this period and was not shadowed in it.
            </div>
          </div>
        </div>
      )}
      <CompositeCard scorecard={scorecard} />
      {scorecardSections.map((section) => (
        <section
          key={section}
          className="card scorecard-section"
          aria-labelledby={`section-${section}`}
          data-testid={`section-${section}`}
        >
          <header className="card-header">
            <h2 id={`section-${section}`} className="card-title">
              {sectionLabels[section]}
            </h2>
            <span className="card-subtitle">{sectionNotes[section]}</span>
          </header>
          <div className="figure-grid">
            {scorecard.figures
              .filter((f) => f.section === section)
              .map((figure) => (
                <FigureCard
                  key={figure.key}
                  figure={figure}
                  repName={scorecard.rep.name}
                  previousPeriod={scorecard.previousPeriod}
                  currency={currency}
                  minSample={scorecard.settings.minSample}
                  href={drillLink(figure.drill, view)}
                />
              ))}
          </div>
          {section === 'shadowing' && (
            <div className="card-body shadowing-body">
              <ShadowingDetails shadowing={scorecard.shadowing} />
            </div>
          )}
        </section>
      ))}
      <RepStages stages={scorecard.stages} repName={scorecard.rep.name} />
      <p className="scorecard-footnote">
        Team median: the median of the reps with enough data ({scorecard.settings.minSample} or more deals,
        actions or visits behind the figure; one observation for shadowing). Percentile: the share of the
        other reps this rep does better than, ties counting half — 100 is the best of the team, whichever way
        a figure is better.
      </p>
    </div>
  );
}
