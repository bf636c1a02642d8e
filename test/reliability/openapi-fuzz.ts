import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { createFuzzFixtures } from './fuzz-fixtures.ts';
import { planFuzz } from './fuzz-plan.ts';
import { CURRENT_VERSION, operationsOf, type FuzzFixtures, type FuzzRequest, type Operation } from './fuzz-requests.ts';
import type { ReliabilityStore } from './stores.ts';

/**
 * A seeded fuzz driven by /api/openapi.json: every documented operation gets malformed
 * bodies, wrong types, out-of-range numbers, deep nesting, long strings, NUL bytes, lone
 * surrogates, bad ids, queries, headers and content types. No request may get a 5xx (or
 * hang), and the server must still answer /api/health afterwards. The seed is fixed, so
 * a failure replays exactly; FUZZ_SEED picks another.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
/** Requests per operation (systematic ones first, at least 20 random): ≥ 3,000 requests per store. */
const PER_OPERATION = 60;
const CONCURRENCY = 6;
const RESPONSE_TIMEOUT_MS = 60_000;

interface Outcome {
  request: FuzzRequest;
  status: number;
  detail: string;
}

async function send(t: TestApp, request: FuzzRequest): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ request, status: 599, detail: `no complete response within ${RESPONSE_TIMEOUT_MS} ms` }), RESPONSE_TIMEOUT_MS);
  });
  const exchange = (async (): Promise<Outcome> => {
    try {
      const headers = { ...request.headers };
      if (headers['If-Match'] === CURRENT_VERSION) {
        const current = await t.app.request(request.url.split('?')[0], { headers: { Authorization: `Bearer ${t.tokens.viewer}` } });
        headers['If-Match'] = current.headers.get('etag') ?? '"v1"';
        await current.body?.cancel();
      }
      const response = await t.app.request(request.url, { method: request.method, headers, body: request.body });
      const text = await response.text();
      return { request, status: response.status, detail: text.slice(0, 300) };
    } catch (error) {
      // app.request itself threw: the app let an exception escape, which a real server turns into a 500.
      return { request, status: 598, detail: `threw ${String(error).slice(0, 300)}` };
    }
  })();
  const outcome = await Promise.race([exchange, timeout]);
  clearTimeout(timer);
  return outcome;
}

/**
 * The fuzz on one store; each store has its own test file so that the two run side by side.
 *
 * @example
 * describeOpenApiFuzz(RELIABILITY_STORES[0]); // in openapi-fuzz-pglite.test.ts
 */
export function describeOpenApiFuzz(store: ReliabilityStore): void {
  describe.skipIf(store.skip)(`OpenAPI fuzz on ${store.title}`, () => {
    let t: TestApp;
    let fixtures: FuzzFixtures;
    let operations: Operation[];

    beforeAll(async () => {
      // A lower trial ceiling keeps a mutated-but-valid run cheap; validation is what is fuzzed.
      t = await buildTestApp(store.kind, { maxTrials: 20_000 });
      fixtures = await createFuzzFixtures(t);
      const document = await t.app.request('/api/openapi.json');
      expect(document.status).toBe(200);
      operations = operationsOf(await document.json());
    });
    afterAll(() => t?.close());

    it('covers every documented operation', () => {
      expect(operations.length).toBeGreaterThanOrEqual(25);
      expect(operations.map((op) => `${op.method} ${op.path}`)).toContain('PUT /api/cases/{id}');
    });

    it(`answers ≥ 3,000 malformed requests without a 5xx, and stays healthy`, { timeout: 240_000 }, async () => {
      const requests = planFuzz(operations, fixtures, t.tokens, SEED, PER_OPERATION);
      expect(requests.length).toBeGreaterThanOrEqual(3000);
      const started = performance.now();
      // CONCURRENCY lanes, each taking the next request as soon as its last one is answered
      // (batches would wait for their slowest request, such as a DOCX build, every time).
      const outcomes: Outcome[] = new Array(requests.length);
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < requests.length) {
          const index = next++;
          outcomes[index] = await send(t, requests[index]);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, lane));
      const seconds = (performance.now() - started) / 1000;
      const failures = outcomes.filter((outcome) => outcome.status >= 500);
      const byStatus = new Map<number, number>();
      for (const { status } of outcomes) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      console.log(
        `fuzz on ${store.kind}: ${outcomes.length} requests in ${seconds.toFixed(1)} s, seed ${SEED}, ${failures.length} × 5xx; statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}`,
      );
      if (process.env.FUZZ_DEBUG) {
        const perOperation = new Map<string, Record<number, number>>();
        for (const { request, status } of outcomes) {
          const key = request.mutation.split(':')[0];
          const counts = perOperation.get(key) ?? {};
          counts[status] = (counts[status] ?? 0) + 1;
          perOperation.set(key, counts);
        }
        for (const [key, counts] of perOperation) console.log(key, JSON.stringify(counts));
      }
      const report = failures.map(
        ({ request, status, detail }) =>
          `${status} ${request.method} ${request.url.slice(0, 160)} [${request.mutation.slice(0, 120)}] body=${(request.body ?? '').slice(0, 200)} → ${detail.slice(0, 200)}`,
      );
      // One short line per 5xx, printed in full (the assertion diff below truncates long lists).
      for (const { request, status } of failures)
        console.log(`5xx ${status} ${request.method} ${request.url.slice(0, 100)} [${JSON.stringify(request.mutation.slice(0, 140)).slice(1, -1)}]`);
      expect(report).toEqual([]);
      const health = await t.app.request('/api/health');
      expect(health.status).toBe(200);
      const again = await t.call('GET', `/api/cases/${fixtures.caseId}`, { role: 'viewer' });
      expect(again.status).toBe(200);
    });
  });
}
