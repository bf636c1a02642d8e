import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import type { DecisionResource, PortfolioResource } from '../../models/contract/resources.ts';
import { nextReviewDate } from '../../api/services/post-launch-reviews.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/** The minimal case (EUR 1,000 a month against 20,000 set-up) with a baseline KPI: handle time 10 → 8 minutes, durable over 3 months. */
function kpiCase(name: string, overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    ...minimalCase({ name, ...overrides }),
    baseline: { metrics: [{ id: 'handleTime', label: 'Handle time', value: 10, unit: 'minutes', source: 'time study' }] },
    valueHypothesis: { statement: 'Handle time falls by 2 minutes', expectedChanges: [{ metric: 'handleTime', expected: 8 }] },
    postLaunch: { durableMonths: 3 },
  } as CaseInput;
}

/** Handle time 8.5, 8.2 and 8.0 in April to June 2027: mean 8.233, 88 % of the hypothesised −2, all below 10: durable. */
const DURABLE_ROWS = [
  { month: '2027-04', series: 'metric:handleTime', value: 8.5 },
  { month: '2027-05', series: 'metric:handleTime', value: 8.2 },
  { month: '2027-06', series: 'metric:handleTime', value: 8.0 },
];

describeEachStorage('board questions (%s)', (storage) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const runs: Record<string, string> = {};

  const create = async (key: string, document: CaseInput) => {
    const created = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(created.status).toBe(201);
    ids[key] = ((await created.json()) as { id: string }).id;
    const run = await t.call('POST', `/api/cases/${ids[key]}/runs?wait=true`, { body: { trials: 500, seed: 3 }, role: 'editor' });
    expect(run.status).toBe(201);
    runs[key] = ((await run.json()) as { id: string }).id;
  };
  const decide = (key: string, body: Record<string, unknown>) =>
    t.call('POST', `/api/cases/${ids[key]}/decisions`, { body: { rationale: 'The board read the gate', runId: runs[key], ...body } });
  const actuals = async (key: string, rows: unknown[]) =>
    expect((await t.call('POST', `/api/cases/${ids[key]}/actuals`, { body: { rows }, role: 'editor' })).status).toBe(200);

  beforeAll(async () => {
    t = await buildTestApp(storage, {}, () => new Date('2027-12-15T12:00:00Z'));
    // A: scaled, a money actual and a durable KPI. E: scaled, nothing measured. D: durable KPI, money actual, not scaled.
    await create('A', kpiCase('A scaled and measured'));
    await create('E', kpiCase('E scaled, not measured'));
    await create('D', kpiCase('D kept as research'));
    // B: benefits of EUR 10 a month never repay the set-up: the gate is against it, then it is stopped for economics.
    await create(
      'B',
      kpiCase('B stopped on the gate', {
        inputs: { ...minimalCase().inputs, benefitPerMonth: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 10 } } },
      }),
    );
    // C: stopped for strategy with no gate and no actuals behind it.
    await create('C', minimalCase({ name: 'C stopped without evidence' }));
    // F: benefit U(500, 1500) a month (P10 600); 100 and 120 in March and April are below P10 two months running: stopped on the evidence of actuals.
    await create(
      'F',
      minimalCase({
        name: 'F stopped on its actuals',
        inputs: { ...minimalCase().inputs, benefitPerMonth: { unit: 'EUR/month', source: 'test', distribution: { type: 'uniform', min: 500, max: 1500 } } },
      }),
    );
    const gate = await t.call('POST', `/api/runs/${runs.B}/analyses`, { body: { kind: 'gate' }, role: 'editor' });
    expect(gate.status).toBe(201);
    expect(['stop', 'redesign']).toContain(((await gate.json()) as { result: { recommendation: string } }).result.recommendation);
    for (const key of ['A', 'E']) expect((await decide(key, { decision: 'scale' })).status).toBe(201);
    expect((await decide('D', { decision: 'keepAsResearch' })).status).toBe(201);
    expect((await decide('B', { decision: 'stop', reasonCategory: 'economics' })).status).toBe(201);
    expect((await decide('C', { decision: 'stop', reasonCategory: 'strategy' })).status).toBe(201);
    expect((await decide('F', { decision: 'stop', reasonCategory: 'evidence' })).status).toBe(201);
    await actuals('F', [
      { month: '2027-03', series: 'benefit:flat', value: 100 },
      { month: '2027-04', series: 'benefit:flat', value: 120 },
    ]);
    await actuals('A', [...DURABLE_ROWS, { month: '2027-06', series: 'benefit:flat', value: 1000 }]);
    await actuals('D', [...DURABLE_ROWS, { month: '2027-06', series: 'net', value: 700 }]);
    await actuals('B', [{ month: '2027-02', series: 'cost:infrastructure', value: 500 }]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a stop without a reason category (422 naming reasonCategory), and keeps the category given', async () => {
    const refused = await decide('C', { decision: 'stop' });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { detail: string; errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(['/reasonCategory']);
    expect(problem.detail).toMatch(/economics, readiness, risk, strategy, evidence/);
    expect((await decide('C', { decision: 'stop', reasonCategory: 'luck' })).status).toBe(400);
    const history = ((await (await t.call('GET', `/api/cases/${ids.C}/decisions`, { role: 'viewer' })).json()) as { items: DecisionResource[] }).items;
    expect(history.map((d) => [d.decision, d.reasonCategory])).toEqual([['stop', 'strategy']]);
    const scale = ((await (await t.call('GET', `/api/cases/${ids.A}/decisions`, { role: 'viewer' })).json()) as { items: DecisionResource[] }).items;
    expect(scale.map((d) => [d.decision, d.reasonCategory])).toEqual([['scale', null]]);
  });

  it("answers the board's four questions with the cases behind each", async () => {
    const portfolio = (await (await t.call('GET', '/api/portfolio?trials=200', { role: 'viewer' })).json()) as PortfolioResource;
    const answer = (key: keyof PortfolioResource['boardQuestions']) => {
      const { count, caseIds } = portfolio.boardQuestions[key];
      expect(count).toBe(caseIds.length);
      return [...caseIds].sort();
    };
    const of = (...keys: string[]) => keys.map((key) => ids[key]).sort();
    expect(answer('passedGates')).toEqual(of('A', 'E'));
    expect(answer('stoppedForGoodReasons')).toEqual(of('B', 'F'));
    expect(answer('measuredPostLaunchValue')).toEqual(of('A'));
    expect(answer('durableProcessChange')).toEqual(of('A', 'D'));
  });

  it('lists stopped cases with their reason, evidence and the PV of costs avoided', async () => {
    const portfolio = (await (await t.call('GET', '/api/portfolio?trials=200', { role: 'viewer' })).json()) as PortfolioResource;
    const run = (await (await t.call('GET', `/api/runs/${runs.B}`, { role: 'viewer' })).json()) as { summary: { outputs: { pvCosts: { mean: number } } } };
    const b = portfolio.stopped.find((s) => s.id === ids.B)!;
    expect(b).toMatchObject({ reasonCategory: 'economics', goodReason: true, currency: 'EUR' });
    expect(b.evidence).toMatch(/gate recommended/);
    // The run's mean PV of costs (stored to the cent) minus the EUR 500 of costs recorded as actuals.
    expect(b.costAvoided).toBeCloseTo(Math.round(run.summary.outputs.pvCosts.mean * 100) / 100 - 500, 2);
    const f = portfolio.stopped.find((s) => s.id === ids.F)!;
    expect(f).toMatchObject({
      reasonCategory: 'evidence',
      goodReason: true,
      evidence: "actuals of Flat benefit fell below the forecast's P10 in 2027-03, 2027-04",
    });
    const c = portfolio.stopped.find((s) => s.id === ids.C)!;
    expect(c).toMatchObject({ reasonCategory: 'strategy', goodReason: false, evidence: null });
  });

  it('lists the overdue post-launch reviews of scaled cases', async () => {
    const portfolio = (await (await t.call('GET', '/api/portfolio?trials=200', { role: 'viewer' })).json()) as PortfolioResource;
    // Scaled today (the database's clock), every 3 months by default; the service's clock says 2027-12-15.
    expect(portfolio.reviews.overdue.map((r) => r.id).sort()).toEqual([ids.A, ids.E].sort());
    expect(portfolio.reviews.due).toEqual([]);
    for (const review of portfolio.reviews.overdue) {
      expect(review.reviewEveryMonths).toBe(3);
      const expected = nextReviewDate(new Date(review.scaledAt), 3, review.id === ids.A ? '2027-06' : null)
        .toISOString()
        .slice(0, 10);
      expect(review.nextReviewOn).toBe(expected);
      expect(review.daysOverdue).toBe(Math.round((Date.parse('2027-12-15') - Date.parse(expected)) / 86_400_000));
    }
  });
});

describe('nextReviewDate', () => {
  it('steps every k months from the scale decision past the months actuals cover', () => {
    const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
    const day = (date: Date) => date.toISOString().slice(0, 10);
    expect(day(nextReviewDate(at('2026-02-02'), 3, null))).toBe('2026-05-02');
    // Actuals through October cover the reviews of May, August and November (November's month is October + 1).
    expect(day(nextReviewDate(at('2026-02-02'), 3, '2026-10'))).toBe('2027-02-02');
    expect(day(nextReviewDate(at('2026-02-02'), 2, '2026-10'))).toBe('2026-12-02');
    expect(day(nextReviewDate(at('2026-02-02'), 3, '2026-09'))).toBe('2026-11-02');
    // The 31st steps to the last day of shorter months.
    expect(day(nextReviewDate(at('2026-11-30'), 3, null))).toBe('2027-02-28');
  });
});
