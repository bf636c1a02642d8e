import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/** Handle time 10 → 8 minutes hypothesised; the case sets no post-launch rules of its own unless given. */
function kpiCase(name: string, postLaunch?: Record<string, number>): CaseInput {
  return {
    ...minimalCase({ name }),
    baseline: { metrics: [{ id: 'handleTime', label: 'Handle time', value: 10, unit: 'minutes', source: 'time study' }] },
    valueHypothesis: { statement: 'Handle time falls by 2 minutes', expectedChanges: [{ metric: 'handleTime', expected: 8 }] },
    ...(postLaunch ? { postLaunch } : {}),
  } as CaseInput;
}

/** Three months all below the baseline of 10, mean 8.233 (88 % of the change): durable over 3 months, too few for the default 6. */
const ROWS = [
  { month: '2027-04', series: 'metric:handleTime', value: 8.5 },
  { month: '2027-05', series: 'metric:handleTime', value: 8.2 },
  { month: '2027-06', series: 'metric:handleTime', value: 8.0 },
];

describeEachStorage('portfolio post-launch rules (%s)', (storage) => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const durable = async (key: string): Promise<boolean> => {
    const report = await t.call('GET', `/api/cases/${ids[key]}/actuals`, { role: 'viewer' });
    expect(report.status).toBe(200);
    return ((await report.json()) as { durable: { durable: boolean }[] }).durable[0].durable;
  };

  beforeAll(async () => {
    t = await buildTestApp(storage, {}, () => new Date('2027-12-15T12:00:00Z'));
    for (const [key, document] of [
      ['portfolio', kpiCase('Follows the portfolio')],
      ['own', kpiCase('Sets its own rule', { durableMonths: 6 })],
    ] as const) {
      const created = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
      ids[key] = ((await created.json()) as { id: string }).id;
      expect((await t.call('POST', `/api/cases/${ids[key]}/runs?wait=true`, { body: { trials: 200, seed: 1 }, role: 'editor' })).status).toBe(201);
      expect((await t.call('POST', `/api/cases/${ids[key]}/actuals`, { body: { rows: ROWS }, role: 'editor' })).status).toBe(200);
    }
  });
  afterAll(() => t?.close());

  it('starts with no portfolio rules: the built-in 6 months apply, so 3 months are not yet durable', async () => {
    const rules = await t.call('GET', '/api/portfolio/rules', { role: 'viewer' });
    expect(await rules.json()).toEqual({
      postLaunch: {},
      representativenessFactors: { production: 1, similar: 0.5, curated: 0.25 },
      updatedBy: null,
      updatedAt: null,
    });
    expect(await durable('portfolio')).toBe(false);
  });

  it('lets only an admin set them, and names a bad field', async () => {
    expect((await t.call('PUT', '/api/portfolio/rules', { body: { postLaunch: { durableMonths: 3 } }, role: 'editor' })).status).toBe(403);
    const bad = await t.call('PUT', '/api/portfolio/rules', { body: { postLaunch: { durableShare: 2 } }, role: 'admin' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('/postLaunch/durableShare');
    expect((await t.call('GET', '/api/portfolio/rules', { role: 'viewer' })).status).toBe(200);
  });

  it('applies the portfolio rule to cases without their own, and a case’s own rule wins', async () => {
    const set = await t.call('PUT', '/api/portfolio/rules', { body: { postLaunch: { durableMonths: 3, durableShare: 0.5 } }, role: 'admin' });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { postLaunch: unknown }).postLaunch).toEqual({ durableMonths: 3, durableShare: 0.5 });
    expect(await durable('portfolio')).toBe(true);
    expect(await durable('own')).toBe(false);
    const portfolio = (await (await t.call('GET', '/api/portfolio?trials=200', { role: 'viewer' })).json()) as {
      boardQuestions: { durableProcessChange: { caseIds: string[] } };
    };
    expect(portfolio.boardQuestions.durableProcessChange.caseIds).toContain(ids.portfolio);
    expect(portfolio.boardQuestions.durableProcessChange.caseIds).not.toContain(ids.own);
  });
});
