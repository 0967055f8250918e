import { describe, expect, it } from 'vitest';
import { MINUTE, T0, act, at, ctx, deal, evaluate, handoffOf, reps } from './builders';

describe('handoff SDR → AE (triggered on entering discovery, first AE touch within 24 h)', () => {
  const toDiscovery = (activities = [act('email', at(1, 10), { by: reps.otherAe })], fields = {}) =>
    deal(
      [
        ['lead', T0],
        ['discovery', at(1)],
      ],
      activities,
      { fields },
    );

  it('is met when an AE touches the deal 10 h after the trigger', () => {
    const d = toDiscovery();
    expect(handoffOf(evaluate(d, ctx(at(3))), 'sdr_to_ae')).toEqual({
      handoffKey: 'sdr_to_ae',
      label: 'SDR → AE: qualified lead',
      triggeredAt: at(1),
      dueAt: at(2),
      firstTouchAt: at(1, 10),
      activityId: d.activities[0]!.id,
      status: 'met',
      missingFields: ['pain_point', 'persona'],
    });
  });

  it('is met exactly at the deadline and late after it', () => {
    expect(handoffOf(evaluate(toDiscovery([act('call', at(2))]), ctx(at(3))), 'sdr_to_ae').status).toBe(
      'met',
    );
    const late = handoffOf(evaluate(toDiscovery([act('call', at(2, 6))]), ctx(at(3))), 'sdr_to_ae');
    expect(late).toMatchObject({ status: 'late', firstTouchAt: at(2, 6) });
  });

  it('is missed when no AE touched the deal and it closed', () => {
    const d = deal([
      ['lead', T0],
      ['discovery', at(1)],
      ['lost', at(1, 5)],
    ]);
    expect(handoffOf(evaluate(d, ctx(at(1, 6))), 'sdr_to_ae')).toMatchObject({
      status: 'missed',
      firstTouchAt: null,
      activityId: null,
    });
  });

  it('is pending while the deal is open and the 24 h are running, missed after', () => {
    expect(handoffOf(evaluate(toDiscovery([]), ctx(at(1, 5))), 'sdr_to_ae').status).toBe('pending');
    expect(handoffOf(evaluate(toDiscovery([]), ctx(at(2, 1))), 'sdr_to_ae').status).toBe('missed');
  });

  it('ignores touches by other roles and touches before the trigger', () => {
    const d = toDiscovery([
      act('call', at(1, 1), { by: reps.sdr }),
      act('email', at(0, 5), { by: reps.owner }),
    ]);
    expect(handoffOf(evaluate(d, ctx(at(1, 5))), 'sdr_to_ae')).toMatchObject({
      status: 'pending',
      firstTouchAt: null,
    });
  });

  it('lists the required fields that are missing', () => {
    const d = toDiscovery(undefined, { pain_point: 'Manual reporting', persona: '  ' });
    expect(handoffOf(evaluate(d, ctx(at(3))), 'sdr_to_ae').missingFields).toEqual(['persona']);
    const complete = toDiscovery(undefined, { pain_point: 'Manual reporting', persona: 'CFO' });
    expect(handoffOf(evaluate(complete, ctx(at(3))), 'sdr_to_ae').missingFields).toEqual([]);
  });

  it('triggers on the first entry into discovery only', () => {
    const d = deal(
      [
        ['lead', T0],
        ['discovery', at(1)],
        ['lead', at(2)],
        ['discovery', at(5)],
      ],
      [act('call', at(5, 1))],
    );
    const result = evaluate(d, ctx(at(6)));
    expect(result.handoffs.filter((x) => x.handoffKey === 'sdr_to_ae')).toHaveLength(1);
    expect(handoffOf(result, 'sdr_to_ae')).toMatchObject({ triggeredAt: at(1), status: 'late' });
  });

  it('is not triggered when the deal skipped discovery; the AE → SE handoff of demo still is', () => {
    const d = deal(
      [
        ['lead', T0],
        ['demo', at(1)],
      ],
      [act('meeting', at(2), { by: reps.se })],
      { fields: { use_case: 'Forecasting' } },
    );
    const result = evaluate(d, ctx(at(4)));
    expect(result.handoffs.map((x) => x.handoffKey)).toEqual(['ae_to_se']);
    expect(handoffOf(result, 'ae_to_se')).toMatchObject({ dueAt: at(3), status: 'met', missingFields: [] });
  });
});

describe('handoff AE → CS (triggered on winning the deal)', () => {
  const won = (activities = [act('kickoff', at(2), { by: reps.cs })]) =>
    deal(
      [
        ['negotiation', T0],
        ['won', at(1)],
      ],
      activities,
      { fields: { amount: 50_000 } },
    );

  it('is met when CS kicks off within 72 h', () => {
    expect(handoffOf(evaluate(won(), ctx(at(10))), 'ae_to_cs')).toMatchObject({
      triggeredAt: at(1),
      dueAt: at(4),
      status: 'met',
      missingFields: [],
    });
  });

  it('is missed when the 72 h passed without a CS touch', () => {
    expect(handoffOf(evaluate(won([]), ctx(at(10))), 'ae_to_cs').status).toBe('missed');
  });

  // Regression (found by this suite, fixed in aa52da2): a handoff the win itself triggers is on a
  // closed deal by construction, and was reported missed one hour after the win.
  it('is pending right after the deal was won, while the 72 h are running', () => {
    expect(handoffOf(evaluate(won([]), ctx(at(1, 1))), 'ae_to_cs').status).toBe('pending');
  });
});

describe('data-trust flags', () => {
  it('flags three or more stage changes at the same instant', () => {
    const d = deal([
      ['lead', T0],
      ['discovery', T0],
      ['demo', T0],
    ]);
    expect(evaluate(d, ctx(at(1))).flags).toEqual([
      { kind: 'same_instant', detail: '3 stage changes at the same instant' },
    ]);
  });

  it('does not flag two changes at one instant, nor one stage repeated at one instant', () => {
    const two = deal([
      ['lead', T0],
      ['discovery', T0],
      ['demo', at(1)],
    ]);
    expect(evaluate(two, ctx(at(2))).flags).toEqual([]);
    const repeated = deal([
      ['lead', T0],
      ['lead', T0],
      ['lead', T0],
    ]);
    expect(evaluate(repeated, ctx(at(2))).flags).toEqual([]);
  });

  it('flags stage changes dated before the deal was created (backfilled)', () => {
    const d = deal(
      [
        ['lead', at(3)],
        ['discovery', at(4)],
        ['demo', at(6)],
      ],
      [],
      { createdAt: at(5) },
    );
    expect(evaluate(d, ctx(at(7))).flags).toEqual([
      { kind: 'backfilled', detail: '2 stage change(s) dated before the deal was created' },
    ]);
  });

  it('allows an hour of clock skew before creation, and needs a creation date', () => {
    const skewed = deal([['lead', T0 - 30 * MINUTE]], [], { createdAt: T0 });
    expect(evaluate(skewed, ctx(at(1))).flags).toEqual([]);
    const unknown = deal([['lead', T0 - 10 * 24 * 60 * MINUTE]], [], { createdAt: null });
    expect(evaluate(unknown, ctx(at(1))).flags).toEqual([]);
  });

  describe('quarter_end_bulk', () => {
    const movedAt = (iso: string) =>
      deal([
        ['lead', Date.UTC(2026, 0, 5)],
        ['proposal', Date.parse(iso)],
      ]);
    const bulk = (ids: number[]) => ({ bulkMoveEventIds: new Set(ids) });
    const kinds = (iso: string, ids: number[]) =>
      evaluate(movedAt(iso), ctx(Date.UTC(2027, 0, 1), bulk(ids))).flags.map((f) => f.kind);

    it('flags an event the caller found in a bulk move on the last days of a quarter', () => {
      for (const iso of [
        '2026-03-31T18:00:00Z',
        '2026-03-30T09:00:00Z',
        '2026-06-30T23:59:00Z',
        '2026-09-29T12:00:00Z',
        '2026-12-31T16:00:00Z',
      ]) {
        expect(kinds(iso, [2])).toEqual(['quarter_end_bulk']);
      }
      expect(evaluate(movedAt('2026-03-31T18:00:00Z'), ctx(Date.UTC(2027, 0, 1), bulk([2]))).flags).toEqual([
        { kind: 'quarter_end_bulk', detail: 'moved with many other deals in the same minute at quarter end' },
      ]);
    });

    it('does not flag an event outside the bulk set, nor a bulk event away from a quarter end', () => {
      expect(kinds('2026-03-31T18:00:00Z', [])).toEqual([]);
      expect(kinds('2026-03-31T18:00:00Z', [1])).toEqual([]);
      expect(evaluate(movedAt('2026-03-31T18:00:00Z'), ctx(Date.UTC(2027, 0, 1))).flags).toEqual([]);
      for (const iso of [
        '2026-03-29T18:00:00Z',
        '2026-03-15T18:00:00Z',
        '2026-04-01T00:30:00Z',
        '2026-02-28T12:00:00Z',
      ]) {
        expect(kinds(iso, [2])).toEqual([]);
      }
    });
  });

  it('raises several flags together', () => {
    const d = deal(
      [
        ['lead', Date.parse('2026-03-31T18:00:00Z')],
        ['discovery', Date.parse('2026-03-31T18:00:00Z')],
        ['demo', Date.parse('2026-03-31T18:00:00Z')],
      ],
      [],
      { createdAt: Date.parse('2026-04-02T00:00:00Z') },
    );
    const flags = evaluate(d, ctx(Date.UTC(2026, 4, 1), { bulkMoveEventIds: new Set([1, 2, 3]) })).flags;
    expect(flags.map((f) => f.kind)).toEqual(['same_instant', 'backfilled', 'quarter_end_bulk']);
  });
});
