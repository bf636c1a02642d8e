import { ENGINE_VERSION } from '../../models/formula/compile-case.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8'));

describeEachStorage('runs, analyses, decisions and portfolio on %s', (storage) => {
  let t: TestApp;
  let caseId: string;
  let runId: string;
  beforeAll(async () => {
    t = await buildTestApp(storage, { workers: 2, maxConcurrentJobs: 1 });
    const created = await (await t.call('POST', '/api/cases', { body: fixture('document-processing'), role: 'editor' })).json();
    caseId = created.id;
  });
  afterAll(() => t.close());

  it('runs a case version and records everything needed to reproduce it', async () => {
    const response = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 3000, seed: 11, sampling: 'mc' }, role: 'editor' });
    expect(response.status).toBe(201);
    const run = await response.json();
    runId = run.id;
    expect(run).toMatchObject({ status: 'succeeded', trials: 3000, seed: 11, sampling: 'mc', caseVersion: 1, engineVersion: ENGINE_VERSION });
    expect(run.caseHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.summary.outputs.npv.finiteCount).toBe(3000);
    expect(run.pointEstimate.npv).toMatch(/^-?\d+\.\d{2}$/);
    // Same seed, same case version: the same numbers, bit for bit.
    const again = await (
      await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 3000, seed: 11, sampling: 'mc' }, role: 'editor' })
    ).json();
    expect(again.summary.outputs.npv.mean).toBe(run.summary.outputs.npv.mean);
    expect(again.summary.outputs.npv.percentiles).toEqual(run.summary.outputs.npv.percentiles);
  });

  it('queues runs beyond the concurrency limit, streams progress as SSE and can cancel', async () => {
    const big = await (await t.call('POST', `/api/cases/${caseId}/runs`, { body: { trials: 400_000, seed: 1 }, role: 'editor' })).json();
    const queued = await (await t.call('POST', `/api/cases/${caseId}/runs`, { body: { trials: 1000, seed: 2 }, role: 'editor' })).json();
    expect(big.status).toBe('queued');
    expect((await (await t.call('GET', `/api/runs/${queued.id}`, { role: 'viewer' })).json()).status).toBe('queued');
    const events = await t.call('GET', `/api/runs/${big.id}/events`, { role: 'viewer' });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: progress')) text += decoder.decode((await reader.read()).value);
    const cancel = await t.call('POST', `/api/runs/${big.id}/cancel`, { role: 'editor' });
    expect(cancel.status).toBe(202);
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(text).toMatch(/event: status\ndata: \{"status":"cancelled"\}/);
    expect((await (await t.call('GET', `/api/runs/${big.id}`, { role: 'viewer' })).json()).status).toBe('cancelled');
    // The queued run then gets its turn.
    for (let i = 0; i < 100; i++) {
      const status = (await (await t.call('GET', `/api/runs/${queued.id}`, { role: 'viewer' })).json()).status;
      if (status === 'succeeded') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await (await t.call('GET', `/api/runs/${queued.id}`, { role: 'viewer' })).json()).status).toBe('succeeded');
    expect((await t.call('POST', `/api/runs/${queued.id}/cancel`, { role: 'editor' })).status).toBe(409);
  });

  it('lets precision control choose the size, records the trials it ran, and repeats from them', async () => {
    const response = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, {
      body: { seed: 3, precision: { relativeHalfWidth: 0.005 } },
      role: 'editor',
    });
    expect(response.status).toBe(201);
    const run = await response.json();
    // Document processing, seed 3: ±0.62 % at 16,384 trials, within ±0.5 % at 32,768.
    expect(run).toMatchObject({ status: 'succeeded', trials: 32_768, seed: 3 });
    expect(run.summary.precision).toMatchObject({ outputId: 'npv', trials: 32_768, target: 0.005, met: true, runs: [16_384, 32_768] });
    const plain = await (await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { seed: 3, trials: 32_768 }, role: 'editor' })).json();
    expect(plain.summary.outputs.npv.mean).toBe(run.summary.outputs.npv.mean);
    expect(plain.summary.precision).toBeUndefined();
    const roi = await (
      await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, {
        body: { seed: 3, trials: 20_000, precision: { relativeHalfWidth: 0.0001, output: 'roi' } },
        role: 'editor',
      })
    ).json();
    expect(roi).toMatchObject({ trials: 20_000, summary: { precision: { outputId: 'roi', met: false, runs: [16_384, 20_000] } } });
  });

  it('rejects a precision it cannot control, naming the field', async () => {
    const output = await t.call('POST', `/api/cases/${caseId}/runs`, { body: { precision: { relativeHalfWidth: 0.01, output: 'nvp' } }, role: 'editor' });
    expect(output.status).toBe(422);
    expect((await output.json()).errors[0]).toMatchObject({ path: '/precision/output', hint: 'npv' });
    const lineTotal = await t.call('POST', `/api/cases/${caseId}/runs`, {
      body: { precision: { relativeHalfWidth: 0.01, output: 'cost.data' } },
      role: 'editor',
    });
    expect(lineTotal.status).toBe(422);
    expect((await lineTotal.json()).errors[0].message).toMatch(/per-line total/);
    const payback = await t.call('POST', `/api/cases/${caseId}/runs`, { body: { precision: { relativeHalfWidth: 0.01, output: 'payback' } }, role: 'editor' });
    expect(payback.status).toBe(422);
    expect((await payback.json()).errors[0]).toMatchObject({
      path: '/precision/output',
      message: expect.stringMatching(/discountedPaybackMonth leaves out the trials that never pay back/),
    });
    const width = await t.call('POST', `/api/cases/${caseId}/runs`, { body: { precision: { relativeHalfWidth: 0 } }, role: 'editor' });
    expect(width.status).toBe(400);
    expect(JSON.stringify(await width.json())).toMatch(/relativeHalfWidth/);
  });

  it('rejects bad run settings clearly', async () => {
    const tooMany = await t.call('POST', `/api/cases/${caseId}/runs`, { body: { trials: 50_000_000 }, role: 'editor' });
    expect(tooMany.status).toBe(422);
    const unknown = await t.call('POST', `/api/cases/${caseId}/runs`, { body: { trails: 1000 }, role: 'editor' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].message).toMatch(/trails/);
    const sampling = await t.call('POST', `/api/cases/${caseId}/runs`, { body: { sampling: 'sobol' }, role: 'editor' });
    expect(sampling.status).toBe(400);
    expect((await t.call('POST', `/api/cases/${caseId}/runs`, { body: {}, role: 'viewer' })).status).toBe(403);
  });

  it('streams per-trial outputs as CSV, recomputed exactly from the seed', async () => {
    const response = await t.call('GET', `/api/runs/${runId}/trials.csv`, { role: 'viewer' });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n');
    expect(lines).toHaveLength(3001);
    const header = lines[0].split(',');
    expect(header.slice(0, 2)).toEqual(['trial', 'npv']);
    const run = await (await t.call('GET', `/api/runs/${runId}`, { role: 'viewer' })).json();
    const npvs = lines.slice(1).map((line) => Number(line.split(',')[1]));
    const mean = npvs.reduce((a, b) => a + b, 0) / npvs.length;
    expect(mean).toBeCloseTo(run.summary.outputs.npv.mean, 6);
  });

  it('stores analyses with the run, including the gate', async () => {
    for (const kind of ['tornado', 'rank', 'voi', 'gate']) {
      const response = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind }, role: 'editor' });
      expect(response.status, kind).toBe(201);
    }
    const sobol = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind: 'sobol', baseSamples: 512 }, role: 'editor' });
    expect(sobol.status).toBe(201);
    const badOutput = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind: 'tornado', output: 'npvv' }, role: 'editor' });
    expect(badOutput.status).toBe(422);
    expect((await badOutput.json()).errors[0].hint).toBe('npv');
    const gates = await (await t.call('GET', `/api/runs/${runId}/analyses?kind=gate`, { role: 'viewer' })).json();
    expect(gates.items).toHaveLength(1);
    expect(['scale', 'redesign', 'stop', 'keepAsResearch']).toContain(gates.items[0].result.recommendation);
  });

  it('records decisions append-only, approvers only, pinned to the case version and run', async () => {
    const body = { decision: 'scale', rationale: 'Gates met; P(NPV>0) above 0.8', runId };
    expect((await t.call('POST', `/api/cases/${caseId}/decisions`, { body, role: 'editor' })).status).toBe(403);
    expect((await t.call('POST', `/api/cases/${caseId}/decisions`, { body, role: 'admin' })).status).toBe(403);
    const created = await t.call('POST', `/api/cases/${caseId}/decisions`, { body, role: 'approver' });
    expect(created.status).toBe(201);
    const decision = await created.json();
    expect(decision).toMatchObject({ decision: 'scale', caseVersion: 1, runId, takenBy: 'approver (test)', run: { seed: 11, trials: 3000 } });
    expect(decision.caseHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.call('POST', `/api/cases/${caseId}/decisions`, { body: { ...body, rationale: '' }, role: 'approver' })).status).toBe(400);
    expect(
      (await t.call('POST', `/api/cases/${caseId}/decisions`, { body: { ...body, runId: '00000000-0000-4000-8000-000000000000' }, role: 'approver' })).status,
    ).toBe(422);
    // There is no route to change one, and the database itself refuses.
    expect((await t.call('PUT', `/api/cases/${caseId}/decisions`, { body, role: 'approver' })).status).toBe(404);
    await expect(t.services.db.query('UPDATE decisions SET rationale = $1', ['rewritten'])).rejects.toThrow(/append-only/);
    await expect(t.services.db.query('DELETE FROM decisions')).rejects.toThrow(/append-only/);
    const history = await (await t.call('GET', `/api/cases/${caseId}/decisions`, { role: 'viewer' })).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0].rationale).toBe(body.rationale);
  });

  it('shows the board view with decisions, gates, value per currency and drift', async () => {
    const other = await (await t.call('POST', '/api/cases', { body: fixture('finance-cost-anomaly'), role: 'editor' })).json();
    const response = await t.call('GET', '/api/portfolio?driftDays=30&trials=500', { role: 'viewer' });
    expect(response.status).toBe(200);
    const portfolio = await response.json();
    expect(portfolio.cases).toBe(2);
    expect(portfolio.byDecision).toEqual({ scale: 1, none: 1 });
    expect(portfolio.totals.map((row: { currency: string }) => row.currency).sort()).toEqual(['GBP', 'USD']);
    expect(portfolio.valueFan).toHaveLength(2);
    expect(portfolio.drifting).toEqual([]);
    // 45 days later the undecided case drifts; the scaled one has a final decision and does not.
    const realNow = t.services.now;
    t.services.now = () => new Date(Date.now() + 45 * 86_400_000);
    try {
      const later = await (await t.call('GET', '/api/portfolio?driftDays=30&trials=500', { role: 'viewer' })).json();
      expect(later.drifting.map((row: { id: string }) => row.id)).toEqual([other.id]);
      expect(later.drifting[0].daysSinceLastDecision).toBeGreaterThanOrEqual(44);
    } finally {
      t.services.now = realNow;
    }
  });
});
