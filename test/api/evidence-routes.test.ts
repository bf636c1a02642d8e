import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evidenceAnalysis } from '../../models/analysis/index.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { normalCdf } from '../../models/math/normal-cdf.ts';
import { evidenceCase } from '../evidence/evidence-case.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const measured = JSON.parse(readFileSync('fixtures/contact-center-assistant-measured.json', 'utf8'));
const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
/** E[max(Y, 0)] − max(E[Y], 0) for Y ~ N(m, s²). */
const normalLoss = (m: number, s: number): number => m * normalCdf(m / s) + s * phi(m / s) - Math.max(m, 0);

describeEachStorage('evidence and EVSI API (%s)', (storage) => {
  let t: TestApp;
  let measuredId: string;
  let linearId: string;
  let draftId: string;
  const today = '2026-12-07';

  beforeAll(async () => {
    t = await buildTestApp(storage, {}, () => new Date(`${today}T12:00:00Z`));
    const create = async (body: unknown) => (await (await t.call('POST', '/api/cases', { body, role: 'editor' })).json()).id as string;
    measuredId = await create(measured);
    // NPV = 12·x − 1260 with x ~ N(100, 10²): the EVSI of n observations of sd 30 has a closed form.
    linearId = await create(evidenceCase({ distribution: { type: 'normal', mean: 100, sd: 10 } }, 1260));
    draftId = await create({ formatVersion: 1, name: 'Only a name' });
  });
  afterAll(() => t.close());

  it('GET evidence gives the before/after that evidenceAnalysis gives on the same settings', async () => {
    const response = await t.call('GET', `/api/cases/${measuredId}/evidence?trials=4000&seed=7`, { role: 'viewer' });
    expect(response.status).toBe(200);
    const body = await response.json();
    const expected = evidenceAnalysis(parseCase(measured).case, { trials: 4000, seed: 7, sampling: 'lhs' }, today);
    expect(body.settings).toEqual({ trials: 4000, seed: 7, sampling: 'lhs', representativenessFactors: { production: 1, similar: 0.5, curated: 0.25 } });
    expect(body.inputs).toHaveLength(1);
    const [row] = body.inputs;
    expect(row.input).toBe('minutesSavedPerContact');
    expect(row.prior).toEqual(expected.inputs[0].prior);
    expect(row.updated).toEqual(expected.inputs[0].updated);
    expect(row.evppiBefore).toEqual(expected.inputs[0].evppiBefore);
    expect(row.evppiAfter).toEqual(expected.inputs[0].evppiAfter);
    expect(body.before).toEqual(expected.before);
    expect(body.after).toEqual(expected.after);
    // The curated sample's mean (0.8) is below the stated range's mean (7/6): the update moves it down.
    expect(row.updated.mean).toBeLessThan(row.prior.mean);
  });

  it("GET evidence at the case's own settings: the before side is the original fixture's published gate (65.1 %, EVPPI 40,570)", async () => {
    const body = await (await t.call('GET', `/api/cases/${measuredId}/evidence`, { role: 'viewer' })).json();
    expect(body.settings).toEqual({ trials: 20_000, seed: 42, sampling: 'lhs', representativenessFactors: { production: 1, similar: 0.5, curated: 0.25 } });
    // README and docs/api.md quote the stated-range case at these settings: P(NPV > 0) 65.1 %, measuring handle time first worth up to 40,570.
    expect(body.before.probabilityPositive).toBeCloseTo(0.651, 3);
    expect(Math.round(body.inputs[0].evppiBefore.value)).toBe(40_570);
    expect(body.before.recommendation).toBe('redesign');
    expect(body.after.probabilityPositive).toBeLessThan(body.before.probabilityPositive);
  });

  it('GET evidence of a case without evidence lists nothing and runs nothing', async () => {
    const body = await (await t.call('GET', `/api/cases/${linearId}/evidence`, { role: 'viewer' })).json();
    expect(body.inputs).toEqual([]);
    expect(body.before).toBeNull();
  });

  it('POST evsi on a linear normal case agrees with the closed form, never exceeds EVPPI, and prices the sample', async () => {
    const sizes = [1, 10, 100, 1000];
    const response = await t.call('POST', `/api/cases/${linearId}/evsi`, {
      body: { input: 'x', n: sizes, sd: 30, costFixed: 5, costPerObservation: 0.5, trials: 100_000, seed: 2026 },
      role: 'editor',
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.rows.map((row: { n: number }) => row.n)).toEqual(sizes);
    for (const row of body.rows) {
      const closed = normalLoss(12 * 100 - 1260, 12 * Math.sqrt(100 - 1 / (1 / 100 + row.n / 900)));
      expect(Math.abs(row.evsi - closed), `n = ${row.n}`).toBeLessThan(Math.max(3 * row.standardError, 0.02 * closed));
      expect(row.evsi).toBeLessThanOrEqual(body.evppi.value);
      expect(row.cost).toBeCloseTo(5 + 0.5 * row.n, 12);
      expect(row.netValue).toBeCloseTo(row.evsi - row.cost, 9);
    }
    const best = body.rows
      .filter((row: { netValue: number }) => row.netValue > 0)
      .sort((a: { netValue: number }, b: { netValue: number }) => b.netValue - a.netValue)[0];
    expect(body.bestN).toBe(best?.n ?? null);
  });

  it('POST evsi takes the sd from the evidence and the cost from samplingCost', async () => {
    const body = await (
      await t.call('POST', `/api/cases/${measuredId}/evsi`, { body: { input: 'minutesSavedPerContact', n: [10, 100], trials: 4000 } })
    ).json();
    expect(body.sdSource).toBe('evidence');
    expect(body.sampleModel).toEqual({ kind: 'normal', sd: 1.2 });
    expect(body.cost).toEqual({ fixed: 4000, perObservation: 25 });
  });

  it.each([
    ['an unknown input', { input: 'minutesSaved', n: [10] }, '/input', /unknown input "minutesSaved"/],
    ['no sd available', { input: 'x', n: [10] }, '/sd', /expected sd of one observation/],
    ['a fractional n', { input: 'x', n: [2.5], sd: 3 }, '/n/0', /./],
    ['an empty n', { input: 'x', n: [], sd: 3 }, '/n', /./],
  ])('POST evsi with %s is 422 naming the field', async (_name, body, path, message) => {
    const response = await t.call('POST', `/api/cases/${linearId}/evsi`, { body, role: 'editor' });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors[0].path).toBe(path);
    expect(problem.errors[0].message).toMatch(message);
  });

  it('unknown case is 404; a draft that cannot run is 422 listing what is missing; a viewer may not price', async () => {
    expect((await t.call('GET', '/api/cases/nope/evidence')).status).toBe(404);
    expect((await t.call('POST', '/api/cases/nope/evsi', { body: { input: 'x', n: [1], sd: 1 } })).status).toBe(404);
    const draft = await t.call('GET', `/api/cases/${draftId}/evidence`);
    expect(draft.status).toBe(422);
    expect((await draft.json()).detail).toMatch(/is a draft/);
    expect((await t.call('POST', `/api/cases/${draftId}/evsi`, { body: { input: 'x', n: [1], sd: 1 } })).status).toBe(422);
    expect((await t.call('POST', `/api/cases/${linearId}/evsi`, { body: { input: 'x', n: [1], sd: 1 }, role: 'viewer' })).status).toBe(403);
  });
});
