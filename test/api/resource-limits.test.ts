import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COST_LIMITS } from '../../api/jobs/job-cost.ts';
import { CASE_LIMITS } from '../../models/case/case-limits.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const fixture = () => JSON.parse(readFileSync('fixtures/document-processing.json', 'utf8'));
const input = { unit: 'EUR', source: 'test', distribution: { type: 'pert' as const, min: 1, mode: 2, max: 3 } };

async function waitForStatus(t: TestApp, runId: string, statuses: string[]): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const status = (await (await t.call('GET', `/api/runs/${runId}`, { role: 'viewer' })).json()).status;
    if (statuses.includes(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`run ${runId} never reached ${statuses.join('/')}`);
}

describe('case size limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite', { workers: 1, maxConcurrentJobs: 1 });
  });
  afterAll(() => t.close());

  it('accepts a case at every count limit and refuses one item more with 422 naming the limit', async () => {
    const inputs = Object.fromEntries(Array.from({ length: CASE_LIMITS.inputs }, (_, i) => [`x${i}`, input]));
    const atLimit = minimalCase({ inputs: { ...inputs, benefitPerMonth: input, setupCost: input, runCost: input } });
    // 500 generated inputs + the 3 the formulas use: 503 is over, so drop three generated ones.
    for (const name of ['x0', 'x1', 'x2']) delete (atLimit.inputs as Record<string, unknown>)[name];
    expect((await t.call('POST', '/api/cases', { body: atLimit, role: 'editor' })).status).toBe(201);

    const tooMany = minimalCase({ inputs: { ...inputs, benefitPerMonth: input, setupCost: input, runCost: input } });
    const response = await t.call('POST', '/api/cases', { body: tooMany, role: 'editor' });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toContainEqual({ path: '/inputs', message: 'at most 500 inputs (the case limit), got 503' });
  });

  it('refuses too many lines, variables, months and correlated inputs, and over-long text', async () => {
    const base = minimalCase();
    const cost = base.costs[1];
    const cases: [object, string, RegExp][] = [
      [{ ...base, costs: Array.from({ length: 501 }, (_, i) => ({ ...cost, id: `c${i}` })) }, '/costs', /at most 500 cost lines .*got 501/],
      [
        { ...base, benefits: Array.from({ length: 501 }, (_, i) => ({ ...base.benefits[0], id: `b${i}` })) },
        '/benefits',
        /at most 500 benefit lines .*got 501/,
      ],
      [{ ...base, variables: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`v${i}`, 1])) }, '/variables', /at most 500 variables .*got 501/],
      [{ ...base, horizonMonths: 241 }, '/horizonMonths', /at most 240/],
      [
        { ...base, correlations: { inputs: Array.from({ length: 101 }, (_, i) => `x${i}`), matrix: [] } },
        '/correlations/inputs',
        /at most 100 correlated inputs .*got 101/,
      ],
      [{ ...base, description: 'x'.repeat(10_001) }, '/description', /at most 10,000 characters .*got 10,001/],
      [
        { ...base, benefits: [{ ...base.benefits[0], amount: `1${'+1'.repeat(5000)}` }] },
        '/benefits/0/amount',
        /at most 2,000 characters in a formula \(the case limit\), got 10,001/,
      ],
    ];
    for (const [document, path, message] of cases) {
      const response = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
      expect(response.status, path).toBe(422);
      const problem = await response.json();
      expect(problem.errors.find((error: { path: string }) => error.path === path)?.message, path).toMatch(message);
    }
  });

  it('answers 413 naming the limit for a document over 1 MB (below the 2 MiB body limit), on create and import', async () => {
    const big = { ...minimalCase(), notes: 'x'.repeat(CASE_LIMITS.documentBytes) };
    for (const path of ['/api/cases', '/api/import']) {
      const response = await t.call('POST', path, { body: big, role: 'editor' });
      expect(response.status, path).toBe(413);
      const problem = await response.json();
      expect(problem).toMatchObject({ limit: 'documentBytes', maximum: 1_048_576 });
      expect(problem.detail).toMatch(/the limit is 1,048,576 bytes/);
    }
  });
});

describe('queue and cost bounds', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await buildTestApp('pglite', { workers: 1, maxConcurrentJobs: 1 });
    caseId = (await (await t.call('POST', '/api/cases', { body: fixture(), role: 'editor' })).json()).id;
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After beyond the per-token and the global bound, writes no run, and admits again once a place frees', async () => {
    t.services.jobs.admission.limits = { global: 3, perToken: 2 };
    const start = (role: 'editor' | 'approver') => t.call('POST', `/api/cases/${caseId}/runs`, { body: { trials: 1_000_000, seed: 1 }, role });
    const first = await (await start('editor')).json();
    const second = await (await start('editor')).json();
    const refused = await start('editor');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ status: 429, limit: 'queuedJobsPerToken', maximum: 2 });

    const third = await start('approver');
    expect(third.status).toBe(202);
    const full = await start('approver');
    expect(full.status).toBe(429);
    expect(await full.json()).toMatchObject({ limit: 'queuedJobs', maximum: 3 });
    const runs = (await (await t.call('GET', `/api/cases/${caseId}/runs`, { role: 'viewer' })).json()).items;
    expect(runs).toHaveLength(3);

    for (const run of [first, second, await third.json()]) await t.call('POST', `/api/runs/${run.id}/cancel`, { role: 'editor' });
    for (const run of runs) await waitForStatus(t, run.id, ['cancelled', 'succeeded']);
    expect(t.services.jobs.admission.count()).toBe(0);
    const again = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 2000, seed: 1 }, role: 'editor' });
    expect(again.status).toBe(201);
    t.services.jobs.admission.limits = { global: 32, perToken: 8 };
  });

  it('answers 429 for an analysis when the token has its runs queued', async () => {
    const done = await (await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 1000, seed: 3 }, role: 'editor' })).json();
    t.services.jobs.admission.limits = { global: 32, perToken: 1 };
    const busy = await (await t.call('POST', `/api/cases/${caseId}/runs`, { body: { trials: 1_000_000, seed: 2 }, role: 'editor' })).json();
    const response = await t.call('POST', `/api/runs/${done.id}/analyses`, { body: { kind: 'tornado' }, role: 'editor' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    await t.call('POST', `/api/runs/${busy.id}/cancel`, { role: 'editor' });
    await waitForStatus(t, busy.id, ['cancelled', 'succeeded']);
    t.services.jobs.admission.limits = { global: 32, perToken: 8 };
    expect((await t.call('POST', `/api/runs/${done.id}/analyses`, { body: { kind: 'tornado' }, role: 'editor' })).status).toBe(201);
  });

  it('refuses, before queueing, a Sobol analysis whose model runs × months exceed the cost bound (422 naming the cost)', async () => {
    const run = await (await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 1000, seed: 4 }, role: 'editor' })).json();
    const document = fixture();
    const k = Object.keys(document.inputs).length;
    const response = await t.call('POST', `/api/runs/${run.id}/analyses`, { body: { kind: 'sobol', baseSamples: 262_144 }, role: 'editor' });
    expect(response.status).toBe(422);
    const problem = await response.json();
    const modelRuns = 262_144 * (k + 2);
    expect(problem).toMatchObject({
      limit: 'jobCost',
      maximum: DEFAULT_COST_LIMITS.modelRunMonths,
      modelRuns,
      months: document.horizonMonths,
      cost: modelRuns * document.horizonMonths,
    });
    expect(problem.errors[0].path).toBe('/baseSamples');
    expect(problem.detail).toContain(`baseSamples 262144 × (k ${k} inputs + 2)`);
    expect(t.services.jobs.load).toEqual({ queued: 0, running: 0 });
  });

  it('refuses a run whose trials × months exceed the cost bound, without recording it', async () => {
    const before = (await (await t.call('GET', `/api/cases/${caseId}/runs`, { role: 'viewer' })).json()).items.length;
    t.services.jobs.costLimits = { ...DEFAULT_COST_LIMITS, modelRunMonths: 1_000_000 };
    const months = fixture().horizonMonths;
    const response = await t.call('POST', `/api/cases/${caseId}/runs`, { body: { trials: 100_000 }, role: 'editor' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ limit: 'jobCost', cost: 100_000 * months, errors: [{ path: '/trials' }] });
    expect((await (await t.call('GET', `/api/cases/${caseId}/runs`, { role: 'viewer' })).json()).items).toHaveLength(before);
    t.services.jobs.costLimits = DEFAULT_COST_LIMITS;
  });

  it('bounds trials.csv: 422 above the value bound, 429 beyond the open downloads of a token', async () => {
    const run = await (await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 5000, seed: 5 }, role: 'editor' })).json();
    t.services.jobs.costLimits = { ...DEFAULT_COST_LIMITS, csvValues: 10_000 };
    const tooBig = await t.call('GET', `/api/runs/${run.id}/trials.csv`, { role: 'viewer' });
    expect(tooBig.status).toBe(422);
    expect(await tooBig.json()).toMatchObject({ limit: 'csvValues', maximum: 10_000 });
    t.services.jobs.costLimits = DEFAULT_COST_LIMITS;

    t.services.runs.csvDownloads.limits = { global: 4, perToken: 1 };
    const open = await t.call('GET', `/api/runs/${run.id}/trials.csv`, { role: 'viewer' });
    expect(open.status).toBe(200);
    const second = await t.call('GET', `/api/runs/${run.id}/trials.csv`, { role: 'viewer' });
    expect(second.status).toBe(429);
    expect(await second.json()).toMatchObject({ limit: 'csvDownloadsPerToken', maximum: 1 });
    // Reading the first to its end frees the place.
    const text = await open.text();
    expect(text.trim().split('\n')).toHaveLength(5001);
    const third = await t.call('GET', `/api/runs/${run.id}/trials.csv`, { role: 'viewer' });
    expect(third.status).toBe(200);
    await third.body!.cancel();
    expect(t.services.runs.csvDownloads.count()).toBe(0);
    t.services.runs.csvDownloads.limits = { global: 4, perToken: 3 };
  });

  it('computes the columns once for concurrent downloads of the same run, and drops them after the last one', async () => {
    const run = await (await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 3000, seed: 6 }, role: 'editor' })).json();
    const jobs = t.services.jobs;
    const submit = jobs.submit.bind(jobs);
    let trialJobs = 0;
    jobs.submit = ((request, hooks) => {
      if (request.type === 'trials') trialJobs++;
      return submit(request, hooks);
    }) as typeof jobs.submit;
    try {
      const responses = await Promise.all([1, 2, 3].map(() => t.call('GET', `/api/runs/${run.id}/trials.csv`, { role: 'viewer' })));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      expect(trialJobs).toBe(1);
      const [first, ...others] = await Promise.all(responses.map((response) => response.text()));
      expect(first.trim().split('\n')).toHaveLength(3001);
      for (const other of others) expect(other).toBe(first);
      expect(t.services.runs.trialColumns.size).toBe(0);
      expect(t.services.runs.csvDownloads.count()).toBe(0);
    } finally {
      jobs.submit = submit;
    }
  });
});
