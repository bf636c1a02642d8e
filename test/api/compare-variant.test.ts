import { afterAll, beforeAll, expect, it } from 'vitest';
import { minimalCase } from '../helpers/minimal-case.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

/**
 * minimalCase has fixed inputs: a 1,000 EUR monthly benefit, a 20,000 EUR set-up in
 * month 1 and a 100 EUR monthly run cost over 36 months at 10 % a year, so every trial
 * is the same and each comparison has a closed form.
 */
const document = minimalCase({
  variants: {
    withoutRun: { label: 'Without the run cost', removeLines: ['run'] },
    cheaperRun: { label: 'Cheaper run', inputs: { runCost: { unit: 'EUR/month', source: 'quote', distribution: { type: 'fixed', value: 40 } } } },
  },
});

/** End-of-month discounting: df(m) = 1.1^(−m/12). */
const runCostPv = Array.from({ length: 36 }, (_, i) => 100 * 1.1 ** (-(i + 1) / 12)).reduce((sum, value) => sum + value, 0);

describeEachStorage('compare a case with its variant (%s)', (storage) => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(storage);
    caseId = (await (await t.call('POST', '/api/cases', { body: document, role: 'editor' })).json()).id;
  });
  afterAll(() => t.close());

  it('a variant that removes a cost line raises NPV by exactly that line’s discounted cost', async () => {
    const response = await t.call('POST', '/api/compare', {
      body: { a: { caseId }, b: { caseId, variant: 'withoutRun' }, trials: 200, seed: 3 },
      role: 'editor',
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.output).toBe('npv');
    // A − B: the case has the cost, the variant does not.
    expect(result.difference.mean).toBeCloseTo(-runCostPv, 6);
    expect(result.b.mean - result.a.mean).toBeCloseTo(runCostPv, 6);
    expect(result.probabilityABetter.value).toBe(0);
    expect(result.sharedInputs).toEqual(['benefitPerMonth', 'setupCost', 'runCost']);
  });

  it('compares on another output: the undiscounted payback comes two months sooner with the cheaper run cost', async () => {
    // Case: −19,100 in month 1, then +900 a month: the total turns positive in month 23 (+700).
    // Variant: −19,040, then +960 a month: positive in month 21 (+160).
    const response = await t.call('POST', '/api/compare', {
      body: { a: { caseId }, b: { caseId, variant: 'cheaperRun' }, trials: 200, seed: 3, output: 'paybackMonth' },
      role: 'editor',
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.output).toBe('paybackMonth');
    expect(result.a.mean).toBe(23);
    expect(result.b.mean).toBe(21);
    expect(result.difference.mean).toBe(2);
    // Lower is better for a payback: A pays back later in every trial.
    expect(result.probabilityABetter.value).toBe(0);
  });

  it('names an unknown variant on /b/variant with a 422 and the closest id', async () => {
    const response = await t.call('POST', '/api/compare', {
      body: { a: { caseId }, b: { caseId, variant: 'withoutRum' }, trials: 200 },
      role: 'editor',
    });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors[0].path).toBe('/b/variant');
    expect(problem.errors[0].message).toContain('unknown variant "withoutRum"');
    expect(problem.errors[0].hint).toBe('withoutRun');
  });

  it('refuses an unknown output with a 422 naming the field', async () => {
    const response = await t.call('POST', '/api/compare', {
      body: { a: { caseId }, b: { caseId, variant: 'withoutRun' }, trials: 200, output: 'hoursSaved' },
      role: 'editor',
    });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors[0].path).toBe('/output');
    expect(problem.errors[0].message).toMatch(/^unknown output "hoursSaved"; choose one of npv, roi/);
  });
});
