import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalCase } from '../helpers/minimal-case.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Local single-user mode (no tokens) runs on a laptop, so the browser is the attacker's way
 * in: a rebound DNS name (foreign Host) or a cross-site form post (foreign Origin, text/plain
 * body) must be refused, while the app's own same-origin calls still work. Responses that
 * carry a token or case data must not be cached.
 */
describe('local mode guards', () => {
  let t: TestApp;
  let caseId: string;

  const request = (url: string, init: RequestInit = {}): Promise<Response> => Promise.resolve(t.app.request(url, init));

  beforeAll(async () => {
    t = await buildTestApp('pglite', { authDisabled: true });
    const created = await request('/api/cases', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(minimalCase()) });
    expect(created.status).toBe(201);
    caseId = ((await created.json()) as { id: string }).id;
  });
  afterAll(() => t?.close());

  it('serves loopback hosts and same-origin writes', async () => {
    for (const host of ['localhost', '127.0.0.1:8787', '[::1]:8787']) {
      const response = await request(`http://${host}/api/cases`, { headers: { Host: host } });
      expect(response.status, host).toBe(200);
    }
    const write = await request('http://127.0.0.1:8787/api/cases', {
      method: 'POST',
      headers: { Host: '127.0.0.1:8787', Origin: 'http://127.0.0.1:8787', 'Content-Type': 'application/json' },
      body: JSON.stringify(minimalCase({ name: 'Same-origin write' })),
    });
    expect(write.status).toBe(201);
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const response = await request('http://evil.example/api/cases', { headers: { Host: 'evil.example' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses a cross-site write and leaves the case as it was (CSRF)', async () => {
    const response = await request(`http://127.0.0.1:8787/api/cases/${caseId}/archive`, {
      method: 'POST',
      headers: { Host: '127.0.0.1:8787', Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const current = (await (await request(`/api/cases/${caseId}`)).json()) as { archived?: boolean; archivedAt?: string | null; status?: string };
    expect(current.archived ?? Boolean(current.archivedAt)).toBe(false);
  });

  it('answers 415 to a JSON body sent as text/plain', async () => {
    const response = await request('/api/cases', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(minimalCase()) });
    expect(response.status).toBe(415);
  });

  it('marks the token response and JSON API answers Cache-Control: no-store', async () => {
    const token = await request('/api/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'cache check', role: 'viewer' }),
    });
    expect(token.status).toBe(201);
    expect(token.headers.get('cache-control') ?? '(none)').toContain('no-store');
    const read = await request(`/api/cases/${caseId}`);
    expect(read.headers.get('cache-control') ?? '(none)').toContain('no-store');
  });
});
