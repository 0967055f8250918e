import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type WorkingHours, addWorkingHours } from '@shared/evaluation/businessHours';
import { HOUR, act, actionOf, berlinHours, ctx, deal, evaluate, local, showLocal } from './builders';

const berlin = (iso: string, hours: number, schedule: WorkingHours = berlinHours): string =>
  showLocal(addWorkingHours(local(iso), hours, schedule));

describe('addWorkingHours (Europe/Berlin, 9:00–17:00, Monday to Friday)', () => {
  it('adds nothing to an instant inside working hours', () => {
    expect(berlin('2026-01-07T11:00', 0)).toBe('Wed 2026-01-07T11:00');
  });

  it('moves a zero-hour deadline outside working hours to the next opening', () => {
    expect(berlin('2026-01-07T07:00', 0)).toBe('Wed 2026-01-07T09:00');
    expect(berlin('2026-01-07T18:00', 0)).toBe('Thu 2026-01-08T09:00');
  });

  it('starts counting at opening time when it starts before opening', () => {
    expect(berlin('2026-01-07T07:00', 2)).toBe('Wed 2026-01-07T11:00');
  });

  it('carries over to the next working day when it starts after closing', () => {
    expect(berlin('2026-01-07T18:00', 2)).toBe('Thu 2026-01-08T11:00');
    expect(berlin('2026-01-07T17:00', 1)).toBe('Thu 2026-01-08T10:00');
  });

  it('may end exactly at closing time, and splits a window across the evening', () => {
    expect(berlin('2026-01-07T15:00', 2)).toBe('Wed 2026-01-07T17:00');
    expect(berlin('2026-01-07T16:30', 1)).toBe('Thu 2026-01-08T09:30');
  });

  it('skips the weekend: a lead arriving Friday 16:00 with a 2-hour rule is due Monday 10:00', () => {
    expect(berlin('2026-01-09T16:00', 2)).toBe('Mon 2026-01-12T10:00');
    expect(berlin('2026-01-10T12:00', 1)).toBe('Mon 2026-01-12T10:00');
    expect(berlin('2026-01-11T23:00', 1)).toBe('Mon 2026-01-12T10:00');
  });

  it('spans several days: 20 working hours from Monday 10:00 end on Wednesday 14:00', () => {
    expect(berlin('2026-01-05T10:00', 20)).toBe('Wed 2026-01-07T14:00');
    expect(berlin('2026-01-05T09:00', 40)).toBe('Fri 2026-01-09T17:00');
    expect(berlin('2026-01-05T09:00', 41)).toBe('Mon 2026-01-12T10:00');
  });

  it('honours the spring daylight-saving change (29 March 2026): Friday 16:00 CET + 2 h is Monday 10:00 CEST', () => {
    const from = local('2026-03-27T16:00');
    const due = addWorkingHours(from, 2, berlinHours);
    expect(showLocal(due)).toBe('Mon 2026-03-30T10:00');
    expect(new Date(due).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // One hour fewer in real time than the same rule a week earlier.
    expect((due - from) / HOUR).toBe(65);
    expect(berlin('2026-03-26T15:00', 16)).toBe('Mon 2026-03-30T15:00');
  });

  it('honours the autumn daylight-saving change (25 October 2026): Friday 16:00 CEST + 2 h is Monday 10:00 CET', () => {
    const from = local('2026-10-23T16:00');
    const due = addWorkingHours(from, 2, berlinHours);
    expect(showLocal(due)).toBe('Mon 2026-10-26T10:00');
    expect((due - from) / HOUR).toBe(67);
  });

  it('uses the schedule’s own zone and days (New York DST on 8 March; a Sunday–Thursday week in Dubai)', () => {
    const ny: WorkingHours = { ...berlinHours, timeZone: 'America/New_York' };
    expect(showLocal(addWorkingHours(local('2026-03-06T16:00', ny.timeZone), 2, ny), ny.timeZone)).toBe(
      'Mon 2026-03-09T10:00',
    );
    const dubai: WorkingHours = { ...berlinHours, timeZone: 'Asia/Dubai', days: [7, 1, 2, 3, 4] };
    expect(
      showLocal(addWorkingHours(local('2026-01-08T16:00', dubai.timeZone), 2, dubai), dubai.timeZone),
    ).toBe('Sun 2026-01-11T10:00');
  });

  it('falls back to calendar hours for a schedule with no working time', () => {
    const from = local('2026-01-09T16:00');
    expect(addWorkingHours(from, 2, { ...berlinHours, days: [] })).toBe(from + 2 * HOUR);
    expect(addWorkingHours(from, 2, { ...berlinHours, startHour: 17, endHour: 9 })).toBe(from + 2 * HOUR);
  });

  it('always lands inside working time, never earlier than calendar time, and adds up (property)', () => {
    const jan2026 = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 60 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('Europe/Berlin', 'America/New_York'),
        (minute, quartersA, quartersB, timeZone) => {
          const schedule = { ...berlinHours, timeZone };
          const from = jan2026 + minute * 60_000;
          const a = quartersA / 4;
          const b = quartersB / 4;
          const due = addWorkingHours(from, a, schedule);
          const t = DateTime.fromMillis(due, { zone: timeZone });
          const minutes = t.hour * 60 + t.minute;
          expect(schedule.days).toContain(t.weekday);
          expect(minutes).toBeGreaterThan(9 * 60);
          expect(minutes).toBeLessThanOrEqual(17 * 60);
          expect(due - from).toBeGreaterThanOrEqual(a * HOUR);
          expect(addWorkingHours(from, a + b, schedule)).toBe(addWorkingHours(due, b, schedule));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('"within N hours" deadlines in the evaluator', () => {
  const friday = local('2026-01-09T16:00');
  const lead = (activities = [act('call', local('2026-01-12T09:30'))]) =>
    deal([['lead', friday]], activities);

  it('counts working hours when the workspace turns them on: Friday 16:00 + 2 h is due Monday 10:00', () => {
    const result = evaluate(lead(), ctx(local('2026-01-12T12:00'), { workingHours: berlinHours }));
    const call = actionOf(result, 'lead', 'first_call');
    expect(showLocal(call.dueAt!)).toBe('Mon 2026-01-12T10:00');
    expect(call.status).toBe('on_time');
  });

  it('is late on Monday 10:30 and pending over the weekend', () => {
    const late = lead([act('call', local('2026-01-12T10:30'))]);
    const context = ctx(local('2026-01-12T12:00'), { workingHours: berlinHours });
    expect(actionOf(evaluate(late, context), 'lead', 'first_call').status).toBe('late');
    const sunday = ctx(local('2026-01-11T12:00'), { workingHours: berlinHours });
    expect(actionOf(evaluate(lead([]), sunday), 'lead', 'first_call').status).toBe('pending');
  });

  it('ignores working hours for a rule with businessHours = false (the 24 h intro email)', () => {
    const result = evaluate(lead(), ctx(local('2026-01-12T12:00'), { workingHours: berlinHours }));
    expect(actionOf(result, 'lead', 'intro_email').dueAt).toBe(friday + 24 * HOUR);
  });

  it('ignores them when the workspace has working hours turned off: the Monday call is late', () => {
    const off = { ...berlinHours, enabled: false };
    const result = evaluate(lead(), ctx(local('2026-01-12T12:00'), { workingHours: off }));
    expect(actionOf(result, 'lead', 'first_call')).toMatchObject({
      dueAt: friday + 2 * HOUR,
      status: 'late',
    });
  });

  it('reads the day in the workspace zone: 23:30 UTC on a Friday is already Saturday in Berlin', () => {
    const d = deal([['lead', Date.UTC(2026, 0, 9, 23, 30)]]);
    const call = actionOf(
      evaluate(d, ctx(local('2026-01-12T08:00'), { workingHours: berlinHours })),
      'lead',
      'first_call',
    );
    expect(showLocal(call.dueAt!)).toBe('Mon 2026-01-12T11:00');
    expect(call.status).toBe('pending');
  });

  it('crosses the spring daylight-saving weekend: a call Monday 09:59 CEST is on time', () => {
    const entered = local('2026-03-27T16:00');
    const d = deal([['lead', entered]], [act('call', local('2026-03-30T09:59'))]);
    const call = actionOf(
      evaluate(d, ctx(local('2026-03-30T12:00'), { workingHours: berlinHours })),
      'lead',
      'first_call',
    );
    expect(new Date(call.dueAt!).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(call.status).toBe('on_time');
  });

  it('counts a calendar deadline across the weekend: discovery call 72 h after Friday 15:00 is due Monday 15:00', () => {
    const d = deal([
      ['lead', local('2026-01-08T10:00')],
      ['discovery', local('2026-01-09T15:00')],
    ]);
    const result = evaluate(d, ctx(local('2026-01-13T12:00'), { workingHours: berlinHours }));
    expect(showLocal(actionOf(result, 'discovery', 'discovery_call').dueAt!)).toBe('Mon 2026-01-12T15:00');
  });
});
