import type { PdfExportRequest, PdfScorecardScope } from '@shared/api/bridge';
import type { ApiResult } from '@shared/api/envelope';
import type { OneOnOnePrep } from '@shared/oneOnOnes/types';
import type { RepScorecard, TeamScorecard } from '@shared/scorecards/types';
import { type PdfJob, oneOnOneFileName, planEveryRep, repScorecardFileName, teamFileName } from './pdfJobs';
import { oneOnOneRoute, repScorecardRoute, teamRoute } from './printRoutes';

/**
 * What an export request becomes once the engine has named its rep and period: one file the user
 * saves where they like, or a folder of files (every rep). No Electron here: the dialogs come after.
 */
export type ExportPlan =
  | { target: 'file'; defaultName: string; dialogTitle: string; job: Omit<PdfJob, 'fileName'> }
  | { target: 'folder'; folderName: string; jobs: PdfJob[] };

export type EngineCall = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

async function value<T>(call: EngineCall, method: string, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function scopeInput(scope: PdfScorecardScope): Record<string, unknown> {
  return {
    kind: scope.kind,
    anchor: scope.at,
    ...(scope.versionId !== null ? { versionId: scope.versionId } : {}),
    ...(scope.teams.length > 0 ? { teams: scope.teams } : {}),
  };
}

/** Asks the engine what the request prints (which rep, which period) and plans its files. */
export async function planExport(request: PdfExportRequest, call: EngineCall): Promise<ExportPlan> {
  switch (request.kind) {
    case 'rep': {
      const card = await value<RepScorecard>(call, 'scorecards:rep', {
        ...scopeInput(request.scope),
        repId: request.repId,
      });
      return {
        target: 'file',
        defaultName: repScorecardFileName(card.rep.name, card.period.label),
        dialogTitle: `Save ${card.rep.name}’s scorecard as PDF`,
        job: {
          key: `rep:${card.rep.id}`,
          label: `${card.rep.name}’s scorecard`,
          route: repScorecardRoute(card.rep.id, request.scope, request.paper),
        },
      };
    }
    case 'team': {
      const team = await value<TeamScorecard>(call, 'scorecards:team', scopeInput(request.scope));
      return {
        target: 'file',
        defaultName: teamFileName(request.scope, team.period.label),
        dialogTitle: 'Save the team scorecard as PDF',
        job: { key: 'team', label: 'the team summary', route: teamRoute(request.scope, request.paper) },
      };
    }
    case 'oneOnOne': {
      const prep = await value<OneOnOnePrep>(call, 'oneOnOnes:prep', { repId: request.repId });
      return {
        target: 'file',
        defaultName: oneOnOneFileName(prep.rep.name, prep.today),
        dialogTitle: `Save the one-on-one prep of ${prep.rep.name} as PDF`,
        job: {
          key: `oneOnOne:${prep.rep.id}`,
          label: `the one-on-one prep of ${prep.rep.name}`,
          route: oneOnOneRoute(prep.rep.id, request.paper),
        },
      };
    }
    case 'everyRep': {
      const team = await value<TeamScorecard>(call, 'scorecards:team', scopeInput(request.scope));
      if (team.reps.length === 0)
        throw new Error(
          `No rep has deals, actions or observations in ${team.period.label}: nothing to export.`,
        );
      const plan = planEveryRep({
        scope: request.scope,
        paper: request.paper,
        periodLabel: team.period.label,
        reps: team.reps.map((rep) => ({ id: rep.id, name: rep.name })),
        combined: request.combined,
      });
      return { target: 'folder', folderName: plan.folderName, jobs: plan.jobs };
    }
  }
}
