import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const fixture = () => JSON.parse(readFileSync('fixtures/document-processing.json', 'utf8'));
const nameOnly = { formatVersion: 1, name: 'Invoice-matching copilot' };

interface TodoItem {
  path: string;
  field: string;
  message: string;
  blocks: 'run' | 'gate';
}

describeEachStorage('drafts on %s', (storage) => {
  let t: TestApp;
  let draftId: string;
  let completeId: string;
  beforeAll(async () => {
    t = await buildTestApp(storage);
    draftId = (await (await t.call('POST', '/api/cases', { body: nameOnly, role: 'editor' })).json()).id;
    completeId = (await (await t.call('POST', '/api/cases', { body: fixture(), role: 'editor' })).json()).id;
  });
  afterAll(() => t.close());

  it('creates a case from a name alone and returns its to-do list in words', async () => {
    const response = await t.call('POST', '/api/cases', { body: nameOnly, role: 'editor' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ name: 'Invoice-matching copilot', currentVersion: 1, complete: false, warnings: [], sponsor: '', currency: '' });
    const todo = body.todo as TodoItem[];
    expect(todo.filter((item) => item.blocks === 'run').map((item) => item.field)).toEqual([
      'Sponsor',
      'Currency',
      'Start date',
      'Horizon (months)',
      'Discount rate (annual)',
      'Inputs',
      'Adoption curve',
      'Benefit lines',
      'Cost lines',
    ]);
    expect(todo).toContainEqual({
      path: '/baseline/metrics',
      field: 'Baseline metrics',
      message: 'Add at least one baseline metric: the gate recommends keep-as-research until one is quantified',
      blocks: 'gate',
    });
    const read = await (await t.call('GET', `/api/cases/${body.id}`, { role: 'viewer' })).json();
    expect(read.todo).toEqual(todo);
    expect(read.complete).toBe(false);
  });

  it('still refuses a draft with a wrong type, naming the field', async () => {
    const response = await t.call('POST', '/api/cases', { body: { ...nameOnly, horizonMonths: 'three years' }, role: 'editor' });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([{ path: '/horizonMonths', message: 'must be a number, got "three years"' }]);
    expect((await t.call('POST', '/api/cases', { body: { formatVersion: 1 }, role: 'editor' })).status).toBe(422);
  });

  it('saves an incomplete draft over a complete case with PUT, and says what is now missing', async () => {
    const { id } = await (await t.call('POST', '/api/cases', { body: fixture(), role: 'editor' })).json();
    const { benefits: _benefits, ...withoutBenefits } = fixture();
    const response = await t.call('PUT', `/api/cases/${id}`, {
      body: { ...withoutBenefits, baseline: { description: 'Clerks key invoices by hand' } },
      headers: { 'If-Match': '"v1"' },
      role: 'editor',
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.currentVersion).toBe(2);
    expect(body.complete).toBe(false);
    expect((body.todo as TodoItem[]).filter((item) => item.blocks === 'run').map((item) => item.path)).toEqual(['/benefits', '/baseline/metrics']);
  });

  it('refuses to run a draft with a 422 listing what is missing, in words', async () => {
    const response = await t.call('POST', `/api/cases/${draftId}/runs?wait=true`, { body: { trials: 100 }, role: 'editor' });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.detail).toMatch(/^the case is a draft: 9 things to do before it can run: Sponsor: Name the sponsor/);
    expect(problem.errors[3]).toEqual({ path: '/horizonMonths', message: 'Horizon (months): Set the horizon in months: how long the case runs, e.g. 36' });
    expect(problem.todo).toHaveLength(9);
    expect(problem.todo.every((item: TodoItem) => item.blocks === 'run')).toBe(true);
  });

  it('saves a draft whose formula names an unknown input, and lists it as a run item', async () => {
    const document = fixture();
    document.benefits[0].amount = 'volumeee * 2';
    const response = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.complete).toBe(false);
    const run = (body.todo as TodoItem[]).filter((item) => item.blocks === 'run');
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ path: '/benefits/0/amount', blocks: 'run' });
    expect(run[0].message).toMatch(/^Unknown name "volumeee"/);
    const refused = await t.call('POST', `/api/cases/${body.id}/runs`, { role: 'editor' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors[0].path).toBe('/benefits/0/amount');
  });

  it('returns formula warnings naming the line, month and operation', async () => {
    const document = fixture();
    document.benefits[0].amount = `${document.benefits[0].amount} / (month - 3)`;
    const response = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.complete).toBe(true);
    expect(body.warnings).toContainEqual({ path: '/benefits/0/amount', message: `benefit '${document.benefits[0].label}' is ∞ in month 3: division by zero` });
  });

  it('never answers 500 on a route that reads an incomplete draft', async () => {
    const reads: [string, string, unknown, number][] = [
      ['GET', `/api/cases/${draftId}`, undefined, 200],
      ['GET', '/api/cases?limit=500', undefined, 200],
      ['GET', '/api/portfolio', undefined, 200],
      ['GET', `/api/cases/${draftId}/versions`, undefined, 200],
      ['GET', `/api/cases/${draftId}/versions/1`, undefined, 200],
      ['GET', `/api/cases/${draftId}/diff?from=1&to=1`, undefined, 200],
      ['GET', `/api/cases/${draftId}/runs`, undefined, 200],
      ['GET', `/api/cases/${draftId}/export.json`, undefined, 200],
      ['GET', `/api/cases/${draftId}/export.xlsx`, undefined, 409],
      ['GET', `/api/cases/${draftId}/decisions`, undefined, 200],
      ['GET', `/api/cases/${draftId}/actuals`, undefined, 409],
      ['POST', `/api/cases/${draftId}/actuals`, { metric: 'x', value: 1, measuredOn: '2026-01-01' }, 422],
      ['POST', `/api/cases/${draftId}/runs`, {}, 422],
      ['POST', '/api/compare', { a: { caseId: completeId }, b: { caseId: draftId }, trials: 100 }, 422],
      ['POST', '/api/compare', { a: { caseId: draftId }, b: { caseId: completeId }, trials: 100 }, 422],
      ['POST', '/api/import', nameOnly, 201],
    ];
    for (const [method, path, body, status] of reads) {
      const response = await t.call(method, path, { body, role: 'approver' });
      expect(response.status, `${method} ${path}`).toBe(status);
    }
    const list = await (await t.call('GET', '/api/cases?limit=500', { role: 'viewer' })).json();
    expect(list.items.find((item: { id: string }) => item.id === draftId)).toMatchObject({ complete: false, gateStatus: 'notStarted' });
    expect(list.items.find((item: { id: string }) => item.id === completeId)).toMatchObject({ complete: true });
    const compare = await (
      await t.call('POST', '/api/compare', { body: { a: { caseId: completeId }, b: { caseId: draftId }, trials: 100 }, role: 'editor' })
    ).json();
    expect(compare.detail).toMatch(/^case B is a draft: 9 things to do/);
    const actual = await (
      await t.call('POST', `/api/cases/${draftId}/actuals`, { body: { metric: 'x', value: 1, measuredOn: '2026-01-01' }, role: 'editor' })
    ).json();
    expect(actual.detail).toMatch(/^the current version \(1\) of the case is a draft: 9 things to do/);
  });
});
