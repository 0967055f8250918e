import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { RepScorecard } from '@shared/scorecards/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { plural } from '../format/format';
import { isoDayOf } from '../reports/periodPresets';
import { positiveInt } from '../reports/reportFilters';
import { RepScorecardContent } from '../scorecards/RepScorecardPage';
import { type ScorecardView, readScorecardView } from '../scorecards/scorecardView';
import '../scorecards/scorecards.css';
import { PrintDocument } from './PrintDocument';
import { footerText, periodText, queryStatus, scopeInput, usePrintBasics } from './printBasics';
import { readPrintOptions } from './printParams';

export type RepSheetProps = {
  scorecard: RepScorecard;
  view: ScorecardView;
  currency: string | null;
  /** The anchor the team pack's contents link to. */
  anchorId?: string;
};

/** The running header of a rep's scorecard. */
export function repSheetTitle(scorecard: RepScorecard): { title: string; subtitle: string } {
  return {
    title: `${scorecard.rep.name} · Scorecard`,
    subtitle: periodText(scorecard.period, scorecard.partial),
  };
}

/** A rep's scorecard on paper: who, which period, against whom, then the scorecard as on screen. */
export function RepSheet({ scorecard, view, currency, anchorId }: RepSheetProps) {
  const { rep } = scorecard;
  return (
    <article className="print-sheet" id={anchorId} data-testid="print-rep-sheet">
      <header className="print-head">
        <p className="print-kicker">Rep scorecard</p>
        <h1 className="print-title">{rep.name}</h1>
        <p className="print-subtitle">
          {[rep.role, rep.team].filter(Boolean).join(' · ')} ·{' '}
          {periodText(scorecard.period, scorecard.partial)} · compared with{' '}
          {plural(scorecard.teamSize, 'rep')} · workflow v{scorecard.version}
        </p>
      </header>
      <RepScorecardContent scorecard={scorecard} view={view} currency={currency} stale={false} />
    </article>
  );
}

/** #/print/scorecard/:repId — one rep's scorecard for the period of `at`, ready to print. */
export function RepScorecardPrint() {
  const params = useParams();
  const [search] = useSearchParams();
  const searchKey = search.toString();
  const { options, view } = useMemo(() => {
    const query = new URLSearchParams(searchKey);
    return { options: readPrintOptions(query), view: readScorecardView(query) };
  }, [searchKey]);
  const repId = positiveInt(params.repId ?? null);
  const input = useMemo(() => scopeInput(view, isoDayOf(new Date())), [view]);
  const card = useApiQuery(
    () =>
      repId === null
        ? Promise.reject(new Error('This address names no rep.'))
        : api.scorecards.rep({ ...input, repId }),
    [input, repId],
  );
  const basics = usePrintBasics();
  const status = queryStatus([card, basics], () => ({
    state: 'ready',
    ...repSheetTitle(card.data!),
    footer: footerText(card.data!.version, basics.data!.workspace.newestDataAt),
  }));
  return (
    <PrintDocument options={options} status={status}>
      {card.data && basics.data && (
        <RepSheet scorecard={card.data} view={view} currency={basics.data.currency} />
      )}
    </PrintDocument>
  );
}
