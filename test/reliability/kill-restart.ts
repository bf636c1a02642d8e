import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orphanCases, runKillCycles } from './kill-cycles.ts';
import { buildServerBundle, type ServerBundle, type ServerStore } from './server-process.ts';
import type { ReliabilityStore } from './stores.ts';

/**
 * kill -9 of the real server (the `npm start` bundle) while clients write, 10 times: after
 * each restart on the same store, every write that was acknowledged (200/201 received)
 * must be there, the store must reopen, and every listed case must read back.
 * `npm run bench:reliability` runs 50 cycles.
 */
const CYCLES = 10;

/**
 * The kill cycles on one store; each store has its own test file so that the two run side by side.
 *
 * @example
 * describeKillRestart(RELIABILITY_STORES[0]); // in kill-restart-pglite.test.ts
 */
export function describeKillRestart(store: ReliabilityStore): void {
  describe.skipIf(store.skip)(`kill -9 during writes on ${store.title}`, () => {
    let server: ServerBundle;
    beforeAll(async () => {
      server = await buildServerBundle();
    });
    afterAll(() => server?.remove());
    let target: ServerStore;
    let cleanUp: () => Promise<void>;

    beforeAll(async () => {
      if (store.kind === 'pglite') {
        const dataDir = mkdtempSync(join(tmpdir(), 'valuegate-kill-'));
        target = { dataDir };
        cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
        return;
      }
      // Its own schema on the shared server, chosen through the connection's search_path.
      const schema = `kill_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      target = { databaseUrl: url.toString() };
      cleanUp = async () => {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      };
    });
    afterAll(() => cleanUp?.());

    it(`loses no acknowledged write across ${CYCLES} kill -9 restarts`, { timeout: 300_000 }, async () => {
      const figures = await runKillCycles(server.entry, target, { cycles: CYCLES });
      const orphans = await orphanCases(target);
      console.log(
        `kill -9 on ${store.kind}: ${figures.cycles} cycles, ${figures.acknowledged} writes acknowledged, ${figures.lost} lost, ${figures.failedRestarts} failed restarts, ${figures.brokenCases} unreadable cases, ${orphans.length} cases without a version, ${figures.wallSeconds.toFixed(1)} s`,
      );
      expect(figures.problems).toEqual([]);
      expect(figures.failedRestarts).toBe(0);
      expect(figures.cycles).toBe(CYCLES);
      expect(figures.lost).toBe(0);
      expect(figures.acknowledged).toBeGreaterThan(CYCLES);
      // Case creation must be one transaction: no case row without its first version.
      expect(orphans).toEqual([]);
    });
  });
}
