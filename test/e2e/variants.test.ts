import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { hasChromium, launchChromium, screenshot, watchPage } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

interface StoredCase {
  currentVersion: number;
  document: { variants?: Record<string, { label: string; removeLines?: string[] }> };
}

/**
 * A pilot owner adds a variant in the editor ("without the annual SOX testing"), and
 * compares it with the case on the Compare tab on the discounted payback, not NPV.
 */
describe.skipIf(!hasChromium)('variants: create in the editor, compare on another output', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let errors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/finance-cost-anomaly.json`, 'utf8'));
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    caseId = ((await created.json()) as { id: string }).id;
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    errors = watchPage(page).errors;
    await page.goto(`${server.url}/#/cases/${caseId}/edit`);
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const stored = async (): Promise<StoredCase> => (await fetch(`${server.url}/api/cases/${caseId}`)).json() as Promise<StoredCase>;

  it('creates a variant that leaves out a cost line, and autosaves it', async () => {
    await page.locator('#new-variant-label').fill('Without annual SOX testing');
    await expect(page.locator('#new-variant-id').inputValue()).resolves.toBe('withoutAnnualSoxTesting');
    await page.getByRole('button', { name: '+ Create variant' }).click();
    const card = page.locator('[data-variant=withoutAnnualSoxTesting]');
    await card.getByLabel('Leave out cost: Annual SOX testing of the control').check();
    await expect(card.getByTestId('variant-changes').textContent()).resolves.toContain('removes the line "Annual SOX testing of the control"');
    // The live preview of the variant, beside the case's.
    await card.getByTestId('variant-npv').waitFor({ timeout: 30_000 });
    await expect(card.getByTestId('variant-npv').textContent()).resolves.toMatch(/NPV P50 in this variant .* against .* for the case/);
    // Autosave may store the new variant and the ticked line as one version or two.
    const wanted = { withoutAnnualSoxTesting: { label: 'Without annual SOX testing', removeLines: ['soxTesting'] } };
    let variants: unknown;
    for (let waited = 0; waited < 30_000; waited += 500) {
      variants = (await stored()).document.variants;
      if (JSON.stringify(variants) === JSON.stringify(wanted)) break;
      await page.waitForTimeout(500);
    }
    expect(variants).toEqual(wanted);
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 15_000 });
    await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'variants-section', { fullPage: false });
  });

  it('compares the case with the variant on the discounted payback', async () => {
    await page.getByRole('link', { name: 'Compare' }).click();
    const target = page.locator('#compare-target');
    await target.selectOption('variant:withoutAnnualSoxTesting');
    await page.getByLabel('Compare on').selectOption('discountedPaybackMonth');
    await page.locator('#compare-trials').selectOption('10000');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const figures = page.getByTestId('compare-figures');
    await figures.waitFor({ timeout: 60_000 });
    await expect(figures.textContent()).resolves.toContain('Mean difference A − B: Discounted payback (months)');
    await expect(figures.textContent()).resolves.toContain('paying back sooner');
    // The page shows what the API computes for the same request (same seed: the case's own).
    const response = await fetch(`${server.url}/api/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: { caseId }, b: { caseId, variant: 'withoutAnnualSoxTesting' }, trials: 10_000, output: 'discountedPaybackMonth' }),
    });
    const result = (await response.json()) as { output: string; difference: { mean: number }; a: { percentiles: { p50: number } } };
    expect(result.output).toBe('discountedPaybackMonth');
    // Leaving out a cost never pays back later.
    expect(result.difference.mean).toBeGreaterThanOrEqual(0);
    await expect(page.getByTestId('compare-mean-difference').textContent()).resolves.toBe(
      `${result.difference.mean > 0 ? '+' : ''}${result.difference.mean.toFixed(1)} months`,
    );
    await expect(page.locator('.compare-page table caption').textContent()).resolves.toContain('B: Variant: Without annual SOX testing');
    await screenshot(page, 'compare-variant', { fullPage: true });
    expect(errors).toEqual([]);
  });
});
