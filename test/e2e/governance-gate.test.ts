import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/server/config.ts';
import { startServer, type RunningServer } from '../../api/server/start-server.ts';
import { hasChromium, launchChromium, screenshot, watchPage } from './helpers/browser.ts';
import { migratedPgliteImage } from '../helpers/pglite-image.ts';
import { ensureWebBuilt, WEB_DIST } from './helpers/test-server.ts';

const ADMIN_TOKEN = 'e2e-governance-admin-token-0123456789';
const BUSINESS_OWNER = 'Rachel Kim, Assistant Controller, AP & General Ledger';

/**
 * Issue 18 in the browser: people of two functions sign their items of a medium-tier case on the
 * Gate page (and not each other's), the business owner and an approver approve the run, the
 * approver scales the case, and it appears on the Registry page. Token mode, so every person is
 * a real token with its role and functions.
 */
describe.skipIf(!hasChromium)('governance on the gate page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let caseId = '';
  const tokens: Record<string, string> = {};

  const call = async <T>(method: string, path: string, body?: unknown, token = ADMIN_TOKEN): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    await ensureWebBuilt();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      VALUEGATE_AUTH: 'on',
      VALUEGATE_ADMIN_TOKEN: ADMIN_TOKEN,
      VALUEGATE_WORKERS: '1',
      VALUEGATE_WARM_UP: 'off',
      VALUEGATE_SEED_FIXTURES: 'false',
    });
    [server, browser] = await Promise.all([
      startServer(config, {
        log: () => undefined,
        webRoot: WEB_DIST,
        fixturesDir: new URL('../../fixtures/', import.meta.url),
        inMemory: true,
        image: await migratedPgliteImage(),
      }),
      launchChromium(),
    ]);
    const people: [string, string, string, string[]][] = [
      ['risk', 'Rita Risk', 'editor', ['risk']],
      ['legal', 'Lea Legal', 'editor', ['legal']],
      ['owner', BUSINESS_OWNER, 'viewer', ['business']],
      ['approver', 'Alex Approver', 'approver', []],
    ];
    for (const [key, person, role, functions] of people) {
      tokens[key] = (await call<{ token: string }>('POST', '/api/tokens', { name: key, person, role, functions })).token;
    }
    const document = JSON.parse(readFileSync(new URL('../../fixtures/finance-cost-anomaly.json', import.meta.url), 'utf8'));
    caseId = (await call<{ id: string }>('POST', '/api/cases', document)).id;
    await call('POST', `/api/cases/${caseId}/checklist`);
    const run = await call<{ id: string; status: string }>('POST', `/api/cases/${caseId}/runs?wait=true`, { trials: 1000 });
    expect(run.status).toBe('succeeded');
    // The gate itself (tornado, value of information) is evaluated by the first page that opens it.
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the case's gate page as the person the token belongs to (a browser context of their own, signed in from the start). */
  const openGateAs = async (who: string): Promise<void> => {
    await page?.context().close();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      storageState: { cookies: [], origins: [{ origin: server.url, localStorage: [{ name: 'valuegate.token', value: tokens[who] }] }] },
    });
    page = await context.newPage();
    const health = watchPage(page);
    page.on('close', () => errors.push(...health.errors));
    await page.goto(`${server.url}/#/cases/${caseId}/gate`);
    await page.getByTestId('checklist-panel').waitFor();
  };
  const item = (id: string) => page.getByTestId(`checklist-item-${id}`);
  const signMet = async (id: string, evidence: string): Promise<void> => {
    await item(id).getByRole('button', { name: 'Sign off…' }).click();
    const form = page.getByTestId(`sign-off-form-${id}`);
    await form.getByRole('button', { name: 'Sign off' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('A met item needs evidence');
    await form.getByLabel('Evidence (text and/or link required)').fill(evidence);
    await form.getByRole('button', { name: 'Sign off' }).click();
    await expect.poll(() => item(id).getAttribute('data-status')).toBe('met');
  };

  it('risk and legal sign their own items only; the owner approves; a scale without the approver’s approval is refused in words; the approver approves and scales; the registry lists it', async () => {
    await openGateAs('risk');
    await expect.poll(() => page.getByTestId('risk-tier').textContent()).toBe('Medium');
    const legalBlocker = item('gr-legal-classification').getByTestId('sign-off-blocker');
    expect(await legalBlocker.textContent()).toBe('Only the Legal function (or an admin) signs this item; your token carries Risk.');
    expect(await item('gr-legal-classification').getByRole('button', { name: 'Sign off…' }).isDisabled()).toBe(true);
    await signMet('gr-risk-assessment', 'Risk assessment RA-2026-14, residual risk accepted by Tomás Alvarez');
    expect(await item('gr-risk-assessment').getByTestId('signed').textContent()).toContain('Signed by Rita Risk (Risk)');

    await openGateAs('legal');
    await signMet('gr-legal-classification', 'Legal note LN-88: minimal risk under the EU AI Act; GDPR obligations listed');
    await item('gr-legal-classification').getByRole('button', { name: 'History (1)' }).click();
    expect(await item('gr-legal-classification').getByTestId('checklist-history').textContent()).toContain('Lea Legal set Not met → Met');

    await openGateAs('owner');
    await expect.poll(() => page.getByTestId('approvals-missing').textContent()).toContain(`business owner (${BUSINESS_OWNER}), an approver`);
    await page.getByLabel('Approve as').selectOption('businessOwner');
    await page.getByRole('button', { name: 'Record my approval' }).click();
    await expect.poll(() => page.getByTestId('approval-businessOwner').textContent()).toContain(`✓ ${BUSINESS_OWNER}`);

    await openGateAs('approver');
    await page.getByTestId('decision-form').getByRole('radio', { name: /Scale/ }).check();
    await expect
      .poll(() => page.getByTestId('scale-needs-approvals').textContent())
      .toBe('A scale decision needs these approvals on this run first: an approver.');
    await page.getByLabel('Rationale').fill('Controls met and approvals recorded; the value covers the production cost.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect
      .poll(() => page.locator('#decision-problem').textContent())
      .toBe('The scale decision was refused: it still needs the approval of an approver. Record the approvals above, then decide again.');
    await screenshot(page, 'gate-governance');
    await page.getByRole('button', { name: 'Record my approval' }).click();
    await page.getByTestId('approvals-complete').waitFor();
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('✓ Recorded: Scale by Alex Approver.').waitFor();

    await page.getByRole('link', { name: 'Registry', exact: true }).click();
    const row = page.getByTestId('registry-table').locator(`tr[data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Rachel Kim');
    expect(await row.locator('td').nth(2).textContent()).toBe('Medium');
    await screenshot(page, 'registry');
    await page.context().close();
    // The one refused scale decision is the browser's "failed to load resource" for its 409; nothing else failed.
    expect(errors.filter((error) => !error.includes('status of 409'))).toEqual([]);
    expect(errors.filter((error) => error.includes('status of 409'))).toHaveLength(1);
  });
});
