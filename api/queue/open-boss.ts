import type PgBoss from 'pg-boss';
import type { QueueConfig } from './queue-config.ts';

/** The pg-boss queues valuegate uses. */
export const QUEUES = {
  /** One shard of a run: whole chunks, stored in run_shards. */
  shard: 'valuegate-shard',
  /** A run whose shards are all in: summarised once, by one worker. */
  summarise: 'valuegate-summarise',
  /** A whole job (an analysis, a comparison, a portfolio fan) run by one worker; its result in queue_results. */
  job: 'valuegate-job',
  /** One shard of a split analysis (Sobol, tornado, spider, break-even, compare): stored in queue_result_shards. */
  analysisShard: 'valuegate-analysis-shard',
  /** A split analysis whose shards are all in: put together once, by one worker. */
  analysisCombine: 'valuegate-analysis-combine',
  /** The portfolio re-gate: finds the stale cases and queues one regate-case job each. */
  regate: 'valuegate-regate',
  regateCase: 'valuegate-regate-case',
} as const;

/** Who opens pg-boss: workers supervise (expire, archive) and run schedules; the API and the CLI only send. */
export interface BossRole {
  supervise: boolean;
  schedule: boolean;
}

/**
 * Starts pg-boss on the deployment's PostgreSQL (its own schema; it creates or migrates it)
 * and makes sure valuegate's queues exist.
 *
 * @example
 * const boss = await openBoss(process.env.DATABASE_URL!, config, { supervise: true, schedule: true });
 */
export async function openBoss(databaseUrl: string, config: QueueConfig, role: BossRole): Promise<PgBoss> {
  // Imported here, not at the top: the bundle keeps pg-boss external and loads it only in queue mode.
  const { default: Boss } = await import('pg-boss');
  const boss = new Boss({
    connectionString: databaseUrl,
    schema: config.schema,
    max: 4,
    supervise: role.supervise,
    schedule: role.schedule,
    maintenanceIntervalSeconds: config.maintenanceSeconds,
    // Completed jobs leave the job table soon: it slows with many rows (pg-boss issue 228).
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 7,
  });
  boss.on('error', () => undefined);
  await boss.start();
  // The summarise and combine queues drop a second request for the same key while one waits ("short": one queued per key).
  await ensureQueue(boss, QUEUES.summarise, 'short');
  await ensureQueue(boss, QUEUES.analysisCombine, 'short');
  for (const name of [QUEUES.shard, QUEUES.job, QUEUES.analysisShard, QUEUES.regate, QUEUES.regateCase]) await ensureQueue(boss, name, 'standard');
  return boss;
}

/**
 * Creates a queue unless it exists. Workers started together on a new database race to
 * create the same queue's partition, and PostgreSQL may break the tie with a deadlock
 * error: the loser waits a moment and looks again.
 */
async function ensureQueue(boss: PgBoss, name: string, policy: 'standard' | 'short'): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, policy });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 8 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

/**
 * Jobs of valuegate's queues by state, for GET /api/health: queued (created or waiting
 * to retry) and active.
 *
 * @example
 * await queueCounts(boss, 'pgboss') // { queued: 3, active: 2 }
 */
export async function queueCounts(boss: PgBoss, schema: string): Promise<{ queued: number; active: number }> {
  const db = boss.getDb() as { executeSql(sql: string, values?: unknown[]): Promise<{ rows: { state: string; count: string }[] }> };
  const { rows } = await db.executeSql(
    `SELECT state, count(*) AS count FROM ${schema}.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active') GROUP BY state`,
    [Object.values(QUEUES)],
  );
  const count = (states: string[]): number => rows.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + Number(row.count), 0);
  return { queued: count(['created', 'retry']), active: count(['active']) };
}
