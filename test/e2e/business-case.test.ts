import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { hasChromium, launchChromium, SCREENSHOT_DIR, screenshot, watchPage } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

const OUT = `${REPO_ROOT}test-artifacts/business-case`;

/**
 * The production business case in the browser (issue 19): the editor's Scaling plan
 * section, the Business case tab in board order, printed to A4 and Letter, and the
 * board pack's pilot block printed once.
 */
describe.skipIf(!hasChromium)('business case: plan in the editor, document on its tab, printed', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let health: { errors: string[] };
  let caseId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/contact-center-assistant.json`, 'utf8'));
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    caseId = ((await created.json()) as { id: string }).id;
    const ran = await fetch(`${server.url}/api/cases/${caseId}/runs?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trials: 2000 }),
    });
    expect(ran.status).toBe(201);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    health = watchPage(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the scaling plan in the editor, each part complete', async () => {
    await page.goto(`${server.url}/#/cases/${caseId}/edit`);
    const section = page.locator('#scaling-plan');
    await section.waitFor();
    await expect(section.locator('[data-plan-status]').allTextContents()).resolves.toEqual(['Complete', 'Complete', 'Complete', 'Complete']);
    await expect(section.getByLabel('Milestone').first().inputValue()).resolves.toBe('Security review, DPIA and penetration test passed');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await section.screenshot({ path: `${SCREENSHOT_DIR}/editor-scaling-plan.png` });
  });

  it('renders the business case in board order and prints it to A4 and Letter', async () => {
    await page.goto(`${server.url}/#/cases/${caseId}/business`);
    const doc = page.locator('[data-testid=business-case]');
    await doc.waitFor({ timeout: 120_000 });
    const headings = await doc.locator('h2').allTextContents();
    expect(headings).toEqual([
      '1. The decision asked for',
      '2. Use case, owner and sponsor',
      '3. Baseline and value hypothesis',
      '4. Full scaling cost, and the pilot against production',
      '5. Integration plan',
      '6. Adoption plan',
      '7. Post-launch accountability',
      '8. Value-measurement approach',
      '9. Risks and sensitivities',
      '10. The gate',
      '11. What to measure next',
    ]);
    await expect(doc.locator('.business-case-chart svg').count()).resolves.toBe(3);
    await screenshot(page, 'business-case');
    await page.emulateMedia({ media: 'print' });
    mkdirSync(OUT, { recursive: true });
    for (const format of ['A4', 'Letter'] as const) {
      const path = `${OUT}/business-case-print-${format.toLowerCase()}.pdf`;
      await page.pdf({ path, format, printBackground: true });
      const pdf = readFileSync(path);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      console.log(`business case ${format}: ${pages} pages`);
      expect(pages).toBeGreaterThanOrEqual(4);
      expect(pages).toBeLessThanOrEqual(14);
    }
    await page.emulateMedia({ media: 'screen' });
    // The Word document downloads from the page as the signed-in user.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-business-case-v1\.docx$/);
    const saved = `${OUT}/business-case-from-page.docx`;
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    // Pages to look at: the first two and the risks page of the A4 print.
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', `${OUT}/business-case-print-a4.pdf`, `${OUT}/business-case-print-a4`], {
        timeout: 30_000,
      });
    }
    expect(health.errors.filter((error) => !error.includes('favicon'))).toEqual([]);
  }, 180_000);

  it('prints the pilot sentence once in the board pack, with the reported ROI and the costs the pilot never paid', async () => {
    await page.goto(`${server.url}/#/cases/${caseId}/board`);
    const brief = page.locator('[data-testid=board-pack] [data-testid=pilot-brief]');
    await brief.waitFor({ timeout: 60_000 });
    const text = (await page.locator('[data-testid=board-pack]').textContent()) ?? '';
    expect(text.match(/the pilot overstates/gi)).toHaveLength(1);
    const briefText = (await brief.textContent()) ?? '';
    expect(briefText).toContain('Reported by the pilot team');
    expect(briefText).toMatch(/310\s?%/);
    expect(briefText).toContain('Costs the pilot never paid');
    await brief.screenshot({ path: `${SCREENSHOT_DIR}/board-pack-pilot.png` });
  });
});
