import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type RunningApp, startApp } from './harness';

/**
 * A manager opens Stagecoach in the first minutes of a quarter, when "this quarter" holds no data
 * yet, and on a quarter's last day: the screens say there is nothing to judge yet instead of
 * showing zeros that read as failures, and the previous quarter is there, whole.
 */

const edges = [
  {
    when: 'in the first minutes of a quarter',
    now: Date.UTC(2027, 0, 1, 0, 5),
    quarter: 'Q1 2027',
    previous: 'Q4 2026',
    empty: true,
  },
  {
    when: 'on the last day of a quarter',
    now: Date.UTC(2026, 11, 31, 18),
    quarter: 'Q4 2026',
    previous: 'Q3 2026',
    empty: false,
  },
];

for (const edge of edges) {
  describe(`the demo workspace ${edge.when}`, () => {
    let app: RunningApp;
    let page: Page;
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      app = await startApp({ now: edge.now });
      page = app.page;
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
    });

    afterAll(async () => {
      await app?.close();
    });

    function navigate(name: string): Promise<void> {
      return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
    }

    it(`opens the scorecards on ${edge.quarter}, then shows ${edge.previous} whole`, async () => {
      await navigate('Scorecards');
      await expect
        .poll(() => page.getByTestId('scorecard-period-shown').textContent(), poll)
        .toContain(`${edge.quarter} to date`);
      await expect.poll(() => page.locator('.scorecard-content.stale').count(), poll).toBe(0);
      const statuses = await page.getByTestId('target-status').allTextContents();
      expect(statuses.length).toBeGreaterThan(0);
      if (edge.empty) {
        expect(
          await page.getByText('No rep has deals, actions or observations in this period.').count(),
        ).toBe(1);
        // No data is not a miss: nothing reads "0 of 5 targets met".
        expect(statuses.every((status) => status === 'No data')).toBe(true);
        expect(await page.getByText('No data for any target in the period yet').count()).toBe(1);
      } else {
        expect(await page.getByTestId('scorecard-rep-row').count()).toBeGreaterThan(4);
        for (const status of statuses) expect(['Met', 'Not met', 'No data']).toContain(status);
      }

      await page.getByRole('button', { name: 'Previous quarter' }).click();
      await expect
        .poll(() => page.getByTestId('scorecard-period-shown').textContent(), poll)
        .toContain(edge.previous);
      await expect.poll(() => page.locator('.scorecard-content.stale').count(), poll).toBe(0);
      await expect.poll(() => page.getByTestId('scorecard-rep-row').count(), poll).toBeGreaterThan(4);
      expect(await page.getByTestId('scorecard-period-shown').textContent()).not.toContain('to date');
    });

    it('shows this quarter’s execution and closed deals, or says there are none yet', async () => {
      await navigate('Execution');
      await expect
        .poll(() => page.getByRole('heading', { level: 1, name: 'Execution' }).isVisible(), poll)
        .toBe(true);
      const none = page.getByText('No required action came due in this period', { exact: true });
      const rate = page.getByTestId('team-compliance');
      await expect.poll(async () => (await none.count()) + (await rate.count()), poll).toBe(1);
      if (edge.empty) expect(await none.count()).toBe(1);
      else expect(await rate.textContent()).toMatch(/^\d+(\.\d)?%$/);

      await navigate('Funnel & time in stage');
      const winRate = page.getByTestId('outcome-card').filter({ hasText: 'Win rate' });
      await winRate.waitFor(poll);
      const value = winRate.locator('.funnel-outcome-value');
      // With no deal closed yet there is no rate: a dash, never "0%".
      if (edge.empty) await expect.poll(() => value.textContent(), poll).toBe('—');
      else await expect.poll(() => value.textContent(), poll).toMatch(/^\d+(\.\d)?%$/);
    });

    it('logs no error in the browser console', () => {
      expect(consoleErrors).toEqual([]);
    });
  });
}
