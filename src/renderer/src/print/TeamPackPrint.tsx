import { type MouseEvent, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { RepScorecard, TeamScorecard } from '@shared/scorecards/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { plural } from '../format/format';
import { isoDayOf } from '../reports/periodPresets';
import { ScoreBadge } from '../scorecards/ScorecardBits';
import { readScorecardView } from '../scorecards/scorecardView';
import '../scorecards/scorecards.css';
import { PrintDocument } from './PrintDocument';
import { RepSheet } from './RepScorecardPrint';
import { TeamSheet } from './TeamScorecardPrint';
import { footerText, periodText, queryStatus, scopeInput, usePrintBasics } from './printBasics';
import { type TocEntry, readPrintOptions, readToc } from './printParams';

/** More entries than this would push the contents past page 1, and every page number with it. */
const MAX_NUMBERED_ENTRIES = 64;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Section = { key: 'team' | number; anchor: string; start: number | null };

/**
 * The sections in order — the team summary, then the reps by name — with the page each starts on
 * when `toc` gives every section's length printed alone (each starts a new page; the contents
 * take page 1). A `toc` that does not name exactly these sections is ignored.
 */
export function packSections(team: TeamScorecard, toc: TocEntry[] | null): Section[] {
  const reps = team.reps.toSorted((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  const keys: ('team' | number)[] = ['team', ...reps.map((r) => r.id)];
  const matches =
    toc !== null &&
    toc.length === keys.length &&
    toc.length <= MAX_NUMBERED_ENTRIES &&
    new Set(toc.map((t) => t.key)).size === keys.length &&
    toc.every((t) => keys.includes(t.key));
  const order = matches ? toc.map((t) => t.key) : keys;
  let next = 2;
  return order.map((key) => {
    const pages = matches ? (toc.find((t) => t.key === key)?.pages ?? 0) : 0;
    const section = {
      key,
      anchor: key === 'team' ? 'pack-team' : `pack-rep-${key}`,
      start: matches ? next : null,
    };
    next += pages;
    return section;
  });
}

/** Scrolls to a section on screen; in the PDF the link itself jumps there. */
function jump(event: MouseEvent<HTMLAnchorElement>, anchor: string): void {
  event.preventDefault();
  document.getElementById(anchor)?.scrollIntoView({ block: 'start' });
}

type ContentsProps = {
  team: TeamScorecard;
  sections: Section[];
  cards: Map<number, RepScorecard>;
};

/** Page 1 of the pack: what it holds, each entry linked to its section, with its page when known. */
function Contents({ team, sections, cards }: ContentsProps) {
  const numbered = sections.every((s) => s.start !== null);
  return (
    <section className="print-contents" aria-labelledby="print-contents-title" data-testid="print-contents">
      <header className="print-head">
        <p className="print-kicker">{team.teams.length > 0 ? team.teams.join(', ') : 'All teams'}</p>
        <h1 className="print-title">Scorecards · {team.period.label}</h1>
        <p className="print-subtitle">
          {periodText(team.period, team.partial)} · the team summary and {plural(team.reps.length, 'rep')} ·
          workflow v{team.version}
        </p>
      </header>
      <div className="print-contents-head">
        <h2 id="print-contents-title" className="print-contents-title">
          Contents
        </h2>
        <span className="print-toc-score">Score</span>
        {numbered && <span className="print-toc-page">Page</span>}
      </div>
      <ol className={sections.length > 32 ? 'print-toc print-toc-wide' : 'print-toc'}>
        {sections.map((section) => {
          const card = section.key === 'team' ? null : cards.get(section.key);
          return (
            <li key={section.anchor} data-testid="print-toc-entry">
              <a
                href={`#${section.anchor}`}
                data-toc=""
                className="print-toc-link"
                onClick={(event) => jump(event, section.anchor)}
              >
                <span className="print-toc-name">
                  {card ? card.rep.name : 'Team summary'}
                  <span className="print-toc-detail">
                    {card
                      ? [card.rep.role, card.rep.team].filter(Boolean).join(' · ')
                      : 'targets, reps side by side, the team’s figures'}
                  </span>
                </span>
                <span className="print-toc-leader" aria-hidden="true" />
                <span className="print-toc-score">{card && <ScoreBadge score={card.composite.score} />}</span>
                {numbered && <span className="print-toc-page">{section.start}</span>}
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * #/print/team-pack — the team summary and every rep's scorecard in one document, contents on
 * page 1: for leadership's quarterly review.
 */
export function TeamPackPrint() {
  const [search] = useSearchParams();
  const searchKey = search.toString();
  const { options, view, toc } = useMemo(() => {
    const query = new URLSearchParams(searchKey);
    return { options: readPrintOptions(query), view: readScorecardView(query), toc: readToc(query) };
  }, [searchKey]);
  const input = useMemo(() => scopeInput(view, isoDayOf(new Date())), [view]);
  const team = useApiQuery(() => api.scorecards.team(input), [input]);
  const repIds = team.data?.reps.map((r) => r.id) ?? null;
  const cards = useApiQuery(
    async () =>
      repIds === null
        ? null
        : new Map(
            (await Promise.all(repIds.map((repId) => api.scorecards.rep({ ...input, repId })))).map(
              (card) => [card.rep.id, card],
            ),
          ),
    [input, repIds],
  );
  const basics = usePrintBasics();
  const loaded = cards.data ?? undefined;
  const status = queryStatus([team, { ...cards, data: loaded }, basics], () => ({
    state: 'ready',
    title: `Scorecards · ${team.data!.teams.length > 0 ? team.data!.teams.join(', ') : 'all teams'}`,
    subtitle: periodText(team.data!.period, team.data!.partial),
    footer: footerText(team.data!.version, basics.data!.workspace.newestDataAt),
  }));
  const sections = team.data ? packSections(team.data, toc) : [];
  return (
    <PrintDocument options={options} status={status}>
      {team.data && loaded && basics.data && (
        <>
          <Contents team={team.data} sections={sections} cards={loaded} />
          {sections.map((section) => {
            const card = section.key === 'team' ? null : loaded.get(section.key);
            return (
              <div key={section.anchor} className="print-pack-section">
                {card ? (
                  <RepSheet
                    scorecard={card}
                    view={view}
                    currency={basics.data!.currency}
                    anchorId={section.anchor}
                  />
                ) : (
                  <TeamSheet
                    scorecard={team.data!}
                    view={view}
                    currency={basics.data!.currency}
                    anchorId={section.anchor}
                  />
                )}
              </div>
            );
          })}
        </>
      )}
    </PrintDocument>
  );
}
