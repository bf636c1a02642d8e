import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegistryEntry } from '../../models/contract/governance-resources.ts';
import { driftingFirst, LifecycleCell } from '../../web/src/components/lifecycle-filter.tsx';
import type { CaseListItem } from '../../web/src/lib/api-types.ts';
import { RegistryPage } from '../../web/src/pages/registry-page.tsx';
import { json } from './gate-governance-fixtures.ts';

const entry = (caseId: string, nextReviewDate: string): RegistryEntry => ({
  caseId,
  name: `System ${caseId}`,
  businessOwner: 'Rachel Kim',
  monitoringOwner: null,
  riskTier: 'medium',
  euAiActCategory: 'transparency',
  goLiveDate: '2026-01-15',
  nextReviewDate,
  reviewEveryMonths: 3,
  decisionId: `d-${caseId}`,
  links: { case: `/cases/${caseId}`, api: `/api/cases/${caseId}`, decision: `/api/cases/${caseId}/decisions#d-${caseId}` },
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the registry page', () => {
  it('lists production systems, highlights an overdue review and links the case and its decision', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.endsWith('/api/governance/settings')) return json(200, { tiers: [{ id: 'medium', label: 'Medium (personal data)' }] });
      if (url.endsWith('/api/registry'))
        return json(200, { items: [entry('a', '2020-03-01'), entry('b', '2999-01-01')], generatedAt: '2026-12-07T12:00:00.000Z' });
      throw new Error(`unexpected ${url}`);
    });
    render(() => <RegistryPage />);
    const table = await screen.findByTestId('registry-table');
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].classList.contains('overdue')).toBe(true);
    expect(rows[0].querySelector('[data-testid="next-review"]')?.textContent).toContain('⚠ overdue');
    expect(rows[1].classList.contains('overdue')).toBe(false);
    expect(rows[0].textContent).toContain('Transparency obligations');
    await waitFor(() => expect(rows[0].querySelectorAll('td')[2].textContent).toBe('Medium (personal data)'));
    expect(rows[0].textContent).toContain('✗ not named');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('#/cases/a/edit');
    expect(screen.getByText('1 review overdue', { exact: false })).toBeTruthy();
  });
});

describe('the portfolio lifecycle', () => {
  it('puts drifting cases first and marks them visibly', () => {
    const items = [
      { id: 'x', stage: 'scaled', drifting: false },
      { id: 'y', stage: 'pilot', drifting: true, riskTier: 'medium', euAiActCategory: 'minimal' },
      { id: 'z', stage: 'gateReview', drifting: false },
    ] as CaseListItem[];
    expect(driftingFirst(items).map((item) => item.id)).toEqual(['y', 'x', 'z']);
    render(() => (
      <table>
        <tbody>
          <tr>
            <LifecycleCell item={items[1]} />
          </tr>
        </tbody>
      </table>
    ));
    expect(screen.getByTestId('lifecycle-stage').textContent).toBe('Pilot⚠ driftingmedium tier · Minimal risk');
  });
});
