import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

const TRIALS = 100_000;
const DOWNLOADS = 3;

/** Reads a response body to its end, counting bytes and lines, without keeping it. */
async function drain(response: Response): Promise<{ bytes: number; lines: number; head: string }> {
  const reader = response.body!.getReader();
  let bytes = 0;
  let lines = 0;
  let head = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines, head };
    if (!head) head = new TextDecoder().decode(value.subarray(0, 200));
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
}

describe('trials.csv over loopback HTTP', () => {
  let t: TestApp;
  let server: ServerType;
  let base: string;
  beforeAll(async () => {
    t = await buildTestApp('pglite', { workers: 2, maxConcurrentJobs: 2 });
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it(`keeps /api/health p99 within 200 ms of its quiet p99 while ${DOWNLOADS} ${TRIALS.toLocaleString('en')}-trial CSVs download at once`, async () => {
    const document = JSON.parse(readFileSync('fixtures/document-processing.json', 'utf8'));
    const caseId = (await (await t.call('POST', '/api/cases', { body: document, role: 'editor' })).json()).id;
    const run = await (
      await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: TRIALS, seed: 7, sampling: 'mc' }, role: 'editor' })
    ).json();
    expect(run.status).toBe('succeeded');

    const headers = { Authorization: `Bearer ${t.tokens.viewer}` };
    /** /api/health round trips, every 10 ms, until `until` settles. */
    const sampleHealth = async (until: Promise<unknown>): Promise<number[]> => {
      let running = true;
      void until.finally(() => (running = false));
      const latencies: number[] = [];
      while (running) {
        const started = performance.now();
        const response = await fetch(`${base}/api/health`);
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return latencies.sort((a, b) => a - b);
    };
    const p99 = (sorted: number[]): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];

    // The test's client shares the machine (and this process) with other test files: what the
    // downloads may add is 200 ms over the p99 the same pings see just before, without them.
    // A machine busy enough to fail once gets one more try; a blocking stream fails both.
    let added = Infinity;
    for (let attempt = 0; attempt < 2 && added >= 200; attempt++) {
      const quiet = await sampleHealth(new Promise((resolve) => setTimeout(resolve, 1500)));
      const downloading = Promise.all(
        Array.from({ length: DOWNLOADS }, async () => {
          const response = await fetch(`${base}/api/runs/${run.id}/trials.csv`, { headers });
          expect(response.status).toBe(200);
          return drain(response);
        }),
      );
      const latencies = await sampleHealth(downloading);
      const downloads = await downloading;
      for (const download of downloads) {
        expect(download.lines).toBe(TRIALS + 1);
        expect(download.head).toMatch(/^trial,npv,roi,/);
        expect(download.bytes).toBe(downloads[0].bytes);
      }
      expect(latencies.length).toBeGreaterThan(20);
      added = p99(latencies) - Math.min(p99(quiet), 200);
      console.log(`health p99 ${p99(latencies).toFixed(1)} ms while downloading, ${p99(quiet).toFixed(1)} ms before (attempt ${attempt + 1})`);
    }
    expect(added).toBeLessThan(200);
  }, 120_000);
});
