import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { hasChromium, launchChromium, screenshot } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

/**
 * Two tabs edit the same case. The second tab's autosave gets 412 (If-Match names a
 * version that is no longer current): it shows the conflict and overwrites nothing.
 */
describe.skipIf(!hasChromium)('autosave conflict between two tabs', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let first: Page;
  let second: Page;
  let caseId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/finance-cost-anomaly.json`, 'utf8'));
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    caseId = ((await created.json()) as { id: string }).id;
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    [first, second] = await Promise.all([context.newPage(), context.newPage()]);
    for (const page of [first, second]) {
      await page.goto(`${server.url}/#/cases/${caseId}/edit`);
      await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const current = async (): Promise<{ currentVersion: number; document: { name: string; description?: string } }> =>
    (await fetch(`${server.url}/api/cases/${caseId}`)).json() as Promise<{ currentVersion: number; document: { name: string; description?: string } }>;

  it('shows the conflict in the tab that saved second, and keeps the first tab’s version', async () => {
    await first.getByLabel('Case name').fill('Cost-anomaly detection (edited in tab 1)');
    await first.locator('[data-testid=save-status][data-state=saved]', { hasText: 'version 2' }).waitFor({ timeout: 15_000 });

    await second.getByRole('textbox', { name: 'Description (optional)', exact: true }).fill('Edited in tab 2 without seeing tab 1');
    await second.locator('[data-testid=save-status][data-state=conflict]').waitFor({ timeout: 15_000 });
    const banner = second.locator('[data-testid=conflict-banner]');
    await expect(banner.textContent()).resolves.toContain('version 2 was saved meanwhile');
    await expect(banner.locator('.diff-table').textContent()).resolves.toContain('/name');
    await second.locator('[data-testid=conflict-banner]').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(second, 'conflict', { fullPage: false });

    const stored = await current();
    expect(stored.currentVersion).toBe(2);
    expect(stored.document.name).toBe('Cost-anomaly detection (edited in tab 1)');
    expect(stored.document.description).not.toBe('Edited in tab 2 without seeing tab 1');
  });

  it('continues from the saved version after discarding, and saves the next edit normally', async () => {
    await second.getByRole('button', { name: /Discard my edits/ }).click();
    await second.locator('[data-testid=save-status][data-state=saved]').waitFor();
    await expect(second.getByLabel('Case name').inputValue()).resolves.toBe('Cost-anomaly detection (edited in tab 1)');
    await second.getByRole('textbox', { name: 'Prepared by (optional)', exact: true }).fill('Tab 2, after reviewing tab 1');
    await second.locator('[data-testid=save-status][data-state=saved]', { hasText: 'version 3' }).waitFor({ timeout: 15_000 });
    const stored = await current();
    expect(stored.currentVersion).toBe(3);
    expect(stored.document.name).toBe('Cost-anomaly detection (edited in tab 1)');
  });
});
