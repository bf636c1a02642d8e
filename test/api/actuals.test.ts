import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSchema } from '../../models/case/case-schema.ts';
import { forecastPercentile, resolveActualMetric, scoreActual } from '../../api/services/actuals-store.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/document-processing.json', import.meta.url), 'utf8'));

/** The fixture plus a baseline metric in the same unit as the input it maps to, so it can be scored. */
function caseWithScorableMetric() {
  const document = structuredClone(fixture);
  document.baseline.metrics.push({ id: 'securitySpend', label: 'Security assurance spend', value: 0, unit: 'GBP', source: 'Finance ledger' });
  document.valueHypothesis.expectedChanges.push({ metric: 'securitySpend', expected: 32500, input: 'securityAssuranceCost' });
  return document;
}

interface ActualResponse {
  id: string;
  metric: string;
  value: number;
  measuredOn: string;
  note: string | null;
  input: string | null;
  unit: string | null;
  percentile: number | null;
  regate: boolean;
  assessment: string;
  scoredAgainstVersion: number;
}

describe('actual scoring', () => {
  const bc = caseSchema.parse(caseWithScorableMetric());

  it('places a value at the CDF of the forecast; point masses count half their mass', () => {
    // securityAssuranceCost is uniform 20,000 to 45,000: a quarter of the range is P25.
    expect(forecastPercentile(bc.inputs.securityAssuranceCost.distribution, 26_250)).toBe(0.25);
    expect(forecastPercentile(bc.inputs.intakeClerks.distribution, 55)).toBe(0.5);
    expect(forecastPercentile(bc.inputs.goLiveMonth.distribution, 3)).toBeCloseTo(0.15, 12);
  });

  it('maps baseline metrics through the value hypothesis, and scores them only in the input unit', () => {
    expect(resolveActualMetric(bc, 'docsPerMonth')).toEqual({ input: 'docsPerMonth', via: 'input' });
    expect(resolveActualMetric(bc, 'minutesPerDoc')).toEqual({ input: 'straightThroughShare', via: 'baselineMetric', metricUnit: 'minutes' });
    expect(resolveActualMetric(bc, 'nope')).toBeNull();
    const unscored = scoreActual(bc, 'minutesPerDoc', 1.5);
    expect(unscored).toMatchObject({ input: 'straightThroughShare', percentile: null, regate: false });
    expect(unscored.assessment).toMatch(/not scored/);
    expect(scoreActual(bc, 'securitySpend', 26_250)).toMatchObject({ input: 'securityAssuranceCost', unit: 'GBP', percentile: 0.25, regate: false });
  });
});

describeEachStorage('actuals (%s)', (storage) => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(storage, {}, () => new Date('2027-06-30T12:00:00Z'));
    const created = await t.call('POST', '/api/cases', { body: caseWithScorableMetric(), role: 'editor' });
    expect(created.status).toBe(201);
    // Actuals are scored against the forecast (the input distributions), not a run: no simulation needed.
    caseId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = (body: unknown, role: 'editor' | 'viewer' | null = 'editor') => t.call('POST', `/api/cases/${caseId}/actuals`, { body, role });

  it('scores an actual against a uniform forecast exactly', async () => {
    const response = await post({ metric: 'securityAssuranceCost', value: 26_250, measuredOn: '2027-01-31', note: '  DPIA and pen test invoices  ' });
    expect(response.status).toBe(201);
    const actual = (await response.json()) as ActualResponse;
    expect(actual).toMatchObject({
      metric: 'securityAssuranceCost',
      value: 26_250,
      measuredOn: '2027-01-31',
      note: 'DPIA and pen test invoices',
      input: 'securityAssuranceCost',
      unit: 'GBP',
      percentile: 0.25,
      regate: false,
      scoredAgainstVersion: 1,
    });
    expect(actual.assessment).toBe('the actual sits at P25 of the forecast for Security assurance and DPIA; within the forecast P10–P90');
  });

  it('flags a re-gate when the actual falls outside P10–P90', async () => {
    const low = (await (await post({ metric: 'securityAssuranceCost', value: 21_000, measuredOn: '2027-02-28' })).json()) as ActualResponse;
    expect(low.percentile).toBeCloseTo(0.04, 12);
    expect(low.regate).toBe(true);
    expect(low.assessment).toMatch(/^the actual sits at P4 of the forecast .*re-gate/);

    const above = (await (await post({ metric: 'securityAssuranceCost', value: 50_000, measuredOn: '2027-03-31' })).json()) as ActualResponse;
    expect(above).toMatchObject({ percentile: 1, regate: true });
    expect(above.assessment).toMatch(/above every value the forecast .* allowed \(P100\)/);

    const fixed = (await (await post({ metric: 'intakeClerks', value: 55, measuredOn: '2027-03-31' })).json()) as ActualResponse;
    expect(fixed).toMatchObject({ percentile: 0.5, regate: false });
  });

  it('accepts a baseline metric the value hypothesis maps to an input', async () => {
    const mapped = (await (await post({ metric: 'securitySpend', value: 26_250, measuredOn: '2027-04-30' })).json()) as ActualResponse;
    expect(mapped).toMatchObject({ input: 'securityAssuranceCost', percentile: 0.25, regate: false });
    const otherUnit = await post({ metric: 'minutesPerDoc', value: 1.6, measuredOn: '2027-04-30' });
    expect(otherUnit.status).toBe(201);
    expect(await otherUnit.json()).toMatchObject({ input: 'straightThroughShare', percentile: null, regate: false });
  });

  it('stores four decimal places and lists actuals in measurement order, scored again on read', async () => {
    const share = (await (await post({ metric: 'straightThroughShare', value: 0.612345, measuredOn: '2026-12-31' })).json()) as ActualResponse;
    expect(share.value).toBe(0.6123);
    const list = await t.call('GET', `/api/cases/${caseId}/actuals`, { role: 'viewer' });
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: ActualResponse[] };
    expect(items.map((item) => item.measuredOn)).toEqual([...items.map((item) => item.measuredOn)].sort());
    expect(items[0]).toMatchObject({ metric: 'straightThroughShare', value: 0.6123 });
    expect(items.find((item) => item.metric === 'securityAssuranceCost' && item.value === 26_250)).toMatchObject({ percentile: 0.25, regate: false });
    expect(items.filter((item) => item.regate)).toHaveLength(2);

    const cases = (await (await t.call('GET', '/api/cases', { role: 'viewer' })).json()) as { items: { id: string; hasMeasuredValue: boolean }[] };
    expect(cases.items.find((item) => item.id === caseId)?.hasMeasuredValue).toBe(true);
  });

  it('refuses an unknown metric with 422 and a hint', async () => {
    const typo = await post({ metric: 'docsPerMonh', value: 60_000, measuredOn: '2027-01-31' });
    expect(typo.status).toBe(422);
    expect(typo.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await typo.json()) as { errors: { path: string; hint?: string }[] };
    expect(problem.errors[0]).toMatchObject({ path: '/metric', hint: 'did you mean "docsPerMonth"?' });

    const unrelated = (await (await post({ metric: 'zzzzzzzz', value: 1, measuredOn: '2027-01-31' })).json()) as { errors: { hint?: string }[] };
    expect(unrelated.errors[0].hint).toMatch(/^use an input name or a mapped baseline metric: .*docsPerMonth/);
  });

  it('validates the body: dates must be real and not in the future', async () => {
    expect((await post({ metric: 'docsPerMonth', value: 1, measuredOn: '2027-02-30' })).status).toBe(400);
    expect((await post({ metric: 'docsPerMonth', value: 1, measuredOn: '31/01/2027' })).status).toBe(400);
    expect((await post({ metric: 'docsPerMonth', value: '1', measuredOn: '2027-01-31' })).status).toBe(400);
    expect((await post({ metric: 'docsPerMonth', value: 1e17, measuredOn: '2027-01-31' })).status).toBe(400);
    expect((await post({ metric: 'docsPerMonth', value: 1, measuredOn: '2027-01-31', extra: true })).status).toBe(400);
    const future = await post({ metric: 'docsPerMonth', value: 1, measuredOn: '2027-08-01' });
    expect(future.status).toBe(422);
    expect(((await future.json()) as { errors: { path: string }[] }).errors[0].path).toBe('/measuredOn');
  });

  it('enforces roles and existence', async () => {
    const body = { metric: 'docsPerMonth', value: 60_000, measuredOn: '2027-01-31' };
    expect((await post(body, 'viewer')).status).toBe(403);
    expect((await post(body, null)).status).toBe(401);
    expect((await t.call('GET', `/api/cases/${caseId}/actuals`, { role: null })).status).toBe(401);
    expect((await t.call('GET', `/api/cases/${randomUUID()}/actuals`, { role: 'viewer' })).status).toBe(404);
    expect((await t.call('POST', `/api/cases/${randomUUID()}/actuals`, { body, role: 'editor' })).status).toBe(404);
  });
});
