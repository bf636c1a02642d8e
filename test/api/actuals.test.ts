import { DEFAULT_RISK_TIERS } from '../../models/governance/risk-tiers.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ActualChange, ActualsReport } from '../../models/contract/resources.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/**
 * Fixed inputs plus one uniform: the benefit line "flat" is U(500, 1500) every month, so its
 * forecast percentiles are known in closed form (P5 550, P10 600, P25 750, P75 1250, P90 1400).
 * One baseline metric (handle time 10 minutes, hypothesised 8) for durable change.
 */
function knownCase() {
  const document = minimalCase({ horizonMonths: 12 }) as Record<string, unknown> & { inputs: Record<string, unknown> };
  document.inputs.benefitPerMonth = { unit: 'EUR/month', source: 'test', distribution: { type: 'uniform', min: 500, max: 1500 } };
  document.baseline = { metrics: [{ id: 'handleTime', label: 'Handle time', value: 10, unit: 'minutes', source: 'time study' }] };
  document.valueHypothesis = { statement: 'Handle time falls by 2 minutes', expectedChanges: [{ metric: 'handleTime', expected: 8 }] };
  document.postLaunch = { durableMonths: 3 };
  return document;
}

const csvHeader = 'month,series,value,note\n';

describeEachStorage('actuals (%s)', (storage) => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(storage, {}, () => new Date('2027-10-15T12:00:00Z'));
    const created = await t.call('POST', '/api/cases', { body: knownCase(), role: 'editor' });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const postJson = (rows: unknown[], role: 'editor' | 'viewer' = 'editor') => t.call('POST', `/api/cases/${caseId}/actuals`, { body: { rows }, role });
  const postCsv = (text: string) => t.call('POST', `/api/cases/${caseId}/actuals`, { body: text, role: 'editor', headers: { 'Content-Type': 'text/csv' } });
  const history = async () =>
    ((await (await t.call('GET', `/api/cases/${caseId}/actuals/history`, { role: 'viewer' })).json()) as { changes: ActualChange[] }).changes;

  it('answers 409 naming what to do when the case has no run', async () => {
    const response = await t.call('GET', `/api/cases/${caseId}/actuals`, { role: 'viewer' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/run the case first/);
  });

  it('refuses a CSV with a bad cell, naming row and column, and saves nothing', async () => {
    const response = await postCsv(`${csvHeader}2027-01,benefit:flat,750,ok\n2027-02,benefit:flatt,560,\n2027-13,net,1,\n2027-04,net,12k,\n`);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { detail: string; errors: { row: number; column: string; message: string }[] };
    expect(problem.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'series'],
      [3, 'month'],
      [4, 'value'],
    ]);
    expect(problem.errors[0].message).toMatch(/did you mean "benefit:flat"/);
    expect(problem.detail).toMatch(/^nothing was saved: row 2, column series/);
    expect(await history()).toEqual([]);
    // CSV is taken on this route only; other types stay refused.
    expect((await t.call('POST', '/api/cases', { body: 'a,b\n', role: 'editor', headers: { 'Content-Type': 'text/csv' } })).status).toBe(415);
    const xml = await t.call('POST', `/api/cases/${caseId}/actuals`, { body: '<a/>', role: 'editor', headers: { 'Content-Type': 'application/xml' } });
    expect(xml.status).toBe(415);
    const header = await postCsv('month,metric,value\n2027-01,net,1\n');
    expect(header.status).toBe(422);
    expect(((await header.json()) as { errors: { row: number; column: string }[] }).errors[0]).toMatchObject({ row: 0, column: 'header' });
    const future = await postJson([{ month: '2027-11', series: 'net', value: 1 }]);
    expect(((await future.json()) as { errors: { row: number; column: string; message: string }[] }).errors[0]).toMatchObject({
      row: 0,
      column: 'month',
      message: '2027-11 is in the future',
    });
  });

  it('records CSV rows, and a re-post of the same rows changes nothing', async () => {
    const csv = `${csvHeader}2027-01,benefit:flat,750,first month\n2027-02,benefit:flat,560,\n2027-03,benefit:flat,580,\n2027-05,benefit:flat,1480,\n`;
    const first = await postCsv(csv);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 4, created: 4, updated: 0, unchanged: 0 });
    const again = await postCsv(csv);
    expect(await again.json()).toEqual({ accepted: 4, created: 0, updated: 0, unchanged: 4 });
    expect(await history()).toHaveLength(4);
    const cases = (await (await t.call('GET', '/api/cases', { role: 'viewer' })).json()) as { items: { id: string; hasMeasuredValue: boolean }[] };
    expect(cases.items.find((item) => item.id === caseId)?.hasMeasuredValue).toBe(true);
  });

  it('keeps every change in the history with who and when', async () => {
    expect(await (await postJson([{ month: '2027-01', series: 'benefit:flat', value: 760 }])).json()).toEqual({
      accepted: 1,
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    await postJson([{ month: '2027-01', series: 'benefit:flat', value: 750, note: 'corrected from the ledger' }]);
    const changes = (await history()).filter((c) => c.month === '2027-01');
    expect(changes.map((c) => [c.value, c.previousValue])).toEqual([
      [750, null],
      [760, 750],
      [750, 760],
    ]);
    expect(changes[2]).toMatchObject({ note: 'corrected from the ledger', changedBy: 'editor (test)', changedAt: '2027-10-15T12:00:00.000Z' });
  });

  it('accepts metric actuals and the single-actual form of earlier versions', async () => {
    const rows = ['2027-04', '2027-05', '2027-06'].map((month, i) => ({ month, series: 'metric:handleTime', value: [8.6, 8.8, 8.9][i] }));
    expect((await postJson(rows)).status).toBe(200);
    const legacy = await t.call('POST', `/api/cases/${caseId}/actuals`, {
      body: { metric: 'handleTime', value: 9.2, measuredOn: '2027-03-31' },
      role: 'editor',
    });
    expect(await legacy.json()).toEqual({ accepted: 1, created: 1, updated: 0, unchanged: 0 });
    expect((await postJson(rows, 'viewer')).status).toBe(403);
  });

  it('scores actuals against the stored run: percentiles in closed form, coverage, re-gate on 2 consecutive months', async () => {
    const run = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 4000, seed: 5 }, role: 'editor' });
    expect(run.status).toBe(201);
    const response = await t.call('GET', `/api/cases/${caseId}/actuals`, { role: 'viewer' });
    expect(response.status).toBe(200);
    const report = (await response.json()) as ActualsReport;
    expect(report).toMatchObject({ runId: ((await run.json()) as { id: string }).id, caseVersion: 1 });
    const flat = report.series.find((s) => s.id === 'benefit:flat')!;
    expect(flat).toMatchObject({ label: 'Flat benefit', unit: 'EUR', kind: 'benefit' });
    expect(flat.observations.map((o) => [o.month, o.monthIndex])).toEqual([
      ['2027-01', 1],
      ['2027-02', 2],
      ['2027-03', 3],
      ['2027-05', 5],
    ]);
    // U(500, 1500): 750 sits at P25; 560 and 580 at P6 and P8 (inside P5–P95); 1480 at P98 (outside).
    expect(flat.observations[0].pit).toBeCloseTo(0.25, 2);
    expect(flat.observations[1].pit).toBeCloseTo(0.06, 2);
    expect(flat.observations[3].pit).toBeCloseTo(0.98, 2);
    expect(flat.observations[3].inside90).toBe(false);
    expect(flat.fan[0].p10).toBeCloseTo(600, 0);
    expect(flat.fan[0].p90).toBeCloseTo(1400, 0);
    expect(flat.fan[0].month).toBe('2027-01');
    expect(flat.observations[0].inside90).toBe(true);
    expect(flat.coverage90).toBe(0.75);
    expect(flat.pitHistogram).toEqual([2, 1, 0, 0, 1]);
    // Months 2 and 3 below P10: flagged; month 5 above P90 alone is not.
    expect(flat.regate).toEqual({ flagged: true, months: ['2027-02', '2027-03'] });
    expect(report.regate.flagged).toBe(true);
    expect(report.regate.reasons[0]).toMatch(/^Flat benefit was outside the forecast P10–P90 in 2027-02, 2027-03/);
    const handle = report.series.find((s) => s.id === 'metric:handleTime')!;
    expect(handle.fan).toEqual([]);
    expect(handle.observations.every((o) => o.pit === null)).toBe(true);
    expect(report.durable).toEqual([
      expect.objectContaining({ metric: 'handleTime', durable: true, reason: expect.stringMatching(/^The last 3 months all lie below the baseline of 10/) }),
    ]);
    const update = report.updatedForecast;
    expect(update.storedTrials).toBe(4000);
    // One constant monthly benefit cannot be 560 one month and 1,480 another: few trials fit, and the report says so.
    expect(update.effectiveSampleSize).toBeLessThan(500);
    expect(update.lowEss).toBe(true);
    expect(update.message).toMatch(/fewer than 500.*Run the forecast again with more trials/);
    expect(update.npv.updated).not.toBeNull();
    expect(update.realisedToDate).toBeCloseTo(750 + 560 + 580 + 1480, 6);
  });

  it('re-runs the gate on the updated forecast and names the actuals that moved it', async () => {
    const response = await t.call('POST', `/api/cases/${caseId}/actuals/regate`, { role: 'editor' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      original: { recommendation: string };
      updated: { recommendation: string };
      movedBy: { series: string; month: string }[];
    };
    expect(result.original.recommendation).toMatch(/scale|redesign|stop|keepAsResearch/);
    expect((result as unknown as { recommendation: string }).recommendation).toBe(result.updated.recommendation);
    expect(result.movedBy.length).toBeGreaterThan(0);
    expect(result.movedBy.every((m) => m.series === 'benefit:flat')).toBe(true);
    expect((await t.call('POST', `/api/cases/${caseId}/actuals/regate`, { role: 'viewer' })).status).toBe(403);
  });

  it("re-gates on the organisation's risk tiers, not the built-in ones", async () => {
    const tiers = DEFAULT_RISK_TIERS.map((tier) => (tier.id === 'low' ? { ...tier, reviewEveryMonths: 1, approvals: ['businessOwner' as const] } : tier));
    expect((await t.call('PUT', '/api/governance/settings', { body: { tiers }, role: 'admin' })).status).toBe(200);
    const response = await t.call('POST', `/api/cases/${caseId}/actuals/regate`, { role: 'editor' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { updated: { governance: { riskTier: string; reviewEveryMonths: number; requiredApprovals: string[] } } };
    expect(result.updated.governance).toMatchObject({ riskTier: 'low', reviewEveryMonths: 1, requiredApprovals: ['businessOwner'] });
  });
});
