import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { hasChromium, launchChromium, screenshot, watchPage } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

/**
 * Issue 16 in a real browser, with real keys: a number field edited with End and
 * Backspace, a range typed into an amount that becomes an input and is saved, and nine
 * cost lines that fit in a short column.
 */
describe.skipIf(!hasChromium)('editor fields in Chromium (issue 16)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let health: { errors: string[] };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/document-processing.json`, 'utf8'));
    document.costs = document.costs.slice(0, 9);
    const kept = new Set([...document.costs, ...document.benefits].map((line: { id: string }) => line.id));
    for (const variant of Object.values(document.variants ?? {}) as { removeLines?: string[] }[]) {
      if (variant.removeLines) variant.removeLines = variant.removeLines.filter((id) => kept.has(id));
    }
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    health = watchPage(page);
    await page.goto(`${server.url}/#/cases/${caseId}/edit`);
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const saved = async (): Promise<{ document: Record<string, unknown> & { horizonMonths: number } }> =>
    (await fetch(`${server.url}/api/cases/${caseId}`)).json() as never;

  it('36 → End, Backspace ×2, type 48 gives 48, and it is saved', async () => {
    const horizon = page.getByLabel('Horizon', { exact: true });
    await expect(horizon.inputValue()).resolves.toBe('36');
    await horizon.click();
    await horizon.press('End');
    await horizon.press('Backspace');
    await horizon.press('Backspace');
    await expect(horizon.inputValue()).resolves.toBe('');
    await horizon.pressSequentially('48');
    await expect(horizon.inputValue()).resolves.toBe('48');
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
    await expect.poll(async () => (await saved()).document.horizonMonths, { timeout: 15_000 }).toBe(48);
  });

  it('turns "5 to 10" typed into a benefit amount into a lognormal input, saved with the case', async () => {
    const amount = page
      .locator('#benefits')
      .getByLabel(/Gross amount per month/)
      .first();
    await amount.fill('');
    await amount.pressSequentially('5 to 10');
    const proposal = page.getByTestId('range-proposal');
    await expect(proposal.textContent()).resolves.toContain('lognormal, 90 % between 5 and 10');
    await expect(proposal.getByLabel('Create input').inputValue()).resolves.toBe('clerk_time_released');
    await screenshot(page, 'editor-range-proposal', { fullPage: false });
    await proposal.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(amount.inputValue()).resolves.toBe('clerk_time_released');
    // The new input asks for its source: the link opens its card at that field.
    await page.getByRole('button', { name: 'Add its unit and source' }).click();
    const card = page.locator('details[data-input="clerk_time_released"]');
    await expect(card.getAttribute('open')).resolves.toBe('');
    await expect(card.getByLabel('Unit').inputValue()).resolves.toBe('GBP/month');
    await page.keyboard.type('Time study of 40 claims, March 2026');
    await expect(card.getByLabel('Source of the estimate').inputValue()).resolves.toBe('Time study of 40 claims, March 2026');
    await expect
      .poll(
        async () => {
          const document = (await saved()).document as unknown as { inputs: Record<string, { distribution?: unknown }>; benefits: { amount: unknown }[] };
          return [document.benefits[0].amount, document.inputs.clerk_time_released?.distribution];
        },
        { timeout: 15_000 },
      )
      .toEqual(['clerk_time_released', { type: 'lognormal', p5: 5, p95: 10 }]);
  });

  it('shows nine cost lines collapsed to one line each, in under 1,100 px', async () => {
    const costs = page.locator('#costs');
    await costs.scrollIntoViewIfNeeded();
    await expect(page.locator('#costs details.cost-card').count()).resolves.toBe(9);
    await expect(page.locator('#costs details.cost-card[open]').count()).resolves.toBe(0);
    const height = (await costs.boundingBox())!.height;
    expect(height).toBeLessThan(1100);
    await screenshot(page, 'editor-costs-nine-lines', { fullPage: false });
    // A kind select shows its longest option whole.
    await page.getByRole('button', { name: 'Expand all cost lines' }).click();
    const kind = page.locator('#costs details.cost-card').first().getByLabel('Kind', { exact: true });
    const fits = await kind.evaluate((select: HTMLSelectElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(select).font;
      probe.textContent = 'Per unit (volume × unit cost)';
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      return select.clientWidth - 30 >= needed;
    });
    expect(fits).toBe(true);
    expect(health.errors).toEqual([]);
  });
});
