import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostName } from '../../api/server/origin-guard.ts';
import { loadConfig } from '../../api/server/config.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/document-processing.json', import.meta.url), 'utf8'));

/** A request as a browser or curl sends it: the URL's host is what the server was reached by. */
function request(t: TestApp, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return Promise.resolve(t.app.request(url, { method: init.method ?? 'GET', headers: { Host: new URL(url).host, ...init.headers }, body: init.body }));
}

describe('F7: local mode answers only loopback hosts and same-origin changes', () => {
  let t: TestApp;
  let proxied: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp('pglite', { authDisabled: true, port: 8787 });
    proxied = await buildTestApp('pglite', { authDisabled: true, allowedHosts: ['valuegate.internal'] });
    const created = await request(t, 'http://127.0.0.1:8787/api/cases', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(fixture),
    });
    expect(created.status).toBe(201);
    caseId = (await created.json()).id;
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  it('serves loopback Host values on any port, and refuses others with 403 (DNS rebinding)', async () => {
    for (const base of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:9999', 'http://localhost']) {
      expect((await request(t, `${base}/api/health`)).status, base).toBe(200);
    }
    const evil = await request(t, 'http://evil.example/api/cases');
    expect(evil.status).toBe(403);
    expect((await evil.json()).detail).toMatch(/VALUEGATE_ALLOWED_HOSTS/);
    expect((await request(t, 'http://127.0.0.1.evil.example:8787/api/health')).status).toBe(403);
    expect((await t.app.request('http://127.0.0.1:8787/api/health', { headers: { Host: 'localhost@evil.example' } })).status).toBe(403);
  });

  it('refuses a cross-site change (CSRF) and accepts same-origin or Origin-less ones', async () => {
    const csrf = await request(t, `http://127.0.0.1:8787/api/cases/${caseId}/archive`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(csrf.status).toBe(403);
    expect((await csrf.json()).detail).toMatch(/cross-site/);
    const opaque = await request(t, `http://127.0.0.1:8787/api/cases/${caseId}/archive`, { method: 'POST', headers: { Origin: 'null' } });
    expect(opaque.status).toBe(403);
    const otherPort = await request(t, `http://127.0.0.1:8787/api/cases/${caseId}/archive`, { method: 'POST', headers: { Origin: 'http://127.0.0.1:3000' } });
    expect(otherPort.status).toBe(403);
    expect((await (await request(t, `http://127.0.0.1:8787/api/cases/${caseId}`)).json()).archived).toBe(false);
    // Reads are not changes: a GET with a foreign Origin is answered (the browser's CORS rules keep the answer from the page).
    expect((await request(t, 'http://127.0.0.1:8787/api/health', { headers: { Origin: 'https://evil.example' } })).status).toBe(200);
    const sameOrigin = await request(t, `http://127.0.0.1:8787/api/cases/${caseId}/archive`, { method: 'POST', headers: { Origin: 'http://127.0.0.1:8787' } });
    expect(sameOrigin.status).toBe(200);
    expect((await sameOrigin.json()).archived).toBe(true);
  });

  it('accepts the host names listed in VALUEGATE_ALLOWED_HOSTS (a proxy), and only those', async () => {
    expect((await request(proxied, 'http://valuegate.internal/api/health')).status).toBe(200);
    expect((await request(proxied, 'http://127.0.0.1:8787/api/health')).status).toBe(200);
    expect((await request(proxied, 'http://other.internal/api/health')).status).toBe(403);
    expect(loadConfig({ VALUEGATE_ALLOWED_HOSTS: ' Valuegate.internal, ,vg.example.com' }).allowedHosts).toEqual(['valuegate.internal', 'vg.example.com']);
  });

  it('reads host names as browsers send them', () => {
    expect(hostName('[::1]:8787')).toBe('[::1]');
    expect(hostName('LOCALHOST:80')).toBe('localhost');
    expect(hostName('localhost@evil.example')).toBeNull();
    expect(hostName('evil.example/x')).toBeNull();
  });
});
