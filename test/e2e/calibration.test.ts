import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { hasChromium, launchChromium, screenshot, watchPage } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

/**
 * Issue 20, item 5 in a real browser: the past-pilot fixture's estimators on the
 * Calibration page, then Ana Ruiz's factor offered on one of her inputs and applied.
 */
describe.skipIf(!hasChromium)('estimator calibration in Chromium (issue 20)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let health: { errors: string[] };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/supplier-email-triage.json`, 'utf8'));
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    health = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists each estimator with hit rate, interval, interval score and widening factor, and a chart', async () => {
    await page.goto(`${server.url}/#/calibration`);
    const table = page.locator('[data-testid=calibration-table]');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('Ana Ruiz');
    expect(rows[0]).toContain('50 % (3 of 6)');
    expect(rows[1]).toContain('80 % (4 of 5)');
    await page.locator('[data-testid=hit-rate-chart] svg').first().waitFor();
    await page.getByText("Ana Ruiz's 6 resolved ranges").click();
    await screenshot(page, 'calibration-page', { docs: true });
    expect(health.errors).toEqual([]);
  });

  it('offers Ana’s factor on her input and applies it, widening the range and saving the choice', async () => {
    await page.goto(`${server.url}/#/cases/${caseId}/edit`);
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
    const card = page.locator('details[data-input="autoShare"]');
    await card.locator(':scope > summary').click();
    const note = card.locator('[data-testid=calibration-note-autoShare]');
    await note.waitFor();
    expect(await note.textContent()).toContain('Ranges by Ana Ruiz held 50 % of the time');
    const range = card.locator('[data-testid=range-autoShare]');
    const before = await range.textContent();
    await note.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'calibration-editor-note', { fullPage: false });
    await card.getByRole('button', { name: /^Apply ×/ }).click();
    await expect.poll(() => range.textContent()).not.toBe(before);
    await card.locator('[data-testid=widened-autoShare]').waitFor();
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 15_000 });
    const stored = (await (await fetch(`${server.url}/api/cases/${caseId}`)).json()) as {
      document: { inputs: { autoShare: { estimate: { widened?: { factor: number } } } } };
    };
    expect(stored.document.inputs.autoShare.estimate.widened?.factor).toBeCloseTo(2.2, 9);
    expect(health.errors).toEqual([]);
  });
});
