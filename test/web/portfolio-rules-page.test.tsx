import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortfolioRulesResource } from '../../models/contract/portfolio-rules-resources.ts';
import { EvidenceForm } from '../../web/src/editor/evidence-form.tsx';
import { createCaseDraft } from '../../web/src/stores/case-draft.ts';
import { evidenceCase, META } from '../evidence/evidence-case.ts';
import { PortfolioRulesPage } from '../../web/src/pages/portfolio-rules-page.tsx';
import { me, refetchMe } from '../../web/src/stores/me-store.ts';
import { fakeApi, json } from './actuals-fixtures.ts';

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});

const RULES: PortfolioRulesResource = {
  postLaunch: { durableMonths: 4 },
  representativenessFactors: { production: 1, similar: 0.5, curated: 0.1 },
  updatedBy: 'Ada',
  updatedAt: '2026-12-01T09:00:00.000Z',
};

/** Serves the rules and signs in with the given role; returns the recorded calls. */
async function signedInAs(role: 'viewer' | 'admin', put?: (body: string | undefined) => Response) {
  const api = fakeApi({
    'GET /api/me': () =>
      json(200, { name: role === 'admin' ? 'Ada' : 'Vic', role, permissions: role === 'admin' ? ['read', 'write', 'admin'] : ['read'], mode: 'token' }),
    'GET /api/portfolio/rules': () => json(200, RULES),
    ...(put ? { 'PUT /api/portfolio/rules': put } : {}),
  });
  await refetchMe();
  await waitFor(() => expect(me()?.role).toBe(role));
  return api;
}

describe('the portfolio’s factors in the editor', () => {
  it('weigh the evidence form’s before/after and say the factor applied', async () => {
    await signedInAs('viewer');
    const d = createRoot((dispose) => {
      disposers.push(dispose);
      const evidence = { summary: { n: 40, mean: 80, sd: 30 }, representativeness: 'curated', ...META } as const;
      return createCaseDraft(evidenceCase({ unit: 'minutes', distribution: { type: 'normal', mean: 100, sd: 10 }, evidence }));
    });
    render(() => <EvidenceForm draft={d} name="x" />);
    // Curated at the portfolio's 0.1: 40 measurements count as 4; posterior mean (1 + 4·80/900)/(1/100 + 4/900) = 93.85.
    await waitFor(() => expect(screen.getByTestId('representativeness-line').textContent).toContain("the portfolio's factor 0.1 for curated evidence"));
    expect(screen.getByTestId('representativeness-line').textContent).toContain('40 observations count as 4.');
    expect(screen.getByTestId('before-after-x').textContent).toContain('curated, factor 0.1: counted as 4 observations');
    const mean = (1 + (4 * 80) / 900) / (1 / 100 + 4 / 900);
    expect(screen.getByTestId('before-after-x').querySelector('td[data-figure=Mean]')?.textContent).toContain(mean.toFixed(1));
  });
});

describe('Portfolio rules page', () => {
  it('shows a viewer the factors and post-launch rules, with nothing to edit', async () => {
    await signedInAs('viewer');
    render(() => <PortfolioRulesPage />);
    expect((await screen.findByTestId('factor-curated')).textContent).toBe('0.1');
    expect(screen.getByTestId('representativeness-factors').textContent).toContain('40 measurements count as 4');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByTestId('save-rules')).toBeNull();
    expect(screen.getByTestId('rules-changed').textContent).toBe('Last changed by Ada on 2026-12-01.');
  });

  it('lets an admin change a factor and saves all three, and shows the server’s named 422', async () => {
    let status = 200;
    const api = await signedInAs('admin', (body) =>
      status === 200
        ? json(200, { ...RULES, ...JSON.parse(body!) })
        : json(422, {
            title: 'Unprocessable Entity',
            status: 422,
            detail: 'the portfolio rules are not valid',
            errors: [{ path: '/representativenessFactors/curated', message: 'must be a number greater than 0 and at most 1' }],
          }),
    );
    render(() => <PortfolioRulesPage />);
    const curated = (await screen.findByLabelText(/^curated factor/)) as HTMLInputElement;
    expect(curated.value).toBe('0.1');
    fireEvent.input(curated, { target: { value: '0.5' } });
    fireEvent.click(screen.getByTestId('save-rules'));
    await screen.findByText('Saved.');
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(JSON.parse(put!.body!)).toEqual({ representativenessFactors: { production: 1, similar: 0.5, curated: 0.5 }, postLaunch: { durableMonths: 4 } });
    status = 422;
    fireEvent.click(screen.getByTestId('save-rules'));
    expect((await screen.findByRole('alert')).textContent).toContain('must be a number greater than 0 and at most 1');
  });
});
