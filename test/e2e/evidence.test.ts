import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { hasChromium, launchChromium, SCREENSHOT_DIR, screenshot, watchPage } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

/**
 * Issue 20 items 3 and 4 in a real browser: the measured contact-center case opened at
 * its input's evidence form (as the gate's "measure next" links do), the before/after
 * updating as the mean is typed, a CSV with text refused by row, and the EVSI table.
 */
describe.skipIf(!hasChromium)('evidence and EVSI in Chromium (issue 20)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let health: { errors: string[] };
  const card = () => page.locator('details[data-input="minutesSavedPerContact"]');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = readFileSync(`${REPO_ROOT}fixtures/contact-center-assistant-measured.json`, 'utf8');
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: document });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    health = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the input named in the link at its evidence form, and the before/after follows the typed mean', async () => {
    await page.goto(`${server.url}/#/cases/${caseId}/edit?input=minutesSavedPerContact`);
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
    await expect(card().getAttribute('open')).resolves.not.toBeNull();
    const form = card().locator('[data-testid=evidence-minutesSavedPerContact]');
    await expect(form.getByLabel('Sample size n').inputValue()).resolves.toBe('60');
    const updatedMean = card().locator('[data-testid=before-after-minutesSavedPerContact] td[data-figure=Mean]');
    const before = await updatedMean.textContent();
    await form.locator('.evidence-before-after figure svg, .evidence-before-after svg').first().waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await form.screenshot({ path: `${SCREENSHOT_DIR}/evidence-form.png` });
    await form.getByLabel('Sample mean').fill('1.4');
    await expect.poll(() => updatedMean.textContent()).not.toBe(before);
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
    const saved = (await (await fetch(`${server.url}/api/cases/${caseId}`)).json()) as {
      document: { inputs: Record<string, { evidence: { summary: { mean: number } } }> };
    };
    await expect.poll(async () => saved.document.inputs.minutesSavedPerContact.evidence.summary.mean, { timeout: 15_000 }).toBeDefined();
  });

  it('refuses a CSV with text by its row and keeps the saved observations', async () => {
    const form = card().locator('[data-testid=evidence-minutesSavedPerContact]');
    await form.getByLabel('Kind of evidence').selectOption('observations');
    await form.getByTestId('observations-csv').setInputFiles({ name: 'timed.csv', mimeType: 'text/csv', buffer: Buffer.from('minutes\n0.6\n1.1\nabc\n0.9\n') });
    await form.getByText("Observations: row 4: 'abc' is not a number").waitFor();
    await form.getByTestId('observations-csv').setInputFiles({ name: 'timed.csv', mimeType: 'text/csv', buffer: Buffer.from('minutes\n0.6\n1.1\n0.7\n0.9\n') });
    await expect.poll(() => form.getByText(/is not a number/).count()).toBe(0);
    await form.getByText('4 observations.', { exact: false }).waitFor();
    // Back to the fixture's summary for the VOI page.
    await form.getByLabel('Kind of evidence').selectOption('summary');
    await form.getByLabel('Sample size n').fill('60');
    await form.getByLabel('Sample mean').fill('0.8');
    await form.getByLabel('Sample standard deviation').fill('1.2');
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
  });

  it('shows what the measurement changed and prices a planned sample on the VOI page', async () => {
    await page.goto(`${server.url}/#/cases/${caseId}/voi`);
    const changes = page.getByTestId('evidence-changes');
    await changes.getByTestId('evidence-gate').waitFor({ timeout: 60_000 });
    await expect(changes.getByTestId('evidence-row-minutesSavedPerContact').count()).resolves.toBe(1);
    const panel = page.getByTestId('evsi-panel');
    await panel.getByLabel('Input to measure').selectOption('minutesSavedPerContact');
    await panel.getByLabel('Sample sizes n').fill('10, 30, 100, 300');
    await panel.getByRole('button', { name: 'Price the measurement' }).click();
    const table = panel.getByTestId('evsi-table');
    await table.waitFor({ timeout: 60_000 });
    await expect(table.locator('tbody tr').count()).resolves.toBe(4);
    await expect(panel.getByTestId('evsi-ceiling').textContent()).resolves.toMatch(/\d/);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SCREENSHOT_DIR}/voi-evsi-table.png` });
    await changes.screenshot({ path: `${SCREENSHOT_DIR}/voi-evidence-changes.png` });
    await screenshot(page, 'voi-evidence-page');
    expect(health.errors).toEqual([]);
  });
  it("the gate's measure-next entry opens that input's evidence form in the editor", async () => {
    const run = await fetch(`${server.url}/api/cases/${caseId}/runs?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trials: 4000 }),
    });
    expect(run.status).toBeLessThan(300);
    // A hash change keeps the page: reload so the workspace reads the new run.
    await page.goto(`${server.url}/#/cases/${caseId}/gate`);
    await page.reload();
    const link = page.getByRole('link', { name: 'Record a measurement of it' }).first();
    await link.waitFor({ timeout: 60_000 }).catch(async (error) => {
      await screenshot(page, 'evidence-gate-link-missing');
      throw error;
    });
    const input = new URL((await link.getAttribute('href'))!, server.url).hash.split('input=')[1];
    await link.click();
    await page.locator(`details[data-input="${input}"][open] [data-testid="evidence-${input}"]`).waitFor();
    expect(page.url()).toContain(`/edit?input=${input}`);
    expect(health.errors).toEqual([]);
  });
});
