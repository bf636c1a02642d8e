import type { QueueConfig } from '../../queue/queue-config.ts';
import { QueueConfigError, queueConfigFromEnv } from '../../queue/queue-config.ts';
import { UsageError } from '../usage-error.ts';

/**
 * The queue settings `valuegate worker` uses: DATABASE_URL is required and VALUEGATE_QUEUE,
 * when set, must be pgboss (a worker only ever works for pg-boss). A bad value is a usage
 * error (exit 2) naming the variable.
 *
 * @example
 * const { databaseUrl, config } = workerEnvironment(process.env);
 */
export function workerEnvironment(env: Record<string, string | undefined>): { databaseUrl: string; config: QueueConfig } {
  if (!env.DATABASE_URL) throw new UsageError('DATABASE_URL: a worker needs the PostgreSQL the API uses (postgres://user@host:5432/db)');
  try {
    const config = queueConfigFromEnv({ ...env, VALUEGATE_QUEUE: env.VALUEGATE_QUEUE || 'pgboss' })!;
    return { databaseUrl: env.DATABASE_URL, config };
  } catch (error) {
    if (error instanceof QueueConfigError) throw new UsageError(error.message);
    throw error;
  }
}
