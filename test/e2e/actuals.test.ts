import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import type { ActualsReport } from '../../web/src/lib/api-types.ts';
import { hasChromium, launchChromium, screenshot, watchPage } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

/**
 * A CFO's first post-launch review in the browser: the case has no run ("Run the case
 * first"), is run from the Actuals tab, gets nine months of net cash flow pasted as CSV,
 * and shows them on the forecast fan, the updated NPV and the re-gate flag; a bad row is
 * refused naming its row and column.
 */
describe.skipIf(!hasChromium)('actuals: paste nine months and see them against the forecast', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let health: { errors: string[] };
  let caseId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/document-processing.json`, 'utf8'));
    // Started at the beginning of 2026, so nine whole months lie in the past.
    document.startDate = '2026-01-01';
    document.simulation = { ...document.simulation, trials: 10_000 };
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    caseId = ((await created.json()) as { id: string }).id;
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    health = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says "Run the case first" on a case with no run, and runs it from there', async () => {
    await page.goto(`${server.url}/#/cases/${caseId}/actuals`);
    const first = page.locator('[data-testid=run-first]');
    await expect(first.textContent()).resolves.toContain('Run the case first.');
    await expect(page.locator('[data-testid=actuals-grid] tbody tr').count()).resolves.toBeGreaterThanOrEqual(9);
    await screenshot(page, 'actuals-no-run', { fullPage: false });
    await first.getByRole('button', { name: 'Run the case on the server' }).click();
    await page.locator('[data-testid=updated-forecast-empty]').waitFor({ timeout: 120_000 });
    await expect(page.locator('[data-testid=run-first]').count()).resolves.toBe(0);
  });

  it('refuses a CSV with a bad row, naming the row and the column, and saves nothing', async () => {
    await page.getByLabel('CSV text').fill('month,series,value\n2026-01,net,100\n2026-02,net,lots');
    await page.getByRole('button', { name: 'Save CSV rows' }).click();
    const errors = page.locator('[data-testid=csv-save-errors]');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toMatch(/Row 2, column "value"/);
    const history = (await (await fetch(`${server.url}/api/cases/${caseId}/actuals/history`)).json()) as { changes: unknown[] };
    expect(history.changes).toHaveLength(0);
  });

  it('takes nine months pasted as CSV and shows them on the fan, scored, with the updated NPV and the re-gate flag', async () => {
    const before = (await (await fetch(`${server.url}/api/cases/${caseId}/actuals`)).json()) as ActualsReport;
    const net = before.series.find((s) => s.id === 'net');
    expect(net?.fan.length).toBeGreaterThanOrEqual(9);
    // On the forecast's median for seven months, then below its P10 twice: a re-gate.
    const rows = net!.fan.slice(0, 9).map((m, i) => {
      const value = i < 7 ? m.p50 : m.p10 - Math.max(1_000, Math.abs(m.p50 - m.p10));
      return `${m.month},net,${Math.round(value)},${i === 8 ? 'after the payroll close' : ''}`;
    });
    await page.getByLabel('CSV text').fill(['month,series,value,note', ...rows].join('\n'));
    await page.getByRole('button', { name: 'Save CSV rows' }).click();
    await expect(page.locator('[data-testid=csv-save] .notice-success').textContent()).resolves.toBe('9 values saved: 9 new, 0 changed, 0 unchanged.');

    // The grid shows what was pasted.
    await expect(page.getByLabel(`Net cash flow, ${net!.fan[8].month}`).inputValue()).resolves.toBe(rows[8].split(',')[2]);
    const series = page.locator('[data-testid="series-net"]');
    await series.locator('[data-testid=score-table] tbody tr').nth(8).waitFor({ timeout: 60_000 });
    await expect(series.locator('[data-testid=score-table] tbody tr').count()).resolves.toBe(9);
    // Nine actuals drawn on the chart: circles inside P10–P90, triangles outside.
    const marks = series.locator('[data-testid="actuals-chart-net"] g[aria-label=dot] > *');
    await expect(marks.count()).resolves.toBe(9);
    const months = [net!.fan[7].month, net!.fan[8].month];
    await expect(series.locator('[data-testid=regate-flag]').textContent()).resolves.toBe(
      `⚠ Net cash flow was below P10 in ${months[0]} and ${months[1]}: re-gate`,
    );

    const forecast = page.locator('[data-testid=updated-forecast]');
    await forecast.waitFor();
    const medians = await forecast.locator('[data-testid=npv-p50] td').allTextContents();
    expect(medians).toHaveLength(2);
    for (const figure of medians) expect(figure).toMatch(/\d/);
    await expect(forecast.locator('[data-testid=effective-sample-size]').textContent()).resolves.toMatch(/\d+ trials/);

    await page.getByRole('button', { name: 'Re-run the gate on the updated forecast' }).click();
    await expect(page.locator('[data-testid=regate-result]').textContent({ timeout: 120_000 })).resolves.toContain(
      'On the updated forecast the gate recommends',
    );
    await page.locator('[data-testid=actuals-history] summary').click();
    await expect(page.locator('[data-testid=actuals-history] li').count()).resolves.toBe(9);
    await screenshot(page, 'actuals-full');
    // The pictures of docs/web.md: the top of the page (re-gate, updated forecast), then the series against its fan.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'actuals', { docs: true, fullPage: false });
    await series.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -110));
    await screenshot(page, 'actuals-series', { docs: true, fullPage: false });
    expect(health.errors.filter((e) => !e.includes('409') && !e.includes('422'))).toEqual([]);
  });
});
