import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8'));

describeEachStorage('cases API on %s', (storage) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(storage, { maxBodyBytes: 256 * 1024 });
  });
  afterAll(() => t.close());

  async function createCase(name = 'document-processing'): Promise<{ id: string; currentVersion: number }> {
    const response = await t.call('POST', '/api/cases', { body: fixture(name), role: 'editor' });
    expect(response.status).toBe(201);
    return response.json();
  }

  it('creates a case as version 1 with an ETag and reads it back', async () => {
    const response = await t.call('POST', '/api/cases', { body: fixture('document-processing'), role: 'editor' });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"v1"');
    const created = await response.json();
    expect(response.headers.get('location')).toBe(`/api/cases/${created.id}`);
    const read = await t.call('GET', `/api/cases/${created.id}`, { role: 'viewer' });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"v1"');
    const body = await read.json();
    expect(body.document).toEqual(fixture('document-processing'));
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists with filters and paging', async () => {
    await createCase('contact-center-assistant');
    await createCase('finance-cost-anomaly');
    const all = await (await t.call('GET', '/api/cases?limit=2&offset=0', { role: 'viewer' })).json();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const owner = fixture('finance-cost-anomaly').ownership.businessOwner as string;
    const filtered = await (await t.call('GET', `/api/cases?owner=${encodeURIComponent(owner.slice(0, 6))}`, { role: 'viewer' })).json();
    expect(filtered.items.every((item: { businessOwner: string }) => item.businessOwner.includes(owner.slice(0, 6)))).toBe(true);
    const undecided = await (await t.call('GET', '/api/cases?decision=none', { role: 'viewer' })).json();
    expect(undecided.total).toBe(all.total);
    const bad = await t.call('GET', '/api/cases?limit=0', { role: 'viewer' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('saves versions with If-Match, rejects stale writes with 412 and the current version', async () => {
    const { id } = await createCase();
    const document = fixture('document-processing');
    const first = await t.call('PUT', `/api/cases/${id}?message=longer%20horizon`, {
      body: { ...document, horizonMonths: 48 },
      headers: { 'If-Match': '"v1"' },
      role: 'editor',
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"v2"');
    const stale = await t.call('PUT', `/api/cases/${id}`, { body: { ...document, horizonMonths: 24 }, headers: { 'If-Match': '"v1"' }, role: 'editor' });
    expect(stale.status).toBe(412);
    const problem = await stale.json();
    expect(problem.current.currentVersion).toBe(2);
    expect(problem.current.document.horizonMonths).toBe(48);
    const missing = await t.call('PUT', `/api/cases/${id}`, { body: document, role: 'editor' });
    expect(missing.status).toBe(428);
    const versions = await (await t.call('GET', `/api/cases/${id}/versions`, { role: 'viewer' })).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions.items[1].message).toBe('longer horizon');
    const diff = await (await t.call('GET', `/api/cases/${id}/diff?from=1&to=2`, { role: 'viewer' })).json();
    expect(diff.changes).toEqual([{ path: '/horizonMonths', kind: 'changed', before: 36, after: 48 }]);
  });

  it('diffs lines by id: removing one cost line is one removal', async () => {
    const { id } = await createCase();
    const document = fixture('document-processing');
    const removed = document.costs[0];
    await t.call('PUT', `/api/cases/${id}`, { body: { ...document, costs: document.costs.slice(1) }, headers: { 'If-Match': '"v1"' }, role: 'editor' });
    const diff = await (await t.call('GET', `/api/cases/${id}/diff?from=1&to=2`, { role: 'viewer' })).json();
    expect(diff.changes).toEqual([{ path: `/costs[${removed.id}]`, kind: 'removed', before: removed }]);
  });

  it('loses no write among 20 concurrent writers: each lands as a version or gets 412', async () => {
    const { id } = await createCase();
    const document = fixture('document-processing');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, writer) =>
        t.call('PUT', `/api/cases/${id}?message=writer-${writer}`, {
          body: { ...document, description: `writer ${writer}` },
          headers: { 'If-Match': '"v1"' },
          role: 'editor',
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 200 || status === 412)).toBe(true);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // Now every writer retries with the version it is told about until it lands.
    const landed = new Set<number>();
    await Promise.all(
      Array.from({ length: 20 }, async (_, writer) => {
        for (let attempt = 0; attempt < 60; attempt++) {
          const current = await t.call('GET', `/api/cases/${id}`, { role: 'viewer' });
          const tag = current.headers.get('etag')!;
          const response = await t.call('PUT', `/api/cases/${id}?message=retry-${writer}`, {
            body: { ...document, description: `retry ${writer}` },
            headers: { 'If-Match': tag },
            role: 'editor',
          });
          if (response.status === 200) {
            landed.add(writer);
            return;
          }
          expect(response.status).toBe(412);
        }
      }),
    );
    expect(landed.size).toBe(20);
    const versions = await (await t.call('GET', `/api/cases/${id}/versions`, { role: 'viewer' })).json();
    // Version 1, one first-round winner, then one version per retrying writer: a complete, gap-free history.
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const messages = versions.items.map((v: { message: string }) => v.message);
    for (let writer = 0; writer < 20; writer++) expect(messages).toContain(`retry-${writer}`);
  });

  it('archives a case: readable, out of the default list, no more edits', async () => {
    const { id } = await createCase();
    expect((await t.call('POST', `/api/cases/${id}/archive`, { role: 'editor' })).status).toBe(200);
    const list = await (await t.call('GET', '/api/cases?limit=500', { role: 'viewer' })).json();
    expect(list.items.some((item: { id: string }) => item.id === id)).toBe(false);
    const withArchived = await (await t.call('GET', '/api/cases?limit=500&includeArchived=true', { role: 'viewer' })).json();
    expect(withArchived.items.some((item: { id: string }) => item.id === id)).toBe(true);
    const edit = await t.call('PUT', `/api/cases/${id}`, { body: fixture('document-processing'), headers: { 'If-Match': '"v1"' }, role: 'editor' });
    expect(edit.status).toBe(409);
  });

  it('answers every error class as problem+json', async () => {
    const document = fixture('document-processing');
    const cases: [string, string, Parameters<TestApp['call']>[2], number, RegExp][] = [
      ['POST', '/api/cases', { body: '{"formatVersion": 1,', role: 'editor' }, 400, /Malformed JSON|not valid JSON/],
      ['GET', '/api/cases', { role: null }, 401, /missing bearer token/],
      ['GET', '/api/cases', { role: null, headers: { Authorization: 'Bearer vg_nope' } }, 401, /unknown or revoked token/],
      ['POST', '/api/cases', { body: document, role: 'viewer' }, 403, /editor role/],
      ['GET', '/api/cases/00000000-0000-4000-8000-000000000000', { role: 'viewer' }, 404, /no case/],
      ['GET', '/api/cases/not-a-uuid', { role: 'viewer' }, 404, /no case/],
      ['POST', '/api/cases', { body: { ...document, description: 'x'.repeat(300 * 1024) }, role: 'editor' }, 413, /larger than/],
      ['POST', '/api/cases', { body: 'name=x', role: 'editor', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 415, /JSON/],
      ['POST', '/api/cases', { body: { ...document, horizonMonth: 36 }, role: 'editor' }, 422, /problem/],
      ['GET', '/api/does-not-exist', { role: 'viewer' }, 404, /no route/],
    ];
    for (const [method, path, options, status, detail] of cases) {
      const response = await t.call(method, path, options);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = await response.json();
      expect(body.status).toBe(status);
      expect(body.detail).toMatch(detail);
    }
  });

  it('names every field of the wrong type with its JSON pointer (a formula error saves as a draft: see drafts.test.ts)', async () => {
    const document = fixture('document-processing');
    document.benefits[0].amount = true;
    const response = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.errors[0].path).toBe('/benefits/0/amount');
  });
});
