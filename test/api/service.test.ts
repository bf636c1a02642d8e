import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig, ConfigError, type ServiceConfig } from '../../api/server/config.ts';
import { startServer } from '../../api/server/start-server.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const document = JSON.parse(readFileSync('fixtures/document-processing.json', 'utf8'));

describeEachStorage('restart on %s', (storage) => {
  it('keeps cases, versions, runs and decisions across a stop and start', async () => {
    const config: ServiceConfig = {
      ...DEFAULT_CONFIG,
      port: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'valuegate-data-')),
      databaseUrl: storage === 'postgres' ? process.env.TEST_DATABASE_URL : undefined,
      authDisabled: true,
      seedFixtures: true,
      workers: 1,
      maxConcurrentJobs: 1,
      warmUpThreads: false,
    };
    const schema = `restart_${Date.now().toString(36)}`;
    const options = { log: () => undefined, fixturesDir: new URL('../../fixtures/', import.meta.url), schema };
    const first = await startServer(config, options);
    await first.seeded;
    const seeded = await (await fetch(`${first.url}/api/cases`)).json();
    expect(seeded.total).toBe(6); // the five fixtures/*.json and the scaled case of fixtures/post-launch/
    const created = await (
      await fetch(`${first.url}/api/cases`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(document) })
    ).json();
    await fetch(`${first.url}/api/cases/${created.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"v1"' },
      body: JSON.stringify({ ...document, horizonMonths: 30 }),
    });
    const run = await (
      await fetch(`${first.url}/api/cases/${created.id}/runs?wait=true`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ trials: 1000 }),
      })
    ).json();
    await fetch(`${first.url}/api/cases/${created.id}/decisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision: 'scale', rationale: 'before restart', runId: run.id }),
    });
    await first.close();

    const second = await startServer(config, options);
    try {
      const list = await (await fetch(`${second.url}/api/cases`)).json();
      expect(list.total).toBe(7); // fixtures are not loaded twice
      const again = await (await fetch(`${second.url}/api/cases/${created.id}`)).json();
      expect(again.currentVersion).toBe(2);
      expect(again.document.horizonMonths).toBe(30);
      const storedRun = await (await fetch(`${second.url}/api/runs/${run.id}`)).json();
      expect(storedRun.summary.outputs.npv.mean).toBe(run.summary.outputs.npv.mean);
      const decisions = await (await fetch(`${second.url}/api/cases/${created.id}/decisions`)).json();
      expect(decisions.items[0].rationale).toBe('before restart');
    } finally {
      if (storage === 'postgres') await second.services.db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await second.close();
    }
  });
});

describe('service behaviour', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite', { corsOrigins: ['https://finance.example.com'] });
  });
  afterAll(() => t.close());

  it('sends secure headers, a request id and answers CORS only for configured origins', async () => {
    const response = await t.call('GET', '/api/health', { role: null, headers: { Origin: 'https://finance.example.com' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://finance.example.com');
    const other = await t.call('GET', '/api/health', { role: null, headers: { Origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // The embedded default's queue: the API's own threads (queue mode reports pg-boss's jobs and workers, test/queue/).
    expect(((await response.json()) as { queue: unknown }).queue).toEqual({ kind: 'in-process', queued: 0, active: 0, threads: 2 });
  });

  it('writes one structured log line per request', async () => {
    const lines: Record<string, unknown>[] = [];
    const { createApp } = await import('../../api/server/create-app.ts');
    const app = createApp(t.services, { log: (line) => lines.push(line) });
    await app.request('/api/health', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(lines[0]).toMatchObject({ msg: 'request', method: 'GET', path: '/api/health', status: 200, requestId: 'abc-123' });
    expect(typeof lines[0].durationMs).toBe('number');
  });

  it('publishes an OpenAPI 3.1 document with every route and an interactive reference', async () => {
    const spec = await (await t.call('GET', '/api/openapi.json', { role: null })).json();
    expect(spec.openapi).toBe('3.1.0');
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`));
    for (const route of [
      'GET /api/cases',
      'POST /api/cases',
      'PUT /api/cases/{id}',
      'GET /api/cases/{id}/diff',
      'POST /api/cases/{id}/runs',
      'GET /api/runs/{id}/events',
      'POST /api/runs/{id}/cancel',
      'GET /api/runs/{id}/trials.csv',
      'POST /api/runs/{id}/analyses',
      'POST /api/compare',
      'POST /api/cases/{id}/decisions',
      'GET /api/portfolio',
      'GET /api/cases/{id}/export.json',
      'POST /api/import',
    ]) {
      expect(routes).toContain(route);
    }
    const page = await t.call('GET', '/api/docs', { role: null });
    expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js');
    const bundle = await t.call('GET', '/api/docs/swagger-ui-bundle.js', { role: null });
    expect(bundle.status).toBe(200);
  });

  it('reads configuration from the environment and names bad variables', () => {
    expect(loadConfig({ PORT: '9000', VALUEGATE_CORS_ORIGINS: 'https://a.example, https://b.example' })).toMatchObject({
      port: 9000,
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(loadConfig({}).warmUpThreads).toBe(true);
    expect(loadConfig({ VALUEGATE_WARM_UP: 'off' }).warmUpThreads).toBe(false);
    expect(() => loadConfig({ VALUEGATE_WARM_UP: 'later' })).toThrow(/VALUEGATE_WARM_UP: must be on or off/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: must be a whole number/);
    expect(() => loadConfig({ VALUEGATE_AUTH: 'off', HOST: '0.0.0.0' })).toThrow(/only allowed when HOST is localhost/);
    expect(() => loadConfig({ VALUEGATE_ADMIN_TOKEN: 'short' })).toThrow(/at least 24 characters/);
  });
});

describe('npm start', () => {
  it('serves the API with fixtures, says local mode loudly, and shuts down cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'valuegate-start-'));
    const child = spawn(process.execPath, ['api/build/start.js'], {
      env: {
        ...process.env,
        PORT: '0',
        VALUEGATE_DATA_DIR: dataDir,
        DATABASE_URL: '',
        VALUEGATE_WORKERS: '1',
        VALUEGATE_WARM_UP: 'off',
        VALUEGATE_SKIP_WEB_BUILD: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line:\n${output}`)), 60_000);
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(output).toContain('LOCAL SINGLE-USER MODE');
    // The five fixture cases are there when it listens; the post-launch fixtures add the sixth seconds later.
    const first = await (await fetch(`${url}/api/cases`)).json();
    expect(first.total).toBeGreaterThanOrEqual(5);
    let cases = first;
    for (let attempt = 0; attempt < 120 && cases.total < 6; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      cases = await (await fetch(`${url}/api/cases`)).json();
    }
    expect(cases.total).toBe(6);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toContain('SIGTERM: finishing in-flight requests');
  });
});
