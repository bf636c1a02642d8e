import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

describeEachStorage('token administration on %s', (storage) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(storage);
  });
  afterAll(() => t.close());

  it('lets an admin issue a token once, list tokens without secrets, and revoke one', async () => {
    const issued = await t.call('POST', '/api/tokens', { body: { name: 'CFO office', role: 'viewer' }, role: 'admin' });
    expect(issued.status).toBe(201);
    const { id, token } = await issued.json();
    expect(token).toMatch(/^vg_[\w-]{43}$/);
    const me = await (await t.app.request('/api/me', { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(me).toMatchObject({ name: 'CFO office', role: 'viewer', mode: 'token' });
    const list = await (await t.call('GET', '/api/tokens', { role: 'admin' })).json();
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.items.some((item: { id: string }) => item.id === id)).toBe(true);
    // Tokens are stored hashed only.
    const stored = await t.services.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [id]);
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0].token_hash).not.toContain(token);
    expect((await t.call('POST', `/api/tokens/${id}/revoke`, { role: 'admin' })).status).toBe(200);
    expect((await t.app.request('/api/me', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('refuses non-admins and bad requests', async () => {
    expect((await t.call('POST', '/api/tokens', { body: { name: 'x', role: 'admin' }, role: 'approver' })).status).toBe(403);
    expect((await t.call('GET', '/api/tokens', { role: 'editor' })).status).toBe(403);
    const badRole = await t.call('POST', '/api/tokens', { body: { name: 'x', role: 'owner' }, role: 'admin' });
    expect(badRole.status).toBe(400);
    expect((await badRole.json()).errors[0].path).toBe('/role');
    expect((await t.call('POST', '/api/tokens/00000000-0000-4000-8000-000000000000/revoke', { role: 'admin' })).status).toBe(404);
  });
});
