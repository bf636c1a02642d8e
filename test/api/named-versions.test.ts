import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const fixture = (name = 'document-processing') => JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8'));

interface Version {
  version: number;
  message: string | null;
  named: boolean;
  namedBy: string | null;
  namedAt: string | null;
}

describeEachStorage('named versions on %s', (storage) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(storage);
  });
  afterAll(() => t.close());

  async function createCase(body: unknown = fixture()): Promise<string> {
    const response = await t.call('POST', '/api/cases', { body, role: 'editor' });
    expect(response.status).toBe(201);
    return (await response.json()).id;
  }

  const save = (id: string, version: number, horizonMonths: number, query = '') =>
    t.call('PUT', `/api/cases/${id}${query}`, { body: { ...fixture(), horizonMonths }, headers: { 'If-Match': `"v${version}"` }, role: 'editor' });

  const versions = async (id: string, query = ''): Promise<Version[]> =>
    ((await (await t.call('GET', `/api/cases/${id}/versions${query}`, { role: 'viewer' })).json()) as { items: Version[] }).items;

  const name = (id: string, message: unknown, ifMatch?: string) =>
    t.call('POST', `/api/cases/${id}/versions`, { body: { message }, headers: ifMatch ? { 'If-Match': ifMatch } : {}, role: 'editor' });

  it('names the current version without making a new one, and lists named versions first', async () => {
    const id = await createCase();
    expect((await save(id, 1, 48)).status).toBe(200);
    expect((await save(id, 2, 60)).status).toBe(200);
    const named = await name(id, '  sent to the CFO ', '"v2"');
    expect(named.status).toBe(412);
    expect((await named.json()).current.currentVersion).toBe(3);
    const ok = await name(id, 'sent to the CFO', '"v3"');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"v3"');
    expect(await ok.json()).toMatchObject({ version: 3, message: 'sent to the CFO', named: true, namedBy: 'editor (test)' });
    expect((await t.call('GET', `/api/cases/${id}`, { role: 'viewer' })).headers.get('etag')).toBe('"v3"');
    const list = await versions(id);
    expect(list.map((v) => [v.version, v.named, v.message])).toEqual([
      [3, true, 'sent to the CFO'],
      [1, false, 'created'],
      [2, false, null],
    ]);
    expect((await versions(id, '?named=true')).map((v) => v.version)).toEqual([3]);
    expect((await versions(id, '?named=false')).map((v) => v.version)).toEqual([1, 2]);
    const one = await (await t.call('GET', `/api/cases/${id}/versions/3`, { role: 'viewer' })).json();
    expect(one).toMatchObject({ named: true, message: 'sent to the CFO' });
    expect(one.document.horizonMonths).toBe(60);
  });

  it('keeps a name: the same message again is fine, another is a 409; bad requests say which field', async () => {
    const id = await createCase();
    expect((await name(id, 'first draft', '"v1"')).status).toBe(200);
    expect((await name(id, 'first draft', '"v1"')).status).toBe(200);
    const again = await name(id, 'something else', '"v1"');
    expect(again.status).toBe(409);
    expect((await again.json()).detail).toMatch(/already named "first draft"/);
    expect((await name(id, 'x')).status).toBe(428);
    expect((await name(id, '   ', '"v1"')).status).toBe(400);
    expect((await name(id, 'x', 'v1')).status).toBe(400);
    expect((await t.call('POST', `/api/cases/${id}/versions`, { body: { message: 'x' }, headers: { 'If-Match': '"v1"' }, role: 'viewer' })).status).toBe(403);
    expect((await name('00000000-0000-4000-8000-000000000000', 'x', '"v1"')).status).toBe(404);
  });

  it('saves and names in one step with PUT ?message=…&named=true', async () => {
    const id = await createCase();
    const response = await save(id, 1, 36, '?message=sent%20to%20the%20CFO&named=true');
    expect(response.status).toBe(200);
    expect((await versions(id, '?named=true')).map((v) => [v.version, v.message, v.namedBy])).toEqual([[2, 'sent to the CFO', 'editor (test)']]);
    const noMessage = await save(id, 2, 40, '?named=true');
    expect(noMessage.status).toBe(400);
    expect((await noMessage.json()).errors[0].path).toBe('message');
    expect((await save(id, 2, 40, '?message=x&named=true&autosave=true')).status).toBe(400);
  });

  it('coalesces a burst of autosaves by one person into one working version, keeping what runs and names point to', async () => {
    const id = await createCase();
    for (let version = 1; version <= 4; version++) expect((await save(id, version, 30 + version, '?autosave=true')).status).toBe(200);
    // v1 (the creation) stays; v2–v4 were replaced in turn by the next autosave.
    expect((await versions(id)).map((v) => v.version)).toEqual([1, 5]);
    expect((await (await t.call('GET', `/api/cases/${id}/versions/5`, { role: 'viewer' })).json()).document.horizonMonths).toBe(34);
    expect((await t.call('GET', `/api/cases/${id}/diff?from=1&to=5`, { role: 'viewer' })).status).toBe(200);

    // A run pins v5: the next autosave cannot replace it.
    const run = await t.call('POST', `/api/cases/${id}/runs?wait=true`, { body: { trials: 500, seed: 3 }, role: 'editor' });
    expect((await run.json()).caseVersion).toBe(5);
    expect((await save(id, 5, 40, '?autosave=true')).status).toBe(200);
    expect((await save(id, 6, 41, '?autosave=true')).status).toBe(200);
    expect((await versions(id)).map((v) => v.version)).toEqual([1, 5, 7]);

    // A named version is never replaced.
    expect((await name(id, 'checkpoint', '"v7"')).status).toBe(200);
    expect((await save(id, 7, 42, '?autosave=true')).status).toBe(200);
    expect((await save(id, 8, 43, '?autosave=true')).status).toBe(200);
    expect((await versions(id)).map((v) => v.version)).toEqual([7, 1, 5, 9]);

    // Saves without autosave=true, and autosaves after the window, keep every version.
    expect((await save(id, 9, 44)).status).toBe(200);
    expect((await save(id, 10, 45)).status).toBe(200);
    await t.services.db.query(`UPDATE case_versions SET working_since = now() - interval '11 minutes' WHERE case_id = $1`, [id]);
    expect((await save(id, 11, 46, '?autosave=true')).status).toBe(200);
    expect((await save(id, 12, 47, '?autosave=true')).status).toBe(200);
    await t.services.db.query(`UPDATE case_versions SET working_since = now() - interval '11 minutes' WHERE case_id = $1 AND version = 13`, [id]);
    expect((await save(id, 13, 48, '?autosave=true')).status).toBe(200);
    expect((await versions(id)).map((v) => v.version)).toEqual([7, 1, 5, 9, 10, 11, 13, 14]);
  });

  it("does not fold one person's autosave into another's, and still refuses stale writes", async () => {
    const id = await createCase();
    expect((await save(id, 1, 31, '?autosave=true')).status).toBe(200);
    const other = await t.call('PUT', `/api/cases/${id}?autosave=true`, { body: fixture(), headers: { 'If-Match': '"v2"' }, role: 'admin' });
    expect(other.status).toBe(200);
    expect((await save(id, 3, 33, '?autosave=true')).status).toBe(200);
    expect((await save(id, 3, 34, '?autosave=true')).status).toBe(412);
    expect((await versions(id)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it('names the version a decision rests on, and keeps a name it already has', async () => {
    const id = await createCase();
    const runOn = async () => (await (await t.call('POST', `/api/cases/${id}/runs?wait=true`, { body: { trials: 500, seed: 5 }, role: 'editor' })).json()).id;
    const decide = async (runId: string, decision: string) =>
      t.call('POST', `/api/cases/${id}/decisions`, { body: { decision, rationale: 'the pilot held up', runId } });
    const first = await decide(await runOn(), 'keepAsResearch');
    expect(first.status).toBe(201);
    expect((await first.json()).caseVersion).toBe(1);
    expect((await versions(id, '?named=true')).map((v) => [v.version, v.message, v.namedBy])).toEqual([[1, 'decided: keep as research', 'approver (test)']]);
    expect((await decide(await runOn(), 'scale')).status).toBe(201);
    expect((await versions(id, '?named=true')).map((v) => v.message)).toEqual(['decided: keep as research']);

    expect((await save(id, 1, 40)).status).toBe(200);
    expect((await name(id, 'sent to the CFO', '"v2"')).status).toBe(200);
    expect((await decide(await runOn(), 'scale')).status).toBe(201);
    expect((await versions(id, '?named=true')).map((v) => [v.version, v.message])).toEqual([
      [1, 'decided: keep as research'],
      [2, 'sent to the CFO'],
    ]);
  });

  it('lists cases with owner, last named version, last saved date and namesakes', async () => {
    const before = ((await (await t.call('GET', '/api/cases?limit=500', { role: 'viewer' })).json()) as { items: unknown[] }).items.length;
    const base = fixture('finance-cost-anomaly');
    const a = await createCase({ ...base, name: 'Invoice-matching copilot' });
    const b = await createCase({
      ...base,
      name: ' invoice-matching COPILOT',
      ownership: { ...base.ownership, businessOwner: undefined, sponsor: 'Sam Sponsor' },
    });
    const c = await createCase({ ...base, name: 'Invoice-matching copilot v2' });
    expect((await name(a, 'sent to the CFO', '"v1"')).status).toBe(200);
    const response = await t.call('GET', '/api/cases?limit=500&q=invoice', { role: 'viewer' });
    const items = (await response.json()).items as {
      id: string;
      owner: string;
      namesakes: number;
      lastNamedVersion: { version: number; message: string; namedAt: string } | null;
      lastSavedAt: string;
    }[];
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(a)).toMatchObject({ owner: base.ownership.businessOwner, namesakes: 1, lastNamedVersion: { version: 1, message: 'sent to the CFO' } });
    expect(byId.get(b)).toMatchObject({ owner: 'Sam Sponsor', namesakes: 1, lastNamedVersion: null });
    expect(byId.get(c)).toMatchObject({ namesakes: 0 });
    expect(Date.parse(byId.get(a)!.lastSavedAt)).toBeGreaterThan(Date.now() - 60_000);
    const portfolio = await (await t.call('GET', '/api/portfolio?trials=200', { role: 'viewer' })).json();
    expect(portfolio.items).toHaveLength(before + 3);
    expect(portfolio.items.find((item: { id: string }) => item.id === b)).toMatchObject({ owner: 'Sam Sponsor', namesakes: 1 });
  });
});
