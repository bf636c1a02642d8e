import { describe } from 'vitest';
import { WorkerPool } from '../../api/workers/worker-pool.ts';
import { DEFAULT_CONFIG, type ServiceConfig } from '../../api/server/config.ts';
import { createApp, type App } from '../../api/server/create-app.ts';
import type { Services } from '../../api/server/services.ts';
import { RunRegistry } from '../../api/services/run-registry.ts';
import { createToken, type Role } from '../../api/services/token-store.ts';
import type { Database } from '../../api/storage/database.ts';
import { migrate } from '../../api/storage/migrate.ts';
import { openDatabase } from '../../api/storage/open-database.ts';
import { openPglite } from '../../api/storage/pglite-database.ts';
import { migratedPgliteImage } from './pglite-image.ts';

export type StorageKind = 'pglite' | 'postgres';

/** Storage modes to test: PGlite always, PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export const STORAGE_KINDS: StorageKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Why the PostgreSQL suites are skipped, in their name so the report says it. */
export const POSTGRES_SKIP_REASON = 'skipped: set TEST_DATABASE_URL';

/**
 * `describe.each(['pglite', 'postgres'])`, except that without TEST_DATABASE_URL the
 * PostgreSQL suite is registered as skipped, named with the reason, instead of vanishing.
 *
 * @example
 * describeEachStorage('cases API on %s', (storage) => { it('lists', async () => { … }); });
 */
export function describeEachStorage(name: string, body: (storage: StorageKind) => void): void {
  describe.each(STORAGE_KINDS)(name, body);
  if (!STORAGE_KINDS.includes('postgres')) describe.skip(name.replace('%s', `postgres (${POSTGRES_SKIP_REASON})`), () => body('postgres'));
}

/** An in-memory PGlite started from the migrated image. Migrations still run (none pending), as in openDatabase. */
async function openMigratedPglite(): Promise<Database> {
  const db = await openPglite(undefined, await migratedPgliteImage());
  await migrate(db);
  return db;
}

export interface TestApp {
  app: App;
  services: Services;
  /** Bearer tokens for each role. */
  tokens: Record<Role, string>;
  /** Request helper: JSON body, role token, extra headers. */
  call(method: string, path: string, options?: { body?: unknown; role?: Role | null; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Builds the real app on real storage (in-memory PGlite, or an isolated schema on
 * the PostgreSQL server) with a real worker pool and one token per role.
 *
 * @example
 * const t = await buildTestApp('pglite');
 * const response = await t.call('GET', '/api/cases');
 */
export async function buildTestApp(storage: StorageKind, overrides: Partial<ServiceConfig> = {}, now = () => new Date()): Promise<TestApp> {
  const schema = `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const db = storage === 'postgres' ? await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, schema }) : await openMigratedPglite();
  const config: ServiceConfig = { ...DEFAULT_CONFIG, seedFixtures: false, workers: 2, maxConcurrentJobs: 2, warmUpThreads: false, ...overrides };
  // Threads start on first use (many test apps never run a job) and cold: a thread's warm-up simulation
  // (8,192 trials, for the first request's latency, which no test here measures) cost 0.45 s of CPU, the thread 0.07 s.
  const jobs = new WorkerPool({ workers: config.workers, maxConcurrent: config.maxConcurrentJobs, lazy: true, warmUp: config.warmUpThreads });
  const services: Services = { db, jobs, runs: new RunRegistry(), config, now };
  const app = createApp(services, { log: () => undefined });
  const tokens = {} as Record<Role, string>;
  for (const role of ['viewer', 'editor', 'approver', 'admin'] as const) tokens[role] = (await createToken(db, `${role} (test)`, role)).token;
  return {
    app,
    services,
    tokens,
    call(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const role = options.role === undefined ? 'approver' : options.role;
      if (role) headers.Authorization = `Bearer ${tokens[role]}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['Content-Type'] ??= 'application/json';
      }
      return Promise.resolve(app.request(path, { method, headers, body }));
    },
    async close() {
      await jobs.close();
      if (storage === 'postgres') await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await db.close();
    },
  };
}
