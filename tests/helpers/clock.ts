import { FIXED_NOW_ENV } from '../../src/main/fixedClock';

/**
 * The one "now" of the test suite. The demo workspace is generated relative to now, and every
 * "this quarter" figure depends on it, so the tests that use either run on this instant — in
 * their own process, and in the browser mode server, the command line and the Chromium page they
 * start (see `fixedClockEnv` and tests/e2e/harness.ts). A test that must follow the real date
 * asserts relations that hold on any day instead.
 */
export const testNow = Date.UTC(2026, 10, 27, 12);

/** The calendar day of `testNow` (UTC), as the app writes days. */
export const testToday = new Date(testNow).toISOString().slice(0, 10);

/** The environment for a browser mode server or command line pinned to `now`. */
export function fixedClockEnv(now: number = testNow): NodeJS.ProcessEnv {
  return { ...process.env, [FIXED_NOW_ENV]: new Date(now).toISOString() };
}
