import { describe, expect, it } from 'vitest';
import { clockOf, fixedNowFromEnv, fixedNowNotice } from '../../src/main/fixedClock';

describe('the fixed clock of browser mode and the command line', () => {
  it('follows the system clock when STAGECOACH_FIXED_NOW is not set', () => {
    expect(fixedNowFromEnv({})).toBeUndefined();
    expect(fixedNowFromEnv({ STAGECOACH_FIXED_NOW: '' })).toBeUndefined();
    const before = Date.now();
    const read = clockOf(undefined)();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });

  it('pins an instant given with its zone', () => {
    expect(fixedNowFromEnv({ STAGECOACH_FIXED_NOW: '2027-01-01T00:05:00Z' })).toBe(
      Date.UTC(2027, 0, 1, 0, 5),
    );
    expect(fixedNowFromEnv({ STAGECOACH_FIXED_NOW: '2027-01-01T01:05+01:00' })).toBe(
      Date.UTC(2027, 0, 1, 0, 5),
    );
    const pinned = clockOf(Date.UTC(2026, 10, 27, 12));
    expect([pinned(), pinned()]).toEqual([Date.UTC(2026, 10, 27, 12), Date.UTC(2026, 10, 27, 12)]);
    expect(fixedNowNotice(Date.UTC(2026, 10, 27, 12))).toBe(
      'The clock is fixed at 2026-11-27T12:00:00.000Z (STAGECOACH_FIXED_NOW).',
    );
  });

  it('refuses a value that is not an instant rather than guessing a day', () => {
    for (const value of ['27/11/2026', '2026-11-27', '2026-11-27T12:00', '2026-02-30T12:00:00Z', 'now']) {
      expect(() => fixedNowFromEnv({ STAGECOACH_FIXED_NOW: value })).toThrow(
        `STAGECOACH_FIXED_NOW must be a date and time with its zone, e.g. 2026-11-27T12:00:00Z, not "${value}".`,
      );
    }
  });
});
