import { mkdirSync, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { WORKBOOK_SHEETS } from '../../api/services/xlsx/workbook-input.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { downloadedBytes, hasChromium, launchChromium, screenshot, watchPage } from './helpers/browser.ts';
import { REPO_ROOT, runSeededCases, startTestServer } from './helpers/test-server.ts';

/**
 * The journey of issue 5 in real Chromium against the real server: portfolio, a case from
 * a fixture, a live edit, a server run with progress, sensitivity and the gate, a decision
 * as approver, the decision in the portfolio and the history, and the board pack as PDF.
 * Screenshots of each page go to test-artifacts/screenshots; `npm run screenshots` also refreshes the README's
 * few in docs/screenshots.
 */
describe.skipIf(!hasChromium)('web journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let health: { errors: string[] };
  let caseId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    await runSeededCases(server);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    health = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const go = async (hash: string): Promise<void> => {
    await page.goto(`${server.url}/${hash}`);
  };
  const tab = (name: string) => page.locator('nav.case-tabs').getByRole('link', { name, exact: true });

  it('1. opens the portfolio with the seeded cases and headline counts', async () => {
    await go('#/');
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page.locator('[data-testid=portfolio-table] tbody tr[data-case-id]').first().waitFor();
    expect(await page.locator('[data-testid=portfolio-table] tbody tr[data-case-id]').count()).toBeGreaterThanOrEqual(3);
    await page.locator('[data-testid=headline-counts]').waitFor();
    await page.locator('[data-testid=portfolio-fan] svg').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'portfolio-empty');
  });

  it('2. creates a case from a fixture', async () => {
    await page.getByLabel('From an example').selectOption('contact-center-assistant.json');
    await page.getByRole('button', { name: 'New case from example' }).click();
    await page.waitForURL(/#\/cases\/[^/]+\/edit$/);
    caseId = decodeURIComponent(page.url().split('#/cases/')[1].split('/')[0]);
    expect(caseId).not.toBe('');
    await page.getByRole('heading', { name: /reply-drafting assistant/, level: 1 }).waitFor();
    await page.locator('[data-testid=live-panel][data-revision="0"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-testid=save-status]').textContent()).resolves.toContain('version 1');
    await screenshot(page, 'case-editor', { fullPage: false });
  });

  it('3. changes an input range and sees the live results change', async () => {
    const panel = page.locator('[data-testid=live-panel]');
    const before = await panel.locator('[data-testid=npv-p50]').textContent();
    const input = page.locator('details[data-input="minutesSavedPerContact"]');
    await input.locator(':scope > summary').click();
    const range = input.locator('[data-testid=range-minutesSavedPerContact]');
    const rangeBefore = await range.textContent();
    await input.getByLabel('Maximum', { exact: true }).fill('3');
    await expect.poll(() => range.textContent()).not.toBe(rangeBefore);
    // The worker re-simulates and the live panel shows the new revision's figures.
    await page.locator('[data-testid=live-panel]:not([data-revision="0"]):not([data-revision="-1"])').waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.locator('[data-testid=npv-p50]').textContent(), { timeout: 20_000 }).not.toBe(before);
    await expect.poll(() => panel.getAttribute('data-latency-ms')).not.toBe('');
    const latency = Number(await panel.getAttribute('data-latency-ms'));
    console.log(`live preview: edit → chart in ${latency.toFixed(0)} ms (one edit, 10,000 trials)`);
    expect(latency).toBeGreaterThan(0);
    await input.evaluate((element) => {
      element.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -150);
    });
    await page.mouse.move(5, 790);
    await screenshot(page, 'case-editor-input', { docs: true, fullPage: false });
    // Autosave writes version 2 with If-Match.
    await page.locator('[data-testid=save-status][data-state=saved]', { hasText: 'version 2' }).waitFor({ timeout: 15_000 });
  });

  it('4. runs on the server and shows the progress', async () => {
    await tab('Results').click();
    await page.locator('[data-testid=run-panel]').waitFor();
    // Record every progress value the bar shows, to prove the bar moved.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('#run-progress-bar');
        if (bar) seen.push(`${bar.value}/${bar.max}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // The field starts at the case's own trial count, which is not one of the usual sizes.
    await expect(page.getByLabel('Trials', { exact: true }).inputValue()).resolves.toBe('20000');
    await page.getByLabel('Trials', { exact: true }).selectOption('250000');
    await page.getByRole('button', { name: /^Run 250.000 trials on the server$/ }).click();
    await page.locator('[data-testid=run-progress]').waitFor();
    await page.locator('[data-testid=run-progress][data-status=succeeded]').waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const fractions = seen.map((entry) => entry.split('/').map(Number)).filter(([, max]) => max > 1);
    const distinct = [...new Set(seen)];
    console.log(`server run progress: ${distinct.length} distinct values, ${distinct.slice(0, 3).join(', ')} … ${distinct.at(-1)}`);
    expect(fractions.some(([value, max]) => value === max)).toBe(true);
    expect(fractions.some(([value, max]) => value > 0 && value < max)).toBe(true);
    await expect(page.locator('[data-testid=results-source]').textContent()).resolves.toContain('250.000 trials');
    await page.locator('[data-testid=npv-cdf] svg').waitFor();
    await page.locator('[data-testid=pilot-vs-production]').waitFor();
    await page
      .locator('[data-testid=key-figures]')
      .first()
      .evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -150);
      });
    await page.mouse.move(5, 790);
    await screenshot(page, 'results', { docs: true });
  });

  it('5. opens sensitivity and the gate', async () => {
    await tab('Sensitivity').click();
    await page.locator('[data-testid=tornado] svg').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=spider] svg').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=sobol] svg').first().waitFor({ timeout: 90_000 });
    await page.locator('[data-testid=break-even] tbody tr').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'sensitivity', { docs: true });

    await tab('Value of information').click();
    await page.locator('[data-testid=evpi]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=evppi-table] tbody tr').first().waitFor();
    await screenshot(page, 'value-of-information');

    await tab('Compare').click();
    await page.getByLabel('B', { exact: true }).selectOption({ label: 'without knowledge-base clean-up' });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('[data-testid=compare-figures]').waitFor({ timeout: 60_000 });
    await screenshot(page, 'compare');

    await tab('Gate').click();
    await page.locator('[data-testid=recommendation]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=gate-criteria] tr[data-criterion]').first().waitFor();
    expect(await page.locator('[data-testid=gate-criteria] tr[data-criterion]').count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'gate', { docs: true });
  });

  it('5b. downloads the Excel workbook and the case JSON from the Results page', async () => {
    await tab('Results').click();
    await page.locator('[data-testid=export-menu]').waitFor();
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-json]').click()]);
    const document = JSON.parse((await downloadedBytes(json)).toString('utf8'));
    expect(document.formatVersion).toBe(1);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('[data-testid=export-xlsx]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await downloadedBytes(xlsx)).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining([...WORKBOOK_SHEETS]));
    // Back where the next step decides.
    await tab('Gate').click();
    await page.locator('[data-testid=decision-form]').waitFor({ timeout: 60_000 });
  });

  it('6. records a decision as an approver', async () => {
    const form = page.locator('[data-testid=decision-form]');
    await form.getByText('Redesign', { exact: false }).first().click();
    await form.getByLabel('Rationale').fill('Scale only after the knowledge-base clean-up; measure handle-time savings with a control group first.');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    const history = page.locator('[data-testid=decision-history] tbody tr');
    await history.first().waitFor();
    await expect(history.first().textContent()).resolves.toContain('Redesign');
    await screenshot(page, 'gate-decided');
  });

  it('7. sees the decision in the portfolio and the history', async () => {
    await go('#/');
    const row = page.locator(`tr[data-case-id="${caseId}"]`);
    await row.waitFor();
    await expect.poll(() => row.locator('[data-testid=decision-taken]').textContent()).toContain('Redesign');
    await expect(row.textContent()).resolves.toMatch(/%/);
    await page.locator('[data-testid=portfolio-fan] svg').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'portfolio', { docs: true });

    await go(`#/cases/${caseId}/history`);
    await page.locator('[data-testid=timeline]').getByText('Decision recorded').waitFor();
    await page.locator('.diff-table').waitFor();
    await expect(page.locator('.diff-table').textContent()).resolves.toContain('/inputs/minutesSavedPerContact/distribution/max');
    await screenshot(page, 'history');
  });

  it('8. prints the board pack to PDF', async () => {
    await go(`#/cases/${caseId}/board`);
    await page.locator('[data-testid=board-pack]').waitFor();
    await page.locator('[data-testid=board-pack] [data-testid=gate-criteria]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=board-pack] .board-section svg').first().waitFor();
    await screenshot(page, 'board-pack', { docs: true });
    await page.emulateMedia({ media: 'print' });
    const dir = `${REPO_ROOT}test-artifacts`;
    mkdirSync(dir, { recursive: true });
    for (const format of ['A4', 'Letter'] as const) {
      const path = `${dir}/board-pack-${format.toLowerCase()}.pdf`;
      await page.pdf({ path, format, printBackground: true });
      const pdf = readFileSync(path);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      console.log(`board pack ${format}: ${pages} pages, ${Math.round(statSync(path).size / 1024)} KiB`);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(6);
    }
    await page.emulateMedia({ media: 'screen' });
    expect(health.errors.filter((error) => !error.includes('favicon'))).toEqual([]);
  });

  it('9. lets a server run size itself to a precision', async () => {
    await go(`#/cases/${caseId}/results`);
    await page.locator('[data-testid=run-panel]').waitFor();
    await page.getByLabel('Size', { exact: true }).selectOption('0.01');
    await expect(page.locator('label[for=run-trials]').textContent()).resolves.toBe('At most (trials)');
    await page.getByLabel('At most (trials)', { exact: true }).selectOption('1000000');
    await page.getByRole('button', { name: /^Run until mean NPV ±1\s%, at most 1\.000\.000 trials$/ }).click();
    await page.locator('[data-testid=run-progress][data-status=succeeded]').waitFor({ timeout: 120_000 });
    const source = page.locator('[data-testid=results-source]');
    await expect.poll(() => source.textContent(), { timeout: 20_000 }).toMatch(/mean NPV ±0,\d\d\s% \(95 % CI\), target ±1\s%$/);
    // The run stores the size it chose, a doubling of 16,384, not the ceiling.
    const trials = Number((/: ([\d.]+) trials/.exec((await source.textContent()) ?? '')?.[1] ?? '').replace(/\./g, ''));
    expect([16_384, 32_768, 65_536, 131_072, 262_144, 524_288]).toContain(trials);
    await screenshot(page, 'results-precision');
    expect(health.errors.filter((error) => !error.includes('favicon'))).toEqual([]);
  });
});
