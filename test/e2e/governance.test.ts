import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { hasChromium, launchChromium, screenshot, watchPage } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

/**
 * Issue 18, item 8 in a real browser: a pilot owner classifies a case at intake in the
 * editor (saved with the answers behind it), and an admin publishes a new version of the
 * shared readiness checklist and reads its diff.
 */
describe.skipIf(!hasChromium)('governance in Chromium (issue 18)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let health: { errors: string[] };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/supplier-email-triage.json`, 'utf8'));
    delete document.governance;
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    health = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('classifies a case at intake: a customer-facing assistant is a transparency case, saved with the answers behind it', async () => {
    await page.goto(`${server.url}/#/cases/${caseId}/edit`);
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
    const question = (key: string) => page.locator(`[data-question="${key}"]`);
    await question('decisions').getByLabel('Customer service').check();
    await question('affected').getByLabel('Customers').check();
    await question('personalData').getByLabel('Personal data', { exact: true }).check();
    await question('autonomy').getByLabel('It recommends, a person decides').check();
    await question('euAiActArea').getByRole('combobox').selectOption('none');
    await question('prohibitedPractice').getByRole('combobox').selectOption('none');
    await question('interactsWithPeople').getByLabel('Yes').check();
    await question('generatesContent').getByLabel('Yes').check();
    await expect.poll(() => page.getByTestId('euAiActCategory-value').textContent()).toBe('Transparency obligations (Art. 50)');
    await expect(page.getByTestId('riskTier-value').textContent()).resolves.toBe('Medium');
    await page.locator('#governance').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'governance-intake', { fullPage: false });
    await page.getByTestId('classification').evaluate((panel) => panel.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'governance-classification', { fullPage: false, docs: true });
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
    const governance = async () =>
      (await fetch(`${server.url}/api/cases/${caseId}/governance`)).json() as Promise<{ euAiActCategory: { value: string }; riskTier: { value: string } }>;
    await expect.poll(async () => (await governance()).euAiActCategory.value, { timeout: 15_000 }).toBe('transparency');
    expect((await governance()).riskTier.value).toBe('medium');
  });

  it('lets the admin publish a new checklist template version and shows what changed', async () => {
    await page.getByRole('link', { name: 'Governance', exact: true }).click();
    await page.getByTestId('tier-high').waitFor();
    await screenshot(page, 'governance-tiers', { fullPage: false });
    await page.getByRole('button', { name: 'Draft a new version' }).click();
    await page.getByLabel('Item gr-ai-disclosure', { exact: true }).fill('Customers are told when a reply was drafted by AI');
    const add = page.locator('.template-add');
    await add.getByLabel('Id').fill('gr-vendor-exit');
    await add.getByLabel('Item').fill('A vendor exit plan exists');
    await add.getByLabel('Function').selectOption('it');
    await add.getByRole('button', { name: 'Add item' }).click();
    await page.getByLabel('What changed (note for this version)').fill('Vendor exit; clearer disclosure wording');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await expect.poll(() => page.getByLabel('Compare to').inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect.poll(() => page.getByTestId('diff-added').textContent()).toContain('gr-vendor-exit');
    await expect(page.getByTestId('diff-changed').textContent()).resolves.toContain('Customers are told when a reply was drafted by AI');
    await page.getByTestId('template-diff').evaluate((diff) => diff.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'governance-template-diff', { fullPage: false, docs: true });
    const versions = (await (await fetch(`${server.url}/api/governance/checklist-templates`)).json()) as {
      items: { version: number; current: boolean; note: string }[];
    };
    expect(versions.items[0]).toMatchObject({ version: 2, current: true, note: 'Vendor exit; clearer disclosure wording' });
    expect(health.errors).toEqual([]);
  });
});
