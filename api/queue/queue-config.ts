import { CHUNK_SIZE } from '../../models/engine/simulation-env.ts';

/** Queue mode's settings (VALUEGATE_QUEUE=pgboss with DATABASE_URL); documented in docs/scale-out.md. */
export interface QueueConfig {
  kind: 'pgboss';
  /** VALUEGATE_SHARD_TRIALS: trials per shard, a multiple of 4,096 (default 131,072 = 32 chunks). */
  shardTrials: number;
  /** VALUEGATE_SHARD_EXPIRE_SECONDS: a shard active this long is failed by pg-boss and retried (default 120). */
  shardExpireSeconds: number;
  /** VALUEGATE_QUEUE_RETRIES: retries of a job failed by the machine (a worker died, the database went away; default 3). */
  retries: number;
  /** VALUEGATE_QUEUE_MAINTENANCE_SECONDS: how often pg-boss expires and archives jobs (default 30). */
  maintenanceSeconds: number;
  /** VALUEGATE_QUEUE_SCHEMA: pg-boss's own schema (default pgboss). */
  schema: string;
  /** VALUEGATE_REGATE_CRON: when the portfolio is re-gated (cron, e.g. "0 2 * * *"); unset: only by hand. */
  regateCron?: string;
  /**
   * VALUEGATE_ANALYSIS_SHARD_ROWS: model rows per shard of a split analysis (Sobol design rows, break-even
   * searches, tornado and spider points, compared trials; default: the shard size in trials).
   */
  analysisShardRows: number;
  /** VALUEGATE_ANALYSIS_MAX_SHARDS: most shards one analysis is split into (default 64). */
  analysisMaxShards: number;
}

/** A queue setting that cannot be used; names the variable (the server exits 2, the CLI too). */
export class QueueConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'QueueConfigError';
  }
}

export const DEFAULT_SHARD_TRIALS = 32 * CHUNK_SIZE;

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new QueueConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new QueueConfigError(name, `must be between ${min} and ${max}, got ${raw}`);
  return value;
}

/**
 * Queue mode from the environment: undefined (the embedded default: in-process threads)
 * unless VALUEGATE_QUEUE=pgboss, which needs DATABASE_URL.
 *
 * @example
 * queueConfigFromEnv({}) // undefined
 * queueConfigFromEnv({ VALUEGATE_QUEUE: 'pgboss', DATABASE_URL: 'postgres://…' })?.shardTrials // 131072
 */
export function queueConfigFromEnv(env: Record<string, string | undefined>): QueueConfig | undefined {
  const kind = env.VALUEGATE_QUEUE;
  if (kind === undefined || kind === '') return undefined;
  if (kind !== 'pgboss') throw new QueueConfigError('VALUEGATE_QUEUE', `must be "pgboss" (or unset for in-process threads), got "${kind}"`);
  if (!env.DATABASE_URL) throw new QueueConfigError('VALUEGATE_QUEUE', 'pgboss needs DATABASE_URL (a PostgreSQL server the API and every worker reach)');
  const shardTrials = wholeNumber(env, 'VALUEGATE_SHARD_TRIALS', DEFAULT_SHARD_TRIALS, CHUNK_SIZE, 10_000_000);
  if (shardTrials % CHUNK_SIZE !== 0)
    throw new QueueConfigError('VALUEGATE_SHARD_TRIALS', `must be a multiple of ${CHUNK_SIZE} (whole chunks), got ${shardTrials}`);
  const schema = env.VALUEGATE_QUEUE_SCHEMA || 'pgboss';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new QueueConfigError('VALUEGATE_QUEUE_SCHEMA', `must be a lower-case SQL name, got "${schema}"`);
  const regateCron = env.VALUEGATE_REGATE_CRON?.trim() || undefined;
  if (regateCron !== undefined && regateCron.split(/\s+/).length !== 5) {
    throw new QueueConfigError('VALUEGATE_REGATE_CRON', `must be a cron expression of 5 fields (minute hour day month weekday), got "${regateCron}"`);
  }
  return {
    kind: 'pgboss',
    shardTrials,
    shardExpireSeconds: wholeNumber(env, 'VALUEGATE_SHARD_EXPIRE_SECONDS', 120, 1, 86_400),
    retries: wholeNumber(env, 'VALUEGATE_QUEUE_RETRIES', 3, 0, 100),
    maintenanceSeconds: wholeNumber(env, 'VALUEGATE_QUEUE_MAINTENANCE_SECONDS', 30, 1, 3600),
    schema,
    regateCron,
    analysisShardRows: wholeNumber(env, 'VALUEGATE_ANALYSIS_SHARD_ROWS', shardTrials, 1, 1_000_000_000),
    analysisMaxShards: wholeNumber(env, 'VALUEGATE_ANALYSIS_MAX_SHARDS', 64, 1, 1024),
  };
}
