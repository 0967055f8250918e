import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TeamScorecard } from '@shared/scorecards/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { ScorecardExperiments } from '../experiments/ScorecardExperiments';
import { plural } from '../format/format';
import { isoDayOf } from '../reports/periodPresets';
import { TargetsPanel } from '../scorecards/TargetsPanel';
import { TeamFigures } from '../scorecards/TeamFigures';
import { type ScorecardView, readScorecardView } from '../scorecards/scorecardView';
import '../scorecards/scorecards.css';
import { PrintDocument } from './PrintDocument';
import { PrintTeamTable } from './PrintTeamTable';
import { footerText, periodText, queryStatus, scopeInput, usePrintBasics } from './printBasics';
import { readPrintOptions } from './printParams';

export type TeamSheetProps = {
  scorecard: TeamScorecard;
  view: ScorecardView;
  currency: string | null;
  anchorId?: string;
};

/** "Team scorecard", or the teams it covers. */
export function teamName(teams: string[]): string {
  return teams.length > 0 ? `Team scorecard · ${teams.join(', ')}` : 'Team scorecard';
}

/** The team summary on paper: the workflow targets, the reps side by side and the team's figures. */
export function TeamSheet({ scorecard, view, currency, anchorId }: TeamSheetProps) {
  return (
    <article className="print-sheet" id={anchorId} data-testid="print-team-sheet">
      <header className="print-head">
        <p className="print-kicker">Team summary</p>
        <h1 className="print-title">{teamName(scorecard.teams)}</h1>
        <p className="print-subtitle">
          {periodText(scorecard.period, scorecard.partial)} · {plural(scorecard.reps.length, 'rep')} with data
          · workflow v{scorecard.version}
        </p>
      </header>
      <div className="scorecard-content">
        <TargetsPanel targets={scorecard.targets} currency={currency} />
        <section className="card print-team-card" aria-labelledby="print-reps-title">
          <header className="card-header">
            <h2 id="print-reps-title" className="card-title">
              Reps side by side
            </h2>
            <span className="card-subtitle">
              Cells colored by the rep’s percentile in the team · score: weighted mean of percentiles, out of
              100
            </span>
          </header>
          {scorecard.reps.length === 0 ? (
            <p className="card-body muted">No rep has deals, actions or observations in this period.</p>
          ) : (
            <PrintTeamTable reps={scorecard.reps} currency={currency} />
          )}
          <p className="team-legend">
            <span className="team-cell team-cell-good">percentile 65 or more</span>
            <span className="team-cell team-cell-middle">35 to 65</span>
            <span className="team-cell team-cell-bad">under 35</span>
            <span className="team-cell team-cell-none">too little data to rank</span>
          </p>
        </section>
        <TeamFigures scorecard={scorecard} view={view} currency={currency} />
        <ScorecardExperiments
          experiments={scorecard.experiments}
          periodLabel={scorecard.period.label}
          print
        />
      </div>
    </article>
  );
}

/** The running header of the team summary. */
export function teamSheetTitle(scorecard: TeamScorecard): { title: string; subtitle: string } {
  return { title: teamName(scorecard.teams), subtitle: periodText(scorecard.period, scorecard.partial) };
}

/** #/print/team — the team summary for the period of `at`, ready to print. */
export function TeamScorecardPrint() {
  const [search] = useSearchParams();
  const searchKey = search.toString();
  const { options, view } = useMemo(() => {
    const query = new URLSearchParams(searchKey);
    return { options: readPrintOptions(query), view: readScorecardView(query) };
  }, [searchKey]);
  const input = useMemo(() => scopeInput(view, isoDayOf(new Date())), [view]);
  const team = useApiQuery(() => api.scorecards.team(input), [input]);
  const basics = usePrintBasics();
  const status = queryStatus([team, basics], () => ({
    state: 'ready',
    ...teamSheetTitle(team.data!),
    footer: footerText(team.data!.version, basics.data!.workspace.newestDataAt),
  }));
  return (
    <PrintDocument options={options} status={status}>
      {team.data && basics.data && (
        <TeamSheet scorecard={team.data} view={view} currency={basics.data.currency} />
      )}
    </PrintDocument>
  );
}
