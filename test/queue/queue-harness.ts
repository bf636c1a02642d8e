import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';
import { nonFiniteAsString } from '../../models/engine/json-numbers.ts';
import { freshBundle } from '../../api/build/fresh-bundle.js';
import { runCli } from '../../api/cli/main.ts';
import { DEFAULT_CONFIG, type ServiceConfig } from '../../api/server/config.ts';
import { createApp, type App } from '../../api/server/create-app.ts';
import type { Services } from '../../api/server/services.ts';
import { queueConfigFromEnv, type QueueConfig } from '../../api/queue/queue-config.ts';
import { startQueueMode } from '../../api/queue/start-queue-mode.ts';
import { createCase, type CaseRecord } from '../../api/services/case-store.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import type { Database } from '../../api/storage/database.ts';
import { openDatabase } from '../../api/storage/open-database.ts';

/** Why the queue suites skip without PostgreSQL. */
export const QUEUE_SKIP_REASON = 'skipped: set TEST_DATABASE_URL (queue mode needs PostgreSQL)';

/** The helper's own database on the test server (vg_pgboss), so queue tests never touch the shared `test` database. */
export async function queueDatabaseUrl(): Promise<string> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const client = new pg.Client({ connectionString: base.href });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'vg_pgboss'`);
    if (!rows.length) await client.query('CREATE DATABASE vg_pgboss').catch(() => undefined);
  } finally {
    await client.end();
  }
  base.pathname = '/vg_pgboss';
  return base.href;
}

/** A test's isolated corner of vg_pgboss: its own schema for valuegate's tables and one for pg-boss's. */
export interface QueueSandbox {
  /** DATABASE_URL for workers: the base URL with the sandbox's search_path. */
  databaseUrl: string;
  baseUrl: string;
  schema: string;
  bossSchema: string;
  db: Database;
  env: Record<string, string>;
  config: QueueConfig;
}

/**
 * Opens a sandbox: migrates its schema and reads the queue settings the API and the
 * workers will share (`extra` overrides, e.g. a short shard expiry).
 */
export async function openSandbox(name: string, extra: Record<string, string> = {}): Promise<QueueSandbox> {
  const baseUrl = await queueDatabaseUrl();
  const schema = `${name}_${Date.now().toString(36)}`;
  const bossSchema = `${schema}_boss`;
  const db = await openDatabase({ databaseUrl: baseUrl, schema });
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const env = { DATABASE_URL: url.href, VALUEGATE_QUEUE: 'pgboss', VALUEGATE_QUEUE_SCHEMA: bossSchema, ...extra };
  return { databaseUrl: url.href, baseUrl, schema, bossSchema, db, env, config: queueConfigFromEnv(env)! };
}

/** Drops the sandbox's schemas. */
export async function closeSandbox(sandbox: QueueSandbox): Promise<void> {
  await sandbox.db.close();
  const client = new pg.Client({ connectionString: sandbox.baseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${sandbox.schema}" CASCADE; DROP SCHEMA IF EXISTS "${sandbox.bossSchema}" CASCADE`).catch(() => undefined);
  await client.end();
}

/** A `valuegate worker` process started by a test. */
export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  output: () => string;
}

/**
 * Starts `valuegate worker --concurrency 1` on the sandbox, as deployed (the bin: the bundled
 * CLI, no TypeScript loader, ~1 s to start instead of ~6 s), and waits until it has registered.
 */
export async function startWorker(sandbox: QueueSandbox): Promise<WorkerProcess> {
  // Built once here, so workers started together do not each rebuild it; a lock keeps two test files from building at once.
  await withBundleLock(() => freshBundle('valuegate'));
  const child = spawn(process.execPath, ['api/cli/valuegate.js', 'worker', '--concurrency', '1'], {
    env: { ...process.env, ...sandbox.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (data) => (output += data));
  child.stderr!.on('data', (data) => (output += data));
  const pid = child.pid!;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await sandbox.db.query('SELECT 1 FROM queue_workers WHERE pid = $1', [pid]);
    if (rows.length) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, pid, output: () => output };
}

/** Runs `work` holding a lock folder in test-artifacts (mkdir is atomic), so concurrent test files build the bundle once. */
async function withBundleLock<T>(work: () => T): Promise<T> {
  const lock = 'test-artifacts/bundle.lock';
  mkdirSync('test-artifacts', { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Stops a worker (SIGTERM) and waits for it to exit. */
export async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  const exited = new Promise((resolve) => worker.child.once('exit', resolve));
  worker.child.kill('SIGTERM');
  await exited;
}

/** The API in queue mode on the sandbox, built in-process (app.request), local single-user mode. */
export async function buildQueueApp(
  sandbox: QueueSandbox,
  overrides: Partial<QueueConfig> = {},
): Promise<{ app: App; services: Services; close(): Promise<void> }> {
  const queueConfig = { ...sandbox.config, ...overrides };
  const config: ServiceConfig = {
    ...DEFAULT_CONFIG,
    seedFixtures: false,
    authDisabled: true,
    databaseUrl: sandbox.databaseUrl,
    queue: queueConfig,
    maxTrials: 10_000_000,
  };
  const { jobs, runs, queue } = await startQueueMode(sandbox.db, sandbox.databaseUrl, queueConfig, { workers: 1, maxConcurrent: 1 });
  const services: Services = { db: sandbox.db, jobs, runs, queue, config, now: () => new Date() };
  const app = createApp(services, { log: () => undefined });
  return {
    app,
    services,
    async close() {
      await jobs.close();
      await queue.close();
    },
  };
}

/** Loads a fixture case into the sandbox. */
export async function loadFixture(db: Database, name: string, rename?: string): Promise<CaseRecord> {
  const document = JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8')) as { name: string };
  if (rename) document.name = rename;
  const parsed = validateCase(document);
  if (!parsed.ok) throw new Error(`fixture ${name} is invalid`);
  return createCase(db as Parameters<typeof createCase>[0], document, parsed.case, 'test');
}

/** JSON request helper. */
export async function call(app: App, method: string, path: string, body?: unknown): Promise<Response> {
  return app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Host: '127.0.0.1' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Waits until `check` returns a value (polling every 50 ms), or fails after `ms`. */
export async function until<T>(check: () => Promise<T | null | undefined | false>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every number of two JSON documents equal by Object.is (so -0, NaN and the last bit count), the rest deep-equal. */
export function sameFigures(actual: unknown, expected: unknown, path = ''): string | null {
  if (typeof expected === 'number') return Object.is(actual, expected) ? null : `${path}: ${String(actual)} ≠ ${expected}`;
  if (expected === null || typeof expected !== 'object') return actual === expected ? null : `${path}: ${String(actual)} ≠ ${String(expected)}`;
  if (typeof actual !== 'object' || actual === null) return `${path}: not an object`;
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const problem = sameFigures((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}/${key}`);
    if (problem) return problem;
  }
  return null;
}

/** A value as the API stores and returns it (non-finite numbers as strings). */
export const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value, nonFiniteAsString));

/**
 * `valuegate regate --all --trials 4096 --json`, run in-process on the sandbox's database and queue:
 * the environment is set for the call and put back after (files share this process, vitest's isolate: false).
 *
 * @example
 * const { code, output } = await regateAll(sandbox); // output.cases: [{ caseId, changes, status, recommendation }]
 */
export async function regateAll<T>(sandbox: QueueSandbox): Promise<{ code: number; output: T }> {
  const env = { DATABASE_URL: sandbox.databaseUrl, VALUEGATE_QUEUE: 'pgboss', VALUEGATE_QUEUE_SCHEMA: sandbox.bossSchema };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    let out = '';
    const code = await runCli(['regate', '--all', '--trials', '4096', '--json'], {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: () => true },
    });
    return { code, output: (code === 0 ? JSON.parse(out) : null) as T };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
