import { serve, type ServerType } from '@hono/node-server';
import { WorkerPool } from '../workers/worker-pool.ts';
import { ensureAdminToken } from '../services/token-store.ts';
import { failInterruptedRuns } from '../services/run-store.ts';
import { RunRegistry } from '../services/run-registry.ts';
import { openDatabase } from '../storage/open-database.ts';
import type { ServiceConfig } from './config.ts';
import { createApp, type App } from './create-app.ts';
import type { LogSink } from './request-log.ts';
import { seedFixtures } from './seed-fixtures.ts';
import { seedPostLaunch } from './seed-post-launch.ts';
import type { Services } from './services.ts';

/** A started service. */
export interface RunningServer {
  url: string;
  port: number;
  app: App;
  services: Services;
  /** Settles when the post-launch fixtures of a first start are applied (at once when there are none); never rejects. */
  seeded: Promise<void>;
  /** Finishes in-flight requests, stops the workers, closes the database. */
  close(): Promise<void>;
}

/** Applies the post-launch fixtures, logging what was applied or skipped; a failure is logged, never thrown. */
async function seedPostLaunchInBackground(services: Services, fixturesDir: URL, log: LogSink): Promise<void> {
  const began = Date.now();
  try {
    const { applied, skipped } = await seedPostLaunch(services, fixturesDir);
    if (applied) log({ level: 'info', msg: `applied ${applied} post-launch fixtures (runs, gates, decisions, actuals) in ${Date.now() - began} ms` });
    for (const reason of skipped) log({ level: 'warn', msg: `skipped the post-launch fixture ${reason}` });
  } catch (error) {
    log({ level: 'warn', msg: `could not apply the post-launch fixtures: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** The job pool and live run state: in-process threads by default; pg-boss and its workers in queue mode. */
async function buildServices(db: Services['db'], config: ServiceConfig): Promise<Services> {
  const pool = { workers: config.workers, maxConcurrent: config.maxConcurrentJobs };
  if (config.queue && config.databaseUrl) {
    // Loaded only in queue mode: the default never loads pg-boss.
    const { startQueueMode } = await import('../queue/start-queue-mode.ts');
    const { jobs, runs, queue } = await startQueueMode(db, config.databaseUrl, config.queue, pool);
    return { db, jobs, runs, queue, config, now: () => new Date() };
  }
  return { db, jobs: new WorkerPool({ ...pool, warmUp: config.warmUpThreads }), runs: new RunRegistry(), config, now: () => new Date() };
}

/**
 * Opens storage (migrating it), seeds fixtures into an empty database, makes sure an
 * admin token exists, starts the worker pool and listens.
 *
 * @example
 * const server = await startServer(loadConfig(process.env), { log: console.log });
 */
export async function startServer(
  config: ServiceConfig,
  options: { log: LogSink; webRoot?: string; fixturesDir?: URL; inMemory?: boolean; image?: Blob; schema?: string },
): Promise<RunningServer> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    inMemory: options.inMemory,
    image: options.image,
    schema: options.schema,
  });
  // In queue mode runs live on in pg-boss and the workers while an API restarts.
  if (!config.queue) await failInterruptedRuns(db);
  const loaded = config.seedFixtures && options.fixturesDir ? await seedFixtures(db, options.fixturesDir) : 0;
  if (loaded) options.log({ level: 'info', msg: `loaded ${loaded} fixture cases into the empty database` });
  if (config.authDisabled) {
    options.log({
      level: 'warn',
      msg: `LOCAL SINGLE-USER MODE: no tokens are checked and every caller has every role. Bound to ${config.host} only. Set VALUEGATE_AUTH=on to require tokens.`,
    });
  } else {
    const created = await ensureAdminToken(db, config.adminToken);
    if (created) options.log({ level: 'warn', msg: `first start: created an admin token; it is shown only now, store it safely: ${created}` });
  }
  const services = await buildServices(db, config);
  const { jobs } = services;
  const app = createApp(services, { log: options.log, webRoot: options.webRoot });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  options.log({
    level: 'info',
    msg: `valuegate listening on ${url} (storage: ${db.kind}${db.kind === 'pglite' ? ` in ${options.inMemory ? 'memory' : config.dataDir}` : ''})`,
  });
  // Post-launch fixtures (runs, gates, decisions, actuals) go through the services and the worker pool. They are
  // applied after the server listens, so the first start answers at once and the portfolio fills in seconds later.
  const seeded = loaded && options.fixturesDir ? seedPostLaunchInBackground(services, options.fixturesDir, options.log) : Promise.resolve();
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    app,
    services,
    seeded,
    close() {
      closing ??= (async () => {
        await seeded;
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await jobs.close();
        await services.queue?.close();
        await db.close();
      })();
      return closing;
    },
  };
}
