import type { PdfPaper, PdfScorecardScope } from '@shared/api/bridge';

/**
 * The renderer's print routes, as hash paths (`/print/scorecard/5?period=quarter&at=…`). The
 * renderer reads the same parameters as its scorecard screens (period, at, team, version) plus
 * `paper`, and `via=pdf` tells it a PDF maker draws the running header and footer.
 */

/** A section of the team pack and the pages it takes when printed on its own. */
export type PackSection = { key: 'team' | number; pages: number };

function scopeParams(scope: PdfScorecardScope, paper: PdfPaper): URLSearchParams {
  const params = new URLSearchParams({ period: scope.kind, at: scope.at });
  for (const team of scope.teams) params.append('team', team);
  if (scope.versionId !== null) params.set('version', String(scope.versionId));
  params.set('paper', paper);
  params.set('via', 'pdf');
  return params;
}

/** One rep's scorecard. */
export function repScorecardRoute(repId: number, scope: PdfScorecardScope, paper: PdfPaper): string {
  return `/print/scorecard/${repId}?${scopeParams(scope, paper).toString()}`;
}

/** The team summary: targets, reps side by side, the team's figures. */
export function teamRoute(scope: PdfScorecardScope, paper: PdfPaper): string {
  return `/print/team?${scopeParams(scope, paper).toString()}`;
}

/**
 * The team summary and every rep's scorecard in one document, a table of contents on page 1.
 * With `sections` (in order, each with its page count when printed alone) the contents list
 * the page each section starts on; every section starts on a new page.
 */
export function teamPackRoute(scope: PdfScorecardScope, paper: PdfPaper, sections?: PackSection[]): string {
  const params = scopeParams(scope, paper);
  if (sections && sections.length > 0)
    params.set('toc', sections.map((s) => `${s.key}:${s.pages}`).join(','));
  return `/print/team-pack?${params.toString()}`;
}

/** The one-on-one prep of a rep, as it stands today. */
export function oneOnOneRoute(repId: number, paper: PdfPaper): string {
  return `/print/one-on-one/${repId}?${new URLSearchParams({ paper, via: 'pdf' }).toString()}`;
}

/** The paper a route asks for (A4 unless it says letter). */
export function paperOfRoute(route: string): PdfPaper {
  const query = route.includes('?') ? route.slice(route.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('paper') === 'letter' ? 'letter' : 'a4';
}
