import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8'));
const euro = fixture('contact-center-assistant'); // EUR, simulation { trials: 20000, seed: 42 }
const dollar = fixture('finance-cost-anomaly'); // USD

describeEachStorage('compare across currencies (%s)', (storage) => {
  let t: TestApp;
  let eurId: string;
  let usdId: string;

  beforeAll(async () => {
    t = await buildTestApp(storage);
    eurId = (await (await t.call('POST', '/api/cases', { body: euro, role: 'editor' })).json()).id;
    usdId = (await (await t.call('POST', '/api/cases', { body: dollar, role: 'editor' })).json()).id;
  });
  afterAll(() => t.close());

  it('refuses money in two currencies with a 422 on /exchangeRate naming both', async () => {
    const response = await t.call('POST', '/api/compare', { body: { a: { caseId: eurId }, b: { caseId: usdId }, trials: 1000 }, role: 'editor' });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors[0].path).toBe('/exchangeRate');
    expect(problem.errors[0].message).toMatch(/case A is in EUR and case B in USD/);
  });

  it('converts B at the given rate and says so; ratios need no rate', async () => {
    const body = { a: { caseId: eurId }, b: { caseId: usdId }, trials: 1000, seed: 5 };
    const converted = await (await t.call('POST', '/api/compare', { body: { ...body, exchangeRate: 0.5 }, role: 'editor' })).json();
    expect(converted.conversion).toEqual({ currency: 'EUR', from: 'USD', rate: 0.5 });
    const sameB = await (
      await t.call('POST', '/api/compare', { body: { a: { caseId: usdId }, b: { caseId: usdId }, trials: 1000, seed: 5 }, role: 'editor' })
    ).json();
    expect(converted.b.mean).toBeCloseTo(sameB.b.mean * 0.5, 6);
    const roi = await t.call('POST', '/api/compare', { body: { ...body, output: 'roi' }, role: 'editor' });
    expect(roi.status).toBe(200);
    expect((await roi.json()).conversion).toBeUndefined();
  });

  it('runs with case A’s own settings when the request gives none', async () => {
    const result = await (
      await t.call('POST', '/api/compare', { body: { a: { caseId: eurId }, b: { caseId: eurId, variant: 'withoutKbCleanup' } }, role: 'editor' })
    ).json();
    expect(result.trials).toBe(euro.simulation.trials);
    expect(result.seed).toBe(euro.simulation.seed);
  });
});
