import {
  FIGURE_WINDOW_DAYS,
  type PrepFigures,
  figureChanges,
  snapshotFigures,
} from '@shared/oneOnOnes/figures';
import { readScorecardSnapshot, scorecardSnapshot } from '@shared/oneOnOnes/scorecardDeltas';
import { buildTalkingPoints } from '@shared/oneOnOnes/talkingPoints';
import type { OneOnOnePrep, OneOnOneRecord, OneOnOneRepRow, PrepChanges } from '@shared/oneOnOnes/types';
import type { Db } from '../db/open';
import { resolveEvaluatedVersion } from '../reports/stageReports';
import { liftTable } from './liftTable';
import { brokenRules, closedSince, newStalls } from './prepChanges';
import { prepGaps } from './prepGaps';
import { observationsSince } from './prepObservations';
import { dealsAtRisk } from './prepRisks';
import { monthScorecard } from './prepScorecard';
import {
  type RecordContext,
  draftRow,
  followUpCommitments,
  holdOneOnOne,
  LIVE_COMMITMENT,
  lastHeldRow,
  recordOf,
  repHeader,
} from './records';
import { repFigures } from './repFigures';
import {
  DAY_MS,
  dayEnd,
  dayOf,
  dayStart,
  ruleOptions,
  workflowLookup,
  workspaceZone,
} from './workflowLookup';

/** Without a one-on-one before, "since last time" covers this many days. */
export const DEFAULT_SINCE_DAYS = 30;

/** The clock, zone and workflow every one-on-one read and write works with. */
export function recordContext(db: Db, now: number): RecordContext {
  const lookup = workflowLookup(resolveEvaluatedVersion(db, undefined));
  const zone = workspaceZone(db);
  return { db, lookup, now, zone, today: dayOf(now, zone) };
}

/** Reps a one-on-one is compared with: the rest of the rep's team (everyone else without a team). */
function peersOf(db: Db, repId: number, team: string | null): Set<number> {
  const rows = db
    .prepare(`SELECT id FROM reps WHERE id <> ? AND role <> 'Manager' AND (? IS NULL OR team = ?)`)
    .pluck()
    .all(repId, team, team) as number[];
  return new Set(rows);
}

/** Where "since last time" starts: the day of the last held one-on-one, or 30 days back. */
function sinceOf(ctx: RecordContext, lastHeldOn: string | null): { since: number; sinceDay: string } {
  if (lastHeldOn) return { since: dayStart(lastHeldOn, ctx.zone), sinceDay: lastHeldOn };
  const since = ctx.now - DEFAULT_SINCE_DAYS * DAY_MS;
  return { since, sinceDay: dayOf(since, ctx.zone) };
}

/**
 * Everything to prepare a rep's one-on-one (PRODUCT.md "One-on-one prep"), starting from the
 * last one held (or the last 30 days): what changed since (figures against the last one's
 * snapshot, new stalls, broken rules, deals won and lost), the top three gaps with their
 * evidence, deals at risk, observations, commitments to follow up with their rule checked
 * against the data, and suggested talking points built from all of it.
 */
export function oneOnOnePrep(db: Db, input: { repId: number; now: number }): OneOnOnePrep {
  const ctx = recordContext(db, input.now);
  const { lookup, now, zone } = ctx;
  const rep = repHeader(db, input.repId);
  const lastRow = lastHeldRow(db, rep.id);
  const draft = draftRow(db, rep.id);
  const { since, sinceDay } = sinceOf(ctx, lastRow?.held_on ?? null);

  const figures = repFigures(db, lookup, rep.id, now, zone);
  const lastSnapshot = lastRow ? (JSON.parse(lastRow.snapshot) as unknown) : null;
  let then: PrepFigures | null = null;
  let thenSource: PrepChanges['thenSource'] = null;
  if (lastRow) {
    then = snapshotFigures(lastSnapshot);
    thenSource = 'snapshot';
    if (!then) {
      then = repFigures(db, lookup, rep.id, Math.min(now, dayEnd(lastRow.held_on, zone)), zone);
      thenSource = 'recomputed';
    }
  } else {
    then = repFigures(db, lookup, rep.id, now - FIGURE_WINDOW_DAYS * DAY_MS, zone);
    thenSource = 'previous_period';
  }
  const broken = brokenRules(db, lookup, rep.id, since, now);
  const closed = closedSince(db, lookup, rep.id, since, now);
  const changes: PrepChanges = {
    since: sinceDay,
    sinceLastOneOnOne: lastRow !== undefined,
    figures: figureChanges(figures, then),
    thenSource,
    thenWindow: then ? { from: then.from, to: then.to } : null,
    newStalls: newStalls(db, lookup, rep.id, since, now),
    brokenRules: broken.rules,
    brokenTotal: broken.total,
    won: closed.won,
    lost: closed.lost,
  };

  const { gaps, window } = prepGaps(
    db,
    lookup,
    liftTable(db, lookup, now),
    rep.id,
    peersOf(db, rep.id, rep.team),
    now,
    zone,
  );
  const risks = dealsAtRisk(db, lookup, [rep.id], now).get(rep.id) ?? [];
  const observations = observationsSince(db, lookup, rep.id, sinceDay);
  const commitments = followUpCommitments(ctx, rep.id, lastRow?.id ?? null, draft?.id ?? null, since);

  return {
    rep,
    today: ctx.today,
    versionId: lookup.version.id,
    version: lookup.version.version,
    last: recordOf(ctx, lastRow),
    draft: recordOf(ctx, draft),
    figures,
    changes,
    lastScorecard: readScorecardSnapshot(lastSnapshot),
    gaps,
    gapWindow: window,
    risks,
    observations,
    commitments,
    suggestedTalkingPoints: buildTalkingPoints(
      {
        since: sinceDay,
        sinceLastOneOnOne: lastRow !== undefined,
        commitments,
        figures: changes.figures,
        gaps,
        risks,
        won: closed.won,
        lost: closed.lost,
        observations,
      },
      ctx.today,
    ),
    ruleOptions: ruleOptions(lookup),
  };
}

/**
 * Marks the rep's one-on-one held (today unless `heldOn` says otherwise): it keeps the figures
 * of the moment as its snapshot and the period its prep covered, and keeps the suggested talking
 * points when the manager saved none — the next prep starts from it.
 */
export function markOneOnOneHeld(
  db: Db,
  input: { repId: number; heldOn?: string; now: number },
): OneOnOneRecord {
  const prep = oneOnOnePrep(db, { repId: input.repId, now: input.now });
  const ctx = recordContext(db, input.now);
  return holdOneOnOne(ctx, {
    repId: input.repId,
    heldOn: input.heldOn ?? ctx.today,
    periodFrom: prep.changes.since,
    snapshot: {
      figures: prep.figures,
      scorecard: scorecardSnapshot(monthScorecard(db, input.repId, ctx.today, input.now)),
      versionId: prep.versionId,
      takenAt: input.now,
    },
    talkingPoints: prep.suggestedTalkingPoints.map((p) => p.text),
  });
}

/**
 * The rep picker: every rep but managers, with the date of their last one-on-one, a draft in
 * progress, their open and overdue commitments, and their open deals at risk.
 */
export function oneOnOneReps(db: Db, now: number): OneOnOneRepRow[] {
  const ctx = recordContext(db, now);
  const reps = db
    .prepare(
      `SELECT r.id, r.name, r.role, r.team, coalesce(m.name, r.manager_name) AS managerName,
              (SELECT max(held_on) FROM one_on_ones o WHERE o.rep_id = r.id AND o.status = 'held') AS lastHeldOn,
              (SELECT max(updated_at) FROM one_on_ones o WHERE o.rep_id = r.id AND o.status = 'draft') AS draftUpdatedAt,
              (SELECT count(*) FROM commitments WHERE rep_id = r.id AND status = 'open' AND ${LIVE_COMMITMENT}) AS openCommitments,
              (SELECT count(*) FROM commitments WHERE rep_id = r.id AND status = 'open' AND due_on < ? AND ${LIVE_COMMITMENT}) AS overdueCommitments
       FROM reps r LEFT JOIN reps m ON m.id = r.manager_id
       WHERE r.role <> 'Manager'
       ORDER BY r.team IS NULL, r.team, r.name COLLATE NOCASE`,
    )
    .all(ctx.today) as Omit<OneOnOneRepRow, 'atRisk' | 'stalled'>[];
  const risks = dealsAtRisk(
    db,
    ctx.lookup,
    reps.map((r) => r.id),
    now,
  );
  return reps.map((rep) => {
    const mine = risks.get(rep.id) ?? [];
    return {
      ...rep,
      atRisk: mine.length,
      stalled: mine.filter((d) => d.reasons.some((r) => r.kind === 'stalled')).length,
    };
  });
}
