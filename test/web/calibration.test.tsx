import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EstimatorCalibration } from '../../models/calibration/estimator-calibration.ts';
import type { CalibrationResource } from '../../models/contract/calibration-resources.ts';
import { EstimateFields } from '../../web/src/editor/estimate-fields.tsx';
import type { CaseDocument } from '../../web/src/lib/api-types.ts';
import { CalibrationPage } from '../../web/src/pages/calibration-page.tsx';
import { createCaseDraft, type CaseDraft } from '../../web/src/stores/case-draft.ts';
import { fakeApi, json } from './actuals-fixtures.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
});

/** Ana: 3 of 6 held, ×1.93 would have made 90 % right; Ben: 4 of 4, too few for a factor in the editor. */
const estimator = (name: string, n: number, hits: number, wideningFactor: number): EstimatorCalibration => ({
  estimator: name,
  n,
  hits,
  hitRate: hits / n,
  hitRateInterval: { lower: 0.19, upper: 0.81 },
  meanIntervalScore: 123.4,
  wideningFactor,
  ranges: [],
});
const REPORT: CalibrationResource = {
  target: 0.9,
  evidenceResolutionShare: 0.25,
  cases: 2,
  estimatedInputs: 12,
  estimators: [estimator('Ana', 6, 3, 1.93), estimator('Ben', 4, 4, 0.8)],
};

beforeAll(() => {
  // The editor reads the calibration once per page load (a shared resource): serve it before the first render.
  fakeApi({ 'GET /api/calibration': () => json(200, REPORT) });
});

function draftWith(by: string): CaseDraft {
  const document = minimalCase();
  document.inputs.benefitPerMonth = { unit: 'EUR/month', distribution: { type: 'normal', p5: 800, p95: 1200 }, estimate: { by, on: '2026-05-01' } };
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createCaseDraft(document as unknown as CaseDocument);
  });
}

describe('Calibration page', () => {
  it('lists each estimator with resolved ranges, hit rate and interval, and the widening factor', async () => {
    render(() => <CalibrationPage />);
    const table = await screen.findByTestId('calibration-table');
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows[0]).toContain('Ana');
    expect(rows[0]).toContain('50 % (3 of 6)');
    expect(rows[0]).toContain('19 % to 81 %');
    expect(rows[0]).toContain('×1.93');
    expect(rows[1]).toContain('100 % (4 of 4)');
    expect(rows[1]).toContain('(fewer than 5 ranges)'); // a factor from 4 ranges is shown, not offered
    expect(screen.getByTestId('calibration-summary').textContent).toContain('10 resolved ranges by 2 estimators');
  });
});

describe('the estimator note in the editor', () => {
  it('offers Ana’s ×1.9, widens the range about its median and records the choice', async () => {
    const draft = draftWith('Ana');
    render(() => <EstimateFields draft={draft} name="benefitPerMonth" />);
    const note = await screen.findByTestId('calibration-note-benefitPerMonth');
    expect(note.textContent).toContain('Ranges by Ana held 50 % of the time');
    expect(note.textContent).toContain('widening by ×1.9 would have made them 90 % right');
    fireEvent.click(screen.getByRole('button', { name: 'Apply ×1.9' }));
    const input = draft.get('/inputs/benefitPerMonth') as {
      distribution: { p5: number; p95: number };
      estimate: { widened: { factor: number; appliedBy: string } };
    };
    expect(input.distribution.p5).toBeCloseTo(1000 - 1.9 * 200, 9);
    expect(input.distribution.p95).toBeCloseTo(1000 + 1.9 * 200, 9);
    expect(input.estimate.widened.factor).toBe(1.9);
    await waitFor(() => expect(screen.getByTestId('widened-benefitPerMonth').textContent).toContain('Widened ×1.9'));
    expect(screen.queryByRole('button', { name: /Apply/ })).toBeNull();
  });

  it('says nothing for an estimator with fewer than five resolved ranges', async () => {
    const draft = draftWith('Ben');
    render(() => <EstimateFields draft={draft} name="benefitPerMonth" />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('calibration-note-benefitPerMonth')).toBeNull();
    expect(screen.getByLabelText(/Range given by/)).toHaveProperty('value', 'Ben');
  });
});
