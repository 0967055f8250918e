import type { BottleneckCandidate } from '@shared/experiments/types';
import type { Db } from '../db/open';
import { complianceReport } from '../evaluation/queries';
import { bottlenecksReport } from '../reports/patterns';
import { resolveEvaluatedVersion, storedStageFunnel } from '../reports/stageReports';
import { quarterOf, quarterWindow, shiftQuarter } from './windows';

const MAX_CANDIDATES = 12;

const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`);
const days = (value: number | null): string => (value === null ? '—' : `${value.toFixed(1)} days`);

/**
 * The quarters candidates are measured on: the last full quarter before the one planned (never
 * one still running at `now`), and the quarter before it for the trend.
 */
export function candidateQuarters(
  now: number,
  quarter?: string,
): { target: string; measured: string; previous: string } {
  const target = quarter ?? shiftQuarter(quarterOf(now), 1);
  const lastFull = shiftQuarter(quarterOf(now), -1);
  const beforeTarget = shiftQuarter(target, -1);
  const measured = beforeTarget < lastFull ? beforeTarget : lastFull;
  return { target, measured, previous: shiftQuarter(measured, -1) };
}

/**
 * Bottleneck candidates for a quarter, from the reports of the current workflow version: per
 * stage, the drop-off (deals that entered and went no further → a conversion experiment), the
 * days lost beyond the stage's target (→ time in stage) and the required actions missed (→ the
 * compliance of the stage's most-missed action). Each is scored 0–1 against the worst stage on
 * the same measure — the three parts of the bottlenecks report's score — and ranked by it, ties
 * by the stage's whole bottleneck score.
 */
export function bottleneckCandidates(db: Db, now: number, quarter?: string): BottleneckCandidate[] {
  const version = resolveEvaluatedVersion(db, undefined);
  const { measured, previous } = candidateQuarters(now, quarter);
  const current = quarterWindow(measured);
  const before = quarterWindow(previous);
  const report = bottlenecksReport(db, { from: current.from, to: current.to });
  const funnelNow = new Map(
    storedStageFunnel(db, version, current.start, current.end, {
      from: current.from,
      to: current.to,
    }).map((s) => [s.key, s]),
  );
  const funnelBefore = new Map(
    storedStageFunnel(db, version, before.start, before.end, { from: before.from, to: before.to }).map(
      (s) => [s.key, s],
    ),
  );
  const complianceNow = complianceReport(db, { from: current.from, to: current.to });
  const complianceBefore = complianceReport(db, { from: before.from, to: before.to });
  const rateBefore = new Map(
    complianceBefore.actions.map((a) => [`${a.stageKey}\u0000${a.actionKey}`, a.totals.rate]),
  );
  const stages = new Map(version.definition.stages.map((s) => [s.key, s]));
  const open = report.stages.filter((b) => stages.get(b.stageKey) && !stages.get(b.stageKey)!.outcome);
  const max = (pick: (b: (typeof open)[number]) => number): number => Math.max(1, ...open.map(pick));
  const maxDrop = max((b) => b.dropOff);
  const maxDays = max((b) => b.daysLost);
  const maxMissed = max((b) => b.missedActions);
  const ranked: (BottleneckCandidate & { tieBreak: number })[] = [];
  for (const b of open) {
    const stage = stages.get(b.stageKey)!;
    const prior = funnelBefore.get(b.stageKey);
    if (b.dropOff > 0) {
      ranked.push({
        stageKey: b.stageKey,
        stageName: b.stageName,
        metric: { kind: 'conversion', stageKey: b.stageKey },
        score: b.dropOff / maxDrop,
        reason:
          `${b.dropOff} of ${b.entered} deals that entered ${b.stageName} in ${measured} went no further ` +
          `(${percent(b.conversionToNext)} converted; ${percent(prior?.conversionToNext ?? null)} in ${previous}).`,
        current: b.conversionToNext,
        previous: prior?.conversionToNext ?? null,
        better: 'higher',
        sample: b.entered,
        tieBreak: b.score,
      });
    }
    if (b.daysLost > 0) {
      const now = funnelNow.get(b.stageKey)?.perVisit;
      ranked.push({
        stageKey: b.stageKey,
        stageName: b.stageName,
        metric: { kind: 'time_in_stage', stageKey: b.stageKey },
        score: b.daysLost / maxDays,
        reason:
          `${b.overTargetVisits} visits to ${b.stageName} in ${measured} ran over the ${stage.targetDays ?? 0}-day target, ` +
          `${Math.round(b.daysLost)} days lost in all (median ${days(now?.medianDays ?? null)}; ` +
          `${days(prior?.perVisit.medianDays ?? null)} in ${previous}).`,
        current: now?.medianDays ?? null,
        previous: prior?.perVisit.medianDays ?? null,
        better: 'lower',
        sample: now?.count ?? 0,
        tieBreak: b.score,
      });
    }
    if (b.missedActions > 0) {
      const worst = complianceNow.actions
        .filter((a) => a.stageKey === b.stageKey)
        .sort((x, y) => y.totals.missed + y.totals.late - (x.totals.missed + x.totals.late))[0];
      if (worst) {
        const settled = worst.totals.onTime + worst.totals.late + worst.totals.missed;
        const prev = rateBefore.get(`${worst.stageKey}\u0000${worst.actionKey}`) ?? null;
        ranked.push({
          stageKey: b.stageKey,
          stageName: b.stageName,
          metric: { kind: 'compliance', stageKey: b.stageKey, actionKey: worst.actionKey },
          score: b.missedActions / maxMissed,
          reason:
            `${b.missedActions} required actions were missed in ${b.stageName} in ${measured}; ` +
            `"${worst.label}" was on time for ${percent(worst.totals.rate)} (${percent(prev)} in ${previous}).`,
          current: worst.totals.rate,
          previous: prev,
          better: 'higher',
          sample: settled,
          tieBreak: b.score,
        });
      }
    }
  }
  return ranked
    .sort((a, b) => b.score - a.score || b.tieBreak - a.tieBreak)
    .slice(0, MAX_CANDIDATES)
    .map(({ tieBreak: _tieBreak, ...candidate }) => candidate);
}
