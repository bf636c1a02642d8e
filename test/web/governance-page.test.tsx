import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../models/governance/default-template.ts';
import { DEFAULT_RISK_TIERS } from '../../models/governance/risk-tiers.ts';
import { GovernancePage } from '../../web/src/pages/governance-page.tsx';
import { refetchMe } from '../../web/src/stores/me-store.ts';

const json = (status: number, payload: unknown): Response =>
  new Response(JSON.stringify(payload), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const settings = { tiers: DEFAULT_RISK_TIERS, currentTemplateVersion: 1, updatedBy: null, updatedAt: null };
const versions = {
  items: [{ version: 1, note: DEFAULT_TEMPLATE.note, createdBy: 'valuegate', createdAt: null, itemCount: DEFAULT_TEMPLATE.items.length, current: true }],
};

/** A server with one role; PUT /governance/settings answers `onPut`. */
function serve(role: string, onPut: (body: unknown) => Response = () => json(200, settings)) {
  const puts: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url.endsWith('/api/me')) return json(200, { name: 'Rita', role, permissions: [], mode: 'token' });
    if (url.endsWith('/api/governance/settings') && init?.method === 'PUT') {
      puts.push(JSON.parse(String(init.body)));
      return onPut(puts.at(-1));
    }
    if (url.endsWith('/api/governance/settings')) return json(200, settings);
    if (url.endsWith('/api/governance/checklist-templates')) return json(200, versions);
    if (url.endsWith('/api/governance/checklist-templates/1')) return json(200, DEFAULT_TEMPLATE);
    throw new Error(`unexpected ${url}`);
  });
  return puts;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the Governance settings page', () => {
  it('lets a viewer read the tiers and the template grouped by gate, with nothing to change', async () => {
    serve('viewer');
    await refetchMe();
    render(() => <GovernancePage />);
    const high = await screen.findByTestId('tier-high');
    expect(screen.getByTestId('read-only-note')).toBeTruthy();
    const highRow = within(screen.getByTestId('tier-summary')).getByRole('rowheader', { name: 'High' }).closest('tr') as HTMLElement;
    expect([...highRow.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      'All six, met',
      'gr-risk-assessment, pd-data-protection, gr-legal-classification, gr-impact-assessment, gr-human-oversight, ac-stop-authority',
      'business owner, risk owner, an approver',
      'every month',
    ]);
    expect(screen.queryByRole('button', { name: 'Save tiers' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Draft a new version' })).toBeNull();
    expect((within(high).getByLabelText('Risk owner') as HTMLInputElement).checked).toBe(true);
    expect((within(high).getByLabelText('Risk owner') as HTMLInputElement).disabled).toBe(true);
    // The template's disclosure item, under its gate, with its function and references.
    const items = await screen.findByTestId('template-items');
    const disclosure = items.querySelector('[data-item="gr-ai-disclosure"]') as HTMLElement;
    expect(disclosure.closest('table')?.querySelector('caption')?.textContent).toMatch(/^Governance & risk/);
    expect(disclosure.textContent).toContain('Legal');
    expect(disclosure.textContent).toContain('NIST AI RMF');
    expect(items.querySelectorAll('tr[data-item]').length).toBe(DEFAULT_TEMPLATE.items.length);
  });

  it('lets an admin change a tier and shows the server’s named error beside the field', async () => {
    const puts = serve('admin', () =>
      json(422, {
        title: 'Unprocessable Content',
        status: 422,
        detail: 'the governance settings are not valid',
        errors: [{ path: '/tiers/1/reviewEveryMonths', message: 'must be at most 120' }],
      }),
    );
    await refetchMe();
    render(() => <GovernancePage />);
    const medium = await screen.findByTestId('tier-medium');
    expect(screen.queryByTestId('read-only-note')).toBeNull();
    fireEvent.click(within(medium).getByLabelText('Risk owner'));
    fireEvent.input(within(medium).getByLabelText(/Post-launch review every/), { target: { value: '200', valueAsNumber: 200 } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tiers' }));
    await waitFor(() => expect(within(medium).getByRole('alert').textContent).toBe('must be at most 120'));
    const sent = (puts[0] as { tiers: typeof DEFAULT_RISK_TIERS }).tiers[1];
    expect(sent.approvals).toEqual(['businessOwner', 'riskOwner', 'approver']);
    expect(sent.reviewEveryMonths).toBe(200);
    expect(within(screen.getByTestId('tier-high')).queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Draft a new version' })).toBeTruthy();
  });
});
