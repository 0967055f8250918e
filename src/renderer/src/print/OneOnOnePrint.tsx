import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { scorecardDeltas } from '@shared/oneOnOnes/scorecardDeltas';
import type { OneOnOnePrep, OneOnOneRecord, PrepScorecard } from '@shared/oneOnOnes/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { ChangesSection } from '../oneOnOnes/ChangesSection';
import type { CommitmentActions } from '../oneOnOnes/CommitmentRow';
import { CommitmentRow } from '../oneOnOnes/CommitmentRow';
import { CommitmentsSection } from '../oneOnOnes/CommitmentsSection';
import { GapsSection } from '../oneOnOnes/GapsSection';
import { HistorySection } from '../oneOnOnes/HistorySection';
import { LastTimeCard } from '../oneOnOnes/LastTimeCard';
import { ObservationsSection } from '../oneOnOnes/ObservationsSection';
import { PrepSection } from '../oneOnOnes/PrepSection';
import { RisksSection } from '../oneOnOnes/RisksSection';
import { TalkingPointsSection } from '../oneOnOnes/TalkingPointsSection';
import { agoLabel, formatDay } from '../oneOnOnes/prepFormat';
import '../oneOnOnes/oneOnOnes.css';
import { positiveInt } from '../reports/reportFilters';
import { PrintDocument } from './PrintDocument';
import { footerText, queryStatus, usePrintBasics } from './printBasics';
import { readPrintOptions } from './printParams';

// Paper has no buttons: the sections' actions are never offered, so they never run.
const noWrites: CommitmentActions = {
  resolve: () => Promise.resolve(false),
  setRule: () => Promise.resolve(false),
};
const noChange = (): void => undefined;

type PrepSheetProps = {
  prep: OneOnOnePrep;
  history: OneOnOneRecord[];
  scorecard: PrepScorecard | null;
  currency: string | null;
};

/** The notes typed so far and the commitments made in this one-on-one, as text. */
function PrintNotes({ prep }: { prep: OneOnOnePrep }) {
  const made = prep.draft?.commitments ?? [];
  return (
    <PrepSection id="notes" number={7} title="Notes and new commitments">
      <div className="print-notes" data-testid="print-notes">
        {prep.draft?.notes ? prep.draft.notes : <span className="muted">No notes yet.</span>}
      </div>
      {made.length > 0 && (
        <ul className="oo-commitments oo-new-commitments">
          {made.map((c) => (
            <CommitmentRow
              key={c.id}
              commitment={c}
              origin="added in this one-on-one"
              today={prep.today}
              ruleOptions={prep.ruleOptions}
              actions={noWrites}
              busy={false}
            />
          ))}
        </ul>
      )}
    </PrepSection>
  );
}

/** The one-on-one prep on paper: every section of the screen, the agenda and notes as text. */
function PrepSheet({ prep, history, scorecard, currency }: PrepSheetProps) {
  const { rep, changes, today } = prep;
  const facts = [rep.role, rep.team, rep.managerName ? `Manager ${rep.managerName}` : null].filter(Boolean);
  const points = prep.draft && prep.draft.talkingPoints.length > 0 ? prep.draft.talkingPoints : null;
  return (
    <article className="print-sheet print-prep" data-testid="print-prep-sheet">
      <header className="print-head">
        <p className="print-kicker">One-on-one prep · {formatDay(today)}</p>
        <h1 className="print-title">{rep.name}</h1>
        <p className="print-subtitle">
          {facts.join(' · ')}
          {' — '}
          {changes.sinceLastOneOnOne
            ? `last one-on-one on ${formatDay(changes.since, today)} (${agoLabel(changes.since, today)})`
            : 'no one-on-one recorded yet: this prep looks at the last 30 days'}
        </p>
      </header>
      {prep.last && <LastTimeCard last={prep.last} today={today} />}
      <ChangesSection prep={prep} scorecard={scorecard} />
      <GapsSection prep={prep} onCommit={noChange} />
      <RisksSection prep={prep} currency={currency} showAll />
      <ObservationsSection prep={prep} />
      <CommitmentsSection prep={prep} actions={noWrites} busy={false} />
      <TalkingPointsSection prep={prep} points={points} onChange={noChange} saveState={{ kind: 'idle' }} />
      <PrintNotes prep={prep} />
      <HistorySection records={history} today={today} error={null} allOpen />
    </article>
  );
}

/** #/print/one-on-one/:repId — the rep's one-on-one prep as it stands, ready to print. */
export function OneOnOnePrint() {
  const params = useParams();
  const [search] = useSearchParams();
  const searchKey = search.toString();
  const options = useMemo(() => readPrintOptions(new URLSearchParams(searchKey)), [searchKey]);
  const repId = positiveInt(params.repId ?? null);
  const prep = useApiQuery(
    () =>
      repId === null
        ? Promise.reject(new Error('This address names no rep.'))
        : api.oneOnOnes.prep({ repId }),
    [repId],
  );
  const history = useApiQuery(
    () => (repId === null ? Promise.resolve([]) : api.oneOnOnes.history({ repId })),
    [repId],
  );
  const today = prep.data?.today ?? null;
  // The running month's scorecard; a prep prints without it when it cannot be computed.
  const card = useApiQuery(async () => {
    if (repId === null || today === null) return undefined;
    try {
      return await api.scorecards.rep({ repId, kind: 'month', anchor: today });
    } catch {
      return null;
    }
  }, [repId, today]);
  const basics = usePrintBasics();
  const status = queryStatus([prep, history, card, basics], () => ({
    state: 'ready',
    title: `${prep.data!.rep.name} · One-on-one prep`,
    subtitle: `Prepared ${formatDay(prep.data!.today)}`,
    footer: footerText(prep.data!.version, basics.data!.workspace.newestDataAt),
  }));
  const scorecard = prep.data && card.data ? scorecardDeltas(card.data, prep.data.lastScorecard) : null;
  return (
    <PrintDocument options={options} status={status}>
      {prep.data && history.data && card.data !== undefined && basics.data && (
        <PrepSheet
          prep={prep.data}
          history={history.data}
          scorecard={scorecard}
          currency={basics.data.currency}
        />
      )}
    </PrintDocument>
  );
}
