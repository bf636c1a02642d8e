import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server/start-server.ts';
import { assumptionColumn } from '../../api/services/xlsx/assumption-columns.ts';
import { downloadedBytes, hasChromium, launchChromium, screenshot } from './helpers/browser.ts';
import { REPO_ROOT, startTestServer } from './helpers/test-server.ts';

/**
 * The CFO's loop in the browser: download the workbook from the Results page, change
 * three assumptions (as Excel would, here with exceljs), upload it, read the diff, and
 * save it as the case's next version.
 */
describe.skipIf(!hasChromium)('workbook round trip in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    const document = JSON.parse(readFileSync(`${REPO_ROOT}fixtures/document-processing.json`, 'utf8'));
    const json = { 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: json, body: JSON.stringify(document) });
    caseId = ((await created.json()) as { id: string }).id;
    const run = await fetch(`${server.url}/api/cases/${caseId}/runs?wait=true`, { method: 'POST', headers: json, body: JSON.stringify({ trials: 500 }) });
    expect(run.status).toBe(201);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await page.goto(`${server.url}/#/cases/${caseId}/results`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads, uploads an edited workbook, shows the diff and saves version 2', async () => {
    const button = page.locator('[data-testid=export-xlsx]:not([disabled])');
    await button.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await downloadedBytes(download)).buffer);
    workbook.getWorksheet('Assumptions')!.eachRow((row) => {
      const id = row.getCell(1).value;
      if (id === 'docsPerMonth') row.getCell(assumptionColumn('Label')).value = 'Claims documents a month (all channels)';
      if (id === 'integrationCost') row.getCell(assumptionColumn('p95')).value = 450000;
      if (id === 'intakeClerks') row.getCell(assumptionColumn('Point value (median)')).value = 60;
    });
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    await page
      .locator('[data-testid=import-workbook-file]')
      .setInputFiles({ name: 'edited.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: edited });
    const preview = page.locator('[data-testid=import-workbook-preview]');
    await preview.waitFor({ timeout: 30_000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('3 changes from the workbook');
    for (const path of ['/inputs/docsPerMonth/label', '/inputs/integrationCost/distribution/p95', '/inputs/intakeClerks/distribution/value'])
      expect(text).toContain(path);
    await preview.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'workbook-import-preview', { fullPage: false });
    await page.locator('[data-testid=import-workbook-save]').click();
    await page.locator('[data-testid=import-workbook-saved]', { hasText: 'version 2' }).waitFor({ timeout: 30_000 });
    const stored = (await (await fetch(`${server.url}/api/cases/${caseId}`)).json()) as { currentVersion: number };
    expect(stored.currentVersion).toBe(2);
  });
});
