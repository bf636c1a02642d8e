import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOMMENDATIONS } from '../../models/gate/recommendation.ts';
import type { RunningServer } from '../../api/server/start-server.ts';
import { downloadedBytes, hasChromium, launchChromium, screenshot, watchPage } from './helpers/browser.ts';
import { startTestServer } from './helpers/test-server.ts';

interface StoredCase {
  currentVersion: number;
  document: {
    costs: { id: string; label: string; category: string; amount?: unknown }[];
    noCostReasons: Record<string, string>;
    inputs: Record<string, { label?: string; source?: string; distribution: Record<string, unknown> }>;
    variants?: Record<string, { label: string; removeLines?: string[] }>;
  };
}
interface Version {
  version: number;
  message: string | null;
  named: boolean;
}

/**
 * The acceptance test of issue 16: a pilot owner who has never seen the JSON format goes
 * from the portfolio page to a gate recommendation for a new use case in the browser alone.
 * New case and the guided start (every cost category answered), a range typed as `2 to 6`
 * that becomes a named input, a variant, a named version ("sent to the CFO"), a server run,
 * the gate, and the Excel download. Counts the interactions (clicks + fields typed and
 * options chosen) of the whole journey and prints the figure once.
 */
describe.skipIf(!hasChromium)('authoring journey in Chromium: a blank page to a gate recommendation, without JSON', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let health: { errors: string[] };
  let caseId = '';
  const count = { clicks: 0, typed: 0 };
  let guidedStart = 0;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })).newPage();
    health = watchPage(page);
  });

  afterAll(async () => {
    const interactions = count.clicks + count.typed;
    console.log(
      `authoring journey, portfolio to xlsx: ${interactions} interactions (${count.clicks} clicks + ${count.typed} fields typed or chosen; ${guidedStart} of them in the guided start)`,
    );
    await browser?.close();
    await server?.close();
  });

  // The counter: every click, and every field filled or option chosen, goes through these.
  const click = async (target: Locator): Promise<void> => {
    count.clicks++;
    await target.click();
  };
  const fill = async (target: Locator, text: string): Promise<void> => {
    count.typed++;
    await target.fill(text);
  };
  const type = (label: string, text: string): Promise<void> => fill(page.getByLabel(label, { exact: true }), text);

  const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}/api${path}`)).json() as Promise<T>;
  const stored = (): Promise<StoredCase> => api<StoredCase>(`/cases/${caseId}`);
  const tab = (name: string): Locator => page.locator('nav.case-tabs').getByRole('link', { name, exact: true });
  const saved = (): Promise<void> => page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 20_000 });
  const title = (): Locator => page.locator('#guided-step-title');
  const next = async (expectTitle: string): Promise<void> => {
    await click(page.getByRole('button', { name: 'Next →' }));
    await expect.poll(() => title().textContent()).toBe(expectTitle);
  };

  const costs: [string, 'cost' | 'monthly' | 'none', string][] = [
    ['Integration', 'cost', '60000'],
    ['Data (preparation, quality, ownership)', 'none', 'Uses the ERP master data as it is'],
    ['Security & privacy', 'none', 'Runs inside the ERP tenant under its controls'],
    ['Infrastructure & inference', 'monthly', '1500'],
    ['Training & change management', 'cost', '8000'],
    ['Monitoring & evaluation', 'monthly', '500'],
    ['Maintenance (model, prompt, version upkeep)', 'none', 'Included in the vendor subscription'],
    ['Governance, risk & legal', 'none', 'Internal tool; existing AI policy review only'],
    ['Manager & expert time', 'none', 'Within the AP lead’s existing role'],
  ];

  it('1. starts on the portfolio, clicks "New case" and completes the guided start without JSON', async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await click(page.getByRole('link', { name: 'New case', exact: true }));
    await expect.poll(() => title().textContent()).toBe('The use case');
    await type('Use case name', 'Invoice-matching copilot');
    await type('Process it changes', 'Accounts-payable three-way matching');
    await screenshot(page, 'authoring-guided-start', { fullPage: false });
    await next('Business owner and sponsor');
    await type('Business owner', 'Head of Accounts Payable');
    await type('Sponsor', 'CFO');
    await next('Risk classification (intake)');
    await next('Currency, start and horizon');
    await next("Today's baseline in numbers");
    await type('Metric', 'Minutes per invoice');
    await type('Value today', '6');
    await type('Unit', 'minutes');
    await type('Source', 'AP time study, Oct 2026');
    await next('The value hypothesis');
    await type('What changes', 'Matching time falls from 6 to 2 minutes per invoice');
    await type('Expected value after launch', '2');
    await next('Volumes and value per unit');
    await type('What is counted', 'Invoices matched');
    await type('Eligible volume per month, low', '8000');
    await type('Eligible volume per month, high', '12000');
    await type('Volume unit', 'invoices/month');
    await type('Source of the volume', 'ERP, last 12 months');
    await type('Hours saved per unit, low', '0.05');
    await type('Hours saved per unit, high', '0.08');
    await type('Cost per hour, low', '40');
    await type('Cost per hour, high', '50');
    await type('Source of the value', 'Pilot time study; finance rate card');
    await next('The pilot');
    await type('Pilot scope', 'Two AP clerks, one supplier segment');
    await type('Share of production volume the pilot covered', '10');
    await type('Pilot cost (total)', '15000');
    await next('Production cost: Integration');
    for (const [index, [label, answer, value]] of costs.entries()) {
      await expect(title().textContent()).resolves.toBe(`Production cost: ${label}`);
      if (answer === 'none') {
        await click(page.getByLabel(/^None: this case has no/));
        await type('Why none', value);
      } else {
        await click(page.getByLabel('It costs something in production'));
        await type(answer === 'monthly' ? 'Monthly amount (optional)' : 'One-time amount (optional)', value);
      }
      await next(index + 1 < costs.length ? `Production cost: ${costs[index + 1][0]}` : 'Adoption');
    }
    await next('Review and create');
    await screenshot(page, 'authoring-guided-review', { fullPage: false });
    await click(page.getByRole('button', { name: 'Create case' }));

    await page.waitForURL(/#\/cases\/[^/]+\/edit$/);
    guidedStart = count.clicks + count.typed;
    caseId = decodeURIComponent(page.url().split('#/cases/')[1].split('/')[0]);
    await page.getByRole('heading', { name: 'Invoice-matching copilot', level: 1 }).waitFor();
    await saved();
    const created = await stored();
    // Version 1 is the case as created, version 2 its readiness checklist started from the current template.
    expect(created.currentVersion).toBe(2);
    // Every cost category answered: a cost line or "none" with a reason.
    const answered = new Set([...created.document.costs.map((line) => line.category), ...Object.keys(created.document.noCostReasons)]);
    expect([...answered].sort()).toEqual(
      ['data', 'governance', 'infrastructure', 'integration', 'maintenance', 'management', 'monitoring', 'security', 'training'].sort(),
    );
    expect(Object.values(created.document.noCostReasons).every((reason) => reason.trim().length > 0)).toBe(true);
  });

  it('2. types "2 to 6" into a cost amount, creates the proposed input, gives its source, and autosave succeeds', async () => {
    await page.locator('[data-testid=live-panel][data-revision="0"]').waitFor({ timeout: 60_000 });
    const monitoring = (await stored()).document.costs.find((line) => line.category === 'monitoring')!;
    const card = page.locator(`details.cost-card[data-line="${monitoring.id}"]`);
    // With few cost lines every card is open; with many, the line is opened first.
    if (!(await card.evaluate((element) => (element as HTMLDetailsElement).open))) await click(card.locator(':scope > summary'));
    const amount = card.getByLabel(/^Amount per month/);
    await fill(amount, '2 to 6');
    const proposal = card.getByTestId('range-proposal');
    await proposal.waitFor();
    const proposedName = await proposal.locator('input.range-proposal-name').inputValue();
    expect(proposedName).toMatch(/^[a-z][a-z0-9_]*$/);
    await click(proposal.getByRole('button', { name: 'Create', exact: true }));
    await expect.poll(() => amount.inputValue()).toBe(proposedName);
    await screenshot(page, 'authoring-editor-range', { fullPage: false });
    // A draft saves without the new input's source (a warning, not a blocking error)…
    await expect.poll(async () => (await stored()).document.costs.find((line) => line.id === monitoring.id)!.amount, { timeout: 30_000 }).toBe(proposedName);
    await saved();
    // …and the pilot owner still documents it: the input's card asks for it, the link opens it.
    await click(card.getByRole('button', { name: 'Add its unit and source' }));
    const inputCard = page.locator(`details[data-input="${proposedName}"]`);
    await fill(inputCard.getByLabel('Source of the estimate', { exact: true }), 'Vendor quote for the evaluation service, Nov 2026');
    await expect
      .poll(async () => (await stored()).document.inputs[proposedName]?.source, { timeout: 30_000 })
      .toBe('Vendor quote for the evaluation service, Nov 2026');
    await saved();
    const after = await stored();
    expect(after.document.costs.find((line) => line.id === monitoring.id)!.amount).toBe(proposedName);
    expect(after.document.inputs[proposedName].distribution).toMatchObject({ type: 'lognormal' });
    await inputCard.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'authoring-editor', { fullPage: false });
  });

  it('3. adds a variant that leaves out a cost line', async () => {
    const training = (await stored()).document.costs.find((line) => line.category === 'training')!;
    await fill(page.locator('#new-variant-label'), 'Without the training programme');
    const variantId = await page.locator('#new-variant-id').inputValue();
    await click(page.getByRole('button', { name: '+ Create variant' }));
    const card = page.locator(`[data-variant="${variantId}"]`);
    await click(card.getByLabel(`Leave out cost: ${training.label}`));
    await expect(card.getByTestId('variant-changes').textContent()).resolves.toContain(`removes the line "${training.label}"`);
    const wanted = { [variantId]: { label: 'Without the training programme', removeLines: [training.id] } };
    await expect.poll(async () => (await stored()).document.variants, { timeout: 30_000 }).toEqual(wanted);
    await saved();
  });

  it('4. saves a named version "sent to the CFO", listed first in the version history', async () => {
    await click(page.getByRole('button', { name: 'Save version…' }));
    await fill(page.getByLabel('What marks this version?'), 'sent to the CFO');
    await click(page.getByRole('button', { name: 'Save version', exact: true }));
    const done = page.locator('[data-testid=save-version] [role=status]');
    await done.waitFor({ timeout: 20_000 });
    await expect(done.textContent()).resolves.toMatch(/^Version \d+ saved as “sent to the CFO”\.$/);
    const current = (await stored()).currentVersion;
    const { items } = await api<{ items: Version[] }>(`/cases/${caseId}/versions?named=true`);
    expect(items.map((version) => [version.version, version.message])).toEqual([[current, 'sent to the CFO']]);
    await click(tab('Version history'));
    const first = page.locator('[data-testid=named-versions] tbody tr').first();
    await first.waitFor();
    await expect(first.textContent()).resolves.toContain('sent to the CFO');
    await expect(first.textContent()).resolves.toContain(String(current));
  });

  let runId = '';
  it('5. runs on the server from the run panel and waits for completion', async () => {
    await click(tab('Results'));
    await page.locator('[data-testid=run-panel]').waitFor();
    await click(page.getByRole('button', { name: /^Run .+ trials on the server$/ }));
    await page.locator('[data-testid=run-progress][data-status=succeeded]').waitFor({ timeout: 120_000 });
    const { items } = await api<{ items: { id: string; status: string; caseVersion: number }[] }>(`/cases/${caseId}/runs`);
    expect(items).toHaveLength(1);
    expect(items[0].status).toBe('succeeded');
    expect(items[0].caseVersion).toBe((await stored()).currentVersion);
    runId = items[0].id;
  });

  it('6. opens the Gate tab and reads a recommendation', async () => {
    await click(tab('Gate'));
    const recommendation = page.locator('[data-testid=recommendation]');
    await recommendation.waitFor({ timeout: 90_000 });
    const { items } = await api<{ items: { result: { recommendation: string } }[] }>(`/runs/${runId}/analyses?kind=gate`);
    expect(items.length).toBeGreaterThanOrEqual(1);
    const value = items[0].result.recommendation;
    expect(RECOMMENDATIONS).toContain(value);
    await expect(recommendation.getAttribute('class')).resolves.toContain(`recommendation-${value}`);
    await expect(recommendation.locator('.headline').textContent()).resolves.not.toBe('');
    await screenshot(page, 'authoring-gate', { fullPage: false });
  });

  it('7. downloads the Excel workbook from the Results page export menu', async () => {
    await click(tab('Results'));
    await page.locator('[data-testid=export-menu]').waitFor();
    count.clicks++;
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('[data-testid=export-xlsx]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await downloadedBytes(xlsx);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(health.errors.filter((error) => !error.includes('favicon'))).toEqual([]);
  });
});
