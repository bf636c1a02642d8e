import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalCase } from '../helpers/minimal-case.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { RELIABILITY_STORES } from './stores.ts';

/**
 * 20 writers edit one case at once, 25 rounds each, every write guarded by If-Match.
 * Optimistic locking promises: each PUT either lands as exactly one new version (200,
 * acknowledged) or is refused with 412, never both and never silently. So the stored
 * history must be version 1 plus one version per acknowledged write, gap-free, each
 * acknowledged write present exactly once (no lost update), and the current document the
 * one written last.
 */
const WRITERS = 20;
const ROUNDS = 25;

interface Ack {
  writer: number;
  round: number;
  version: number;
}

for (const store of RELIABILITY_STORES) {
  describe.skipIf(store.skip)(`If-Match writers on ${store.title}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(store.kind);
    });
    afterAll(() => t?.close());

    it(`${WRITERS} concurrent writers × ${ROUNDS} rounds lose no acknowledged write`, { timeout: 180_000 }, async () => {
      const created = await t.call('POST', '/api/cases', { body: minimalCase({ name: 'Contended case' }), role: 'editor' });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const acks: Ack[] = [];
      const refusals = { count: 0 };
      const unexpected: string[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          // Each writer believes the version it last heard of: from its own 200, or from the 412's `current`.
          let tag = '"v1"';
          for (let round = 0; round < ROUNDS; round++) {
            const response = await t.call('PUT', `/api/cases/${id}?message=w${writer}-r${round}`, {
              body: minimalCase({ name: 'Contended case', description: `writer ${writer} round ${round}` }),
              headers: { 'If-Match': tag },
              role: 'editor',
            });
            if (response.status === 200) {
              tag = response.headers.get('etag') ?? '';
              acks.push({ writer, round, version: Number(/^"v(\d+)"$/.exec(tag)?.[1]) });
              await response.body?.cancel();
            } else if (response.status === 412) {
              refusals.count++;
              const problem = (await response.json()) as { current: { currentVersion: number } };
              tag = `"v${problem.current.currentVersion}"`;
            } else unexpected.push(`${response.status} ${await response.text()}`);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      expect(unexpected).toEqual([]);
      expect(acks.length + refusals.count).toBe(WRITERS * ROUNDS);

      const versions = (await (await t.call('GET', `/api/cases/${id}/versions`, { role: 'viewer' })).json()) as {
        items: { version: number; message: string | null }[];
      };
      const stored = versions.items.map((item) => item.version);
      // Version 1 (the creation) plus one version per acknowledged write, numbered without gaps.
      expect(stored).toEqual(Array.from({ length: 1 + acks.length }, (_, i) => i + 1));
      // Each acknowledgement named its own version, and that version carries its write.
      expect(new Set(acks.map((ack) => ack.version)).size).toBe(acks.length);
      const messageOf = new Map(versions.items.map((item) => [item.version, item.message]));
      const lost = acks.filter((ack) => messageOf.get(ack.version) !== `w${ack.writer}-r${ack.round}`);
      expect(lost).toEqual([]);
      // The current document is the last acknowledged one.
      const last = acks.reduce((a, b) => (b.version > a.version ? b : a));
      const final = (await (await t.call('GET', `/api/cases/${id}`, { role: 'viewer' })).json()) as {
        currentVersion: number;
        document: { description: string };
      };
      expect(final.currentVersion).toBe(last.version);
      expect(final.document.description).toBe(`writer ${last.writer} round ${last.round}`);
      console.log(
        `If-Match writers on ${store.kind}: ${WRITERS} × ${ROUNDS} = ${WRITERS * ROUNDS} attempts, ${acks.length} acknowledged, ${refusals.count} × 412, ${lost.length} lost, ${stored.length} stored versions, ${seconds.toFixed(1)} s`,
      );
    });
  });
}
