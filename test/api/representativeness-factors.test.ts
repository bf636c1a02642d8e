import { afterAll, beforeAll, expect, it } from 'vitest';
import { evidenceCase, META } from '../evidence/evidence-case.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

/**
 * Prior x ~ N(100, 10²); a curated timed sample of n = 40 with mean 80 and sd 30. With
 * factor f it counts as n_eff = f·n (docs/methods.md): posterior precision 1/10² + n_eff/30²,
 * mean (100/10² + n_eff·80/30²)/precision. The case's NPV is exactly 12·x, so the point
 * estimate (x at its posterior median, the mean of a normal) is 12 times that mean.
 */
const posteriorMean = (factor: number): number => {
  const nEff = factor * 40;
  return (100 / 100 + (nEff * 80) / 900) / (1 / 100 + nEff / 900);
};
const CURATED = { summary: { n: 40, mean: 80, sd: 30 }, representativeness: 'curated', ...META } as const;
const DEFAULTS = { production: 1, similar: 0.5, curated: 0.25 };

describeEachStorage('representativeness factors per portfolio (%s)', (storage) => {
  let t: TestApp;
  let caseId: string;
  const rules = async () => (await (await t.call('GET', '/api/portfolio/rules', { role: 'viewer' })).json()) as { representativenessFactors: typeof DEFAULTS };
  const run = async () => {
    const response = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 1000, seed: 3 }, role: 'editor' });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; representativenessFactors: typeof DEFAULTS; pointEstimate: { npv: string; inputs: { x: string } } };
  };
  const csvMean = async (runId: string): Promise<number> => {
    const text = await (await t.call('GET', `/api/runs/${runId}/trials.csv`, { role: 'viewer' })).text();
    const [header, ...rows] = text.trim().split('\n');
    const column = header.split(',').indexOf('npv');
    return rows.reduce((sum, row) => sum + Number(row.split(',')[column]), 0) / rows.length;
  };

  beforeAll(async () => {
    t = await buildTestApp(storage, {}, () => new Date('2026-12-07T12:00:00Z'));
    const created = await t.call('POST', '/api/cases', {
      body: evidenceCase({ distribution: { type: 'normal', mean: 100, sd: 10 }, evidence: CURATED }),
      role: 'editor',
    });
    caseId = ((await created.json()) as { id: string }).id;
  });
  afterAll(() => t?.close());

  it('starts at the documented defaults 1, ½, ¼', async () => {
    expect((await rules()).representativenessFactors).toEqual(DEFAULTS);
  });

  it('lets only an admin change them, and refuses a factor outside (0, 1] naming it, saving nothing', async () => {
    const change = { representativenessFactors: { curated: 0.5 } };
    expect((await t.call('PUT', '/api/portfolio/rules', { body: change, role: 'editor' })).status).toBe(403);
    expect((await t.call('PUT', '/api/portfolio/rules', { body: change, role: 'approver' })).status).toBe(403);
    for (const [bad, path] of [
      [{ curated: 0 }, '/representativenessFactors/curated'],
      [{ similar: 1.5 }, '/representativenessFactors/similar'],
      [{ production: -1 }, '/representativenessFactors/production'],
      [{ curated: 'half' }, '/representativenessFactors/curated'],
      [{ pilot: 0.5 }, '/representativenessFactors'],
    ] as const) {
      const response = await t.call('PUT', '/api/portfolio/rules', { body: { representativenessFactors: bad }, role: 'admin' });
      expect(response.status, JSON.stringify(bad)).toBe(422);
      const problem = (await response.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors[0].path).toBe(path);
    }
    expect((await t.call('PUT', '/api/portfolio/rules', { body: {}, role: 'admin' })).status).toBe(422);
    expect((await rules()).representativenessFactors).toEqual(DEFAULTS);
  });

  it('weighs evidence by the portfolio’s factor, records it with each run, and replays a stored run with its own factors', async () => {
    const before = await run();
    expect(before.representativenessFactors).toEqual(DEFAULTS);
    // Curated at ¼: 40 measurements count as 10.
    expect(Number(before.pointEstimate.inputs.x)).toBeCloseTo(posteriorMean(0.25), 9);
    expect(Number(before.pointEstimate.npv)).toBeCloseTo(12 * posteriorMean(0.25), 2);
    const beforeCsv = await csvMean(before.id);

    const put = await t.call('PUT', '/api/portfolio/rules', { body: { representativenessFactors: { curated: 1 } }, role: 'admin' });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { representativenessFactors: typeof DEFAULTS }).representativenessFactors).toEqual({ ...DEFAULTS, curated: 1 });
    // A post-launch change later keeps the factors (a part left out keeps its stored value).
    expect((await t.call('PUT', '/api/portfolio/rules', { body: { postLaunch: { durableMonths: 4 } }, role: 'admin' })).status).toBe(200);
    expect((await rules()).representativenessFactors.curated).toBe(1);

    // The evidence view states the factor applied and moves by the documented amount: n_eff = 1 · 40.
    const view = (await (await t.call('GET', `/api/cases/${caseId}/evidence?trials=1000&seed=3`, { role: 'viewer' })).json()) as {
      settings: { representativenessFactors: typeof DEFAULTS };
      inputs: { factor: number; effectiveN: number; updated: { mean: number } }[];
    };
    expect(view.settings.representativenessFactors.curated).toBe(1);
    expect(view.inputs[0]).toMatchObject({ factor: 1, effectiveN: 40 });
    expect(view.inputs[0].updated.mean).toBeCloseTo(posteriorMean(1), 9);

    const after = await run();
    expect(after.representativenessFactors.curated).toBe(1);
    expect(Number(after.pointEstimate.inputs.x)).toBeCloseTo(posteriorMean(1), 9);

    // The stored run replays with ¼, not the portfolio's 1 now: its per-trial CSV is rebuilt with the same numbers.
    const replayed = (await (await t.call('GET', `/api/runs/${before.id}`, { role: 'viewer' })).json()) as { summary: { outputs: { npv: { mean: number } } } };
    expect(beforeCsv).toBeCloseTo(replayed.summary.outputs.npv.mean, 6);
    expect(await csvMean(before.id)).toBeCloseTo(beforeCsv, 9);
    expect(Math.abs((await csvMean(after.id)) - beforeCsv)).toBeGreaterThan(12 * (posteriorMean(0.25) - posteriorMean(1)) * 0.5);
    // The gate analysis of the stored run reads its own factor in the production-data item.
    const gate = await t.call('POST', `/api/runs/${before.id}/analyses`, { body: { kind: 'gate' }, role: 'editor' });
    expect(gate.status).toBe(201);
    expect(JSON.stringify(await gate.json())).toContain('counted as 10 (factor 0.25)');
  });
});
