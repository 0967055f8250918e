import { DateTime } from 'luxon';
import { median } from 'simple-statistics';
import {
  type RampPoint,
  cohortCurve,
  tenureMonthIndex,
  tenureMonthStart,
  tenureMonths,
} from '@shared/oneOnOnes/ramp';
import type {
  RampCurvePoint,
  RampHire,
  RampMetricKey,
  RampMonth,
  RampReport,
  RampValue,
} from '@shared/oneOnOnes/types';
import type { RepRole } from '@shared/workflow/definition';
import type { Db } from '../db/open';
import { closedDealsBetween } from '../queries/metrics';
import { resolveEvaluatedVersion } from '../reports/stageReports';
import { DAY_MS, type WorkflowLookup, workflowLookup } from './workflowLookup';

/** Below this many items a month's rate is shown with its count but left out of curves. */
export const MIN_RAMP_ITEMS = 3;
/** Reps with this many months or more of tenure are the tenured benchmark. */
const TENURED_MONTHS = 12;
const TENURED_WINDOW_DAYS = 90;

type Rep = { id: number; name: string; role: RepRole; team: string | null; startDate: string };

type Tally = { ok: number; total: number };
type RepData = {
  compliance: Map<number, Tally>;
  conversion: Map<number, Tally>;
  winRate: Map<number, Tally>;
};

const metrics: readonly RampMetricKey[] = ['compliance', 'conversion', 'winRate'];

function bump(map: Map<number, Tally>, index: number, ok: boolean): void {
  const t = map.get(index) ?? { ok: 0, total: 0 };
  t.total++;
  if (ok) t.ok++;
  map.set(index, t);
}

function value(t: Tally | undefined): RampValue {
  const ok = t?.ok ?? 0;
  const total = t?.total ?? 0;
  return { ok, total, rate: total === 0 ? null : ok / total };
}

/**
 * A rep's figures per month of tenure over [start, end), by what happened in each month:
 * compliance — required actions due that month done on time / settled; conversion — stage
 * visits entered that month that moved on to a later stage / visits settled (moved on, lost or
 * past target days, judged now); win rate — won / closed that month.
 */
function repData(
  db: Db,
  lookup: WorkflowLookup,
  rep: Rep,
  start: number,
  end: number,
  now: number,
  closedByOwner: Map<number, { closedAt: number; won: boolean }[]>,
): RepData {
  const data: RepData = { compliance: new Map(), conversion: new Map(), winRate: new Map() };
  // Month boundaries once per rep; each row then finds its month by a binary search.
  const last = tenureMonthIndex(rep.startDate, Math.max(start, end - 1));
  const bounds = Array.from({ length: last + 2 }, (_, k) => tenureMonthStart(rep.startDate, k));
  const index = (at: number): number => {
    let lo = 0;
    let hi = bounds.length - 1;
    if (at < bounds[0]!) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const actions = db
    .prepare(
      `SELECT anchor_at, status = 'on_time' FROM eval_actions
       WHERE workflow_version_id = ? AND anchor_at >= ? AND anchor_at < ? AND owner_id = ? AND status <> 'pending'`,
    )
    .raw(true)
    .all(lookup.version.id, start, end, rep.id) as [number, number][];
  for (const [at, onTime] of actions) bump(data.compliance, index(at), onTime === 1);
  const visits = db
    .prepare(
      `SELECT stage_key, entered_at, exited_at, fate FROM eval_visits
       WHERE workflow_version_id = ? AND owner_id = ? AND entered_at >= ? AND entered_at < ? AND stage_key IS NOT NULL`,
    )
    .raw(true)
    .all(lookup.version.id, rep.id, start, end) as [string, number, number | null, string | null][];
  const open = new Set(lookup.openStages.map((s) => s.key));
  for (const [stageKey, enteredAt, exitedAt, fate] of visits) {
    if (!open.has(stageKey)) continue;
    const target = lookup.targetMs.get(stageKey);
    if (exitedAt !== null) bump(data.conversion, index(enteredAt), fate === 'next' || fate === 'skip');
    else if (target !== undefined && now - enteredAt > target) bump(data.conversion, index(enteredAt), false);
  }
  for (const deal of closedByOwner.get(rep.id) ?? []) {
    if (deal.closedAt >= start && deal.closedAt < end) bump(data.winRate, index(deal.closedAt), deal.won);
  }
  return data;
}

/** A month's rate as a curve takes it: null when it rests on fewer than {@link MIN_RAMP_ITEMS} items. */
function curveValue(t: Tally | undefined): number | null {
  return t && t.total >= MIN_RAMP_ITEMS ? t.ok / t.total : null;
}

/**
 * The ramp view: for every rep (managers aside) who started within the last `months` months,
 * compliance, conversion and win rate by month of tenure; against the curve of earlier hires in
 * the same role — per month of tenure, the median of the reps who started before them and
 * whose own month lies inside the data — and against the tenured reps of that role (a year or
 * more in, over the last 90 days). How fast the workflow turns a new rep into a productive one.
 */
export function rampReport(db: Db, input: { months: number; now: number }): RampReport {
  const { now } = input;
  const version = resolveEvaluatedVersion(db, undefined);
  const lookup = workflowLookup(version);
  const reps = db
    .prepare(
      `SELECT id, name, role, team, start_date AS startDate FROM reps
       WHERE start_date IS NOT NULL AND role <> 'Manager' ORDER BY start_date, id`,
    )
    .all() as Rep[];
  const valid = reps.filter((r) => DateTime.fromISO(r.startDate, { zone: 'utc' }).isValid);
  const windowStart = DateTime.fromMillis(now, { zone: 'utc' }).minus({ months: input.months }).toISODate()!;
  const today = DateTime.fromMillis(now, { zone: 'utc' }).toISODate()!;
  const hires = valid.filter((r) => r.startDate >= windowStart && r.startDate <= today);
  const dataFrom = (db.prepare('SELECT min(entered_at) AS t FROM stage_events').get() as { t: number | null })
    .t;
  const horizon = Math.max(1, ...hires.map((h) => tenureMonths(h.startDate, now).length));

  const closed = closedDealsBetween(db, version.definition, dataFrom ?? 0, now + 1);
  const closedByOwner = new Map<number, { closedAt: number; won: boolean }[]>();
  for (const d of closed) {
    if (d.ownerId === null) continue;
    closedByOwner.set(d.ownerId, [
      ...(closedByOwner.get(d.ownerId) ?? []),
      { closedAt: d.closedAt, won: d.outcome === 'won' },
    ]);
  }

  const cache = new Map<number, RepData>();
  const dataOf = (rep: Rep): RepData => {
    let data = cache.get(rep.id);
    if (!data) {
      const start = DateTime.fromISO(rep.startDate, { zone: 'utc' }).toMillis();
      const end = Math.min(
        now,
        DateTime.fromMillis(start, { zone: 'utc' }).plus({ months: horizon }).toMillis(),
      );
      data = repData(db, lookup, rep, start, end, now, closedByOwner);
      cache.set(rep.id, data);
    }
    return data;
  };

  const result: RampHire[] = hires.map((hire) => {
    const data = dataOf(hire);
    const months: RampMonth[] = tenureMonths(hire.startDate, now, horizon).map((m) => ({
      ...m,
      compliance: value(data.compliance.get(m.index)),
      conversion: value(data.conversion.get(m.index)),
      winRate: value(data.winRate.get(m.index)),
    }));
    const earlier = valid.filter(
      (r) => r.id !== hire.id && r.role === hire.role && r.startDate < hire.startDate,
    );
    const series = earlier.map((rep) => {
      const d = dataOf(rep);
      const points = Object.fromEntries(
        metrics.map((metric) => [
          metric,
          Array.from(
            { length: horizon },
            (_, index): RampPoint => ({ index, value: curveValue(d[metric].get(index)) }),
          ),
        ]),
      ) as Record<RampMetricKey, RampPoint[]>;
      return { rep, points };
    });
    const withData = series.filter((s) => metrics.some((m) => s.points[m].some((p) => p.value !== null)));
    const curves = Object.fromEntries(
      metrics.map((metric) => [metric, cohortCurve(withData.map((s) => s.points[metric]))]),
    ) as Record<RampMetricKey, ReturnType<typeof cohortCurve>>;
    const earlierCurve: RampCurvePoint[] = Array.from({ length: horizon }, (_, index) => {
      const at = (metric: RampMetricKey) => {
        const point = curves[metric][index];
        return { median: point?.median ?? null, reps: point?.reps ?? 0 };
      };
      return { index, compliance: at('compliance'), conversion: at('conversion'), winRate: at('winRate') };
    });
    return {
      repId: hire.id,
      name: hire.name,
      role: hire.role,
      team: hire.team,
      startDate: hire.startDate,
      months,
      earlierHires: withData.map((s) => ({ repId: s.rep.id, name: s.rep.name, startDate: s.rep.startDate })),
      earlierCurve,
    };
  });

  return {
    versionId: version.id,
    version: version.version,
    windowMonths: input.months,
    horizonMonths: horizon,
    dataFrom,
    hires: result,
    tenured: tenuredBenchmarks(db, lookup, valid, hires, now, closedByOwner),
  };
}

/** Per role of the new hires: the median, over reps a year or more in, of each figure over the last 90 days. */
function tenuredBenchmarks(
  db: Db,
  lookup: WorkflowLookup,
  reps: readonly Rep[],
  hires: readonly Rep[],
  now: number,
  closedByOwner: Map<number, { closedAt: number; won: boolean }[]>,
): RampReport['tenured'] {
  const start = now - TENURED_WINDOW_DAYS * DAY_MS;
  const roles = [...new Set(hires.map((h) => h.role))];
  return roles.map((role) => {
    const tenured = reps.filter(
      (r) => r.role === role && tenureMonthIndex(r.startDate, now) >= TENURED_MONTHS,
    );
    const values: Record<RampMetricKey, number[]> = { compliance: [], conversion: [], winRate: [] };
    for (const rep of tenured) {
      const data = repData(db, lookup, rep, start, now, now, closedByOwner);
      // The window's months, summed.
      for (const metric of metrics) {
        const tally = [...data[metric].values()].reduce(
          (sum, t) => ({ ok: sum.ok + t.ok, total: sum.total + t.total }),
          { ok: 0, total: 0 },
        );
        const v = curveValue(tally);
        if (v !== null) values[metric].push(v);
      }
    }
    const med = (list: number[]): number | null => (list.length === 0 ? null : median(list));
    return {
      role,
      reps: tenured.length,
      compliance: med(values.compliance),
      conversion: med(values.conversion),
      winRate: med(values.winRate),
    };
  });
}
