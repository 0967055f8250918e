/** What the observation form keeps in the browser: today's date and the coach last used. */

const LAST_COACH_KEY = 'stagecoach.lastCoach';

/** Today as a local calendar date (YYYY-MM-DD). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function lastCoach(): string {
  try {
    return localStorage.getItem(LAST_COACH_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberCoach(coach: string): void {
  try {
    localStorage.setItem(LAST_COACH_KEY, coach.trim());
  } catch {
    // Private windows may refuse storage; the coach is typed again next time.
  }
}
