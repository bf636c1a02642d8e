import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import type { CalibrationResource } from '../../models/contract/calibration-resources.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const evidence = (mean: number) => ({ summary: { n: 2000, mean, sd: 50 }, representativeness: 'production', takenOn: '2026-04-01', takenBy: 'QA' }) as const;

/** Ana's range 800–1200 is missed (evidence at 1300), Ben's 50–150 holds (evidence at 120); Ben's 50–70 documents a month hold by actuals (mean 60). */
function estimatedCase(name: string): CaseInput {
  return minimalCase({
    name,
    inputs: {
      benefitPerMonth: {
        unit: 'EUR/month',
        distribution: { type: 'normal', p5: 800, p95: 1200 },
        estimate: { by: 'Ana', on: '2026-01-10' },
        evidence: evidence(1300),
      },
      setupCost: { unit: 'EUR', distribution: { type: 'fixed', value: 20000 } },
      runCost: { unit: 'EUR/month', distribution: { type: 'normal', p5: 50, p95: 150 }, estimate: { by: 'Ben', on: '2026-01-12' }, evidence: evidence(120) },
      docs: { unit: 'documents/month', distribution: { type: 'normal', p5: 50, p95: 70 }, estimate: { by: 'Ben', on: '2026-01-12' } },
      loose: { unit: 'EUR', distribution: { type: 'normal', p5: 0, p95: 10 }, estimate: { by: 'Cy', on: '2026-01-12' } },
    },
    baseline: { metrics: [{ id: 'docs', label: 'Documents', value: 60, unit: 'documents/month', source: 'DMS' }] },
  });
}

describeEachStorage('calibration API (%s)', (storage) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(storage, {}, () => new Date('2027-12-15T12:00:00Z'));
    const created = await t.call('POST', '/api/cases', { body: estimatedCase('Past pilot'), role: 'editor' });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const rows = [
      { month: '2027-02', series: 'metric:docs', value: 58 },
      { month: '2027-03', series: 'metric:docs', value: 62 },
    ];
    const posted = await t.call('POST', `/api/cases/${id}/actuals`, { body: { rows }, role: 'editor' });
    expect(posted.status, await posted.clone().text()).toBe(200);
  });
  afterAll(() => t?.close());

  it('scores each estimator’s resolved ranges across the portfolio', async () => {
    const response = await t.call('GET', '/api/calibration', { role: 'viewer' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as CalibrationResource;
    expect(body).toMatchObject({ target: 0.9, evidenceResolutionShare: 0.25, cases: 1, estimatedInputs: 4 });
    expect(body.estimators.map((e) => [e.estimator, e.n, e.hits])).toEqual([
      ['Ben', 2, 2],
      ['Ana', 1, 0],
    ]);
    const [ben, ana] = body.estimators;
    expect(ben.hitRate).toBe(1);
    const docs = ben.ranges.find((r) => r.input === 'docs');
    expect(docs).toMatchObject({ caseName: 'Past pilot', inside: true, resolution: { by: 'actuals', value: 60, n: 2 } });
    // Ana: posterior mean ≈ 1299.9 against 800–1200: score 400 + 20·99.9, and a factor of 1.5 needed.
    const [missed] = ana.ranges;
    expect(missed.resolution.by).toBe('evidence');
    expect(missed.score).toBeCloseTo(400 + 20 * (missed.resolution.value - 1200), 6);
    expect(ana.wideningFactor).toBeCloseTo((missed.resolution.value - 1000) / 200, 6);
    expect(ana.hitRateInterval.lower).toBe(0);
  });

  it('needs a token', async () => {
    expect((await t.call('GET', '/api/calibration', { role: null })).status).toBe(401);
  });
});
