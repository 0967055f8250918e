import type { PdfPaper, PdfScorecardScope } from '@shared/api/bridge';
import { positiveInt } from '../reports/reportFilters';
import { type ScorecardView, writeScorecardView } from '../scorecards/scorecardView';

/**
 * The print routes' own parameters, next to the scorecard scope they share with the screens:
 * `paper=letter` (A4 otherwise), `via=pdf` when a PDF maker draws the running header and footer
 * itself, `autoprint=1` to open the browser's print dialog once drawn, and `toc` — the pack's
 * sections with their page counts (`team:2,5:3,…`) so its contents can give page numbers.
 */
export type PrintOptions = {
  paper: PdfPaper;
  viaPdf: boolean;
  autoprint: boolean;
};

/** A section of the team pack and its length printed alone: 'team' or a rep id. */
export type TocEntry = { key: 'team' | number; pages: number };

export function readPrintOptions(params: URLSearchParams): PrintOptions {
  return {
    paper: params.get('paper') === 'letter' ? 'letter' : 'a4',
    viaPdf: params.get('via') === 'pdf',
    autoprint: params.get('autoprint') === '1',
  };
}

/** The pack's sections from `toc`, or null when absent or malformed. */
export function readToc(params: URLSearchParams): TocEntry[] | null {
  const text = params.get('toc');
  if (!text) return null;
  const entries: TocEntry[] = [];
  for (const part of text.split(',')) {
    const [key, pages] = part.split(':');
    const count = positiveInt(pages ?? null);
    const id = key === 'team' ? 'team' : positiveInt(key ?? null);
    if (count === null || id === null) return null;
    entries.push({ key: id, pages: count });
  }
  return entries;
}

/** The scope of a scorecard screen as a PDF export names it: the period's day made explicit. */
export function pdfScope(view: ScorecardView, today: string): PdfScorecardScope {
  return { kind: view.kind, at: view.at ?? today, versionId: view.versionId, teams: view.teams };
}

function printQuery(view: ScorecardView, today: string, paper: PdfPaper): string {
  const params = writeScorecardView({ ...view, at: view.at ?? today });
  params.set('period', view.kind);
  params.set('paper', paper);
  params.set('autoprint', '1');
  return params.toString();
}

/** Print routes for the browser's own print dialog (hash paths, without the "#"). */
export const printPaths = {
  repScorecard: (repId: number, view: ScorecardView, today: string, paper: PdfPaper): string =>
    `/print/scorecard/${repId}?${printQuery(view, today, paper)}`,
  team: (view: ScorecardView, today: string, paper: PdfPaper): string =>
    `/print/team?${printQuery(view, today, paper)}`,
  teamPack: (view: ScorecardView, today: string, paper: PdfPaper): string =>
    `/print/team-pack?${printQuery(view, today, paper)}`,
  oneOnOne: (repId: number, paper: PdfPaper): string =>
    `/print/one-on-one/${repId}?${new URLSearchParams({ paper, autoprint: '1' }).toString()}`,
};

const PAPER_KEY = 'stagecoach.paper';

/** The paper the user printed on last (A4 until they choose Letter). */
export function rememberedPaper(): PdfPaper {
  return localStorage.getItem(PAPER_KEY) === 'letter' ? 'letter' : 'a4';
}

export function rememberPaper(paper: PdfPaper): void {
  localStorage.setItem(PAPER_KEY, paper);
}
