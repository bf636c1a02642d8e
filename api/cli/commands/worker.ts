import { availableParallelism } from 'node:os';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { UsageError } from '../usage-error.ts';
import { workerEnvironment } from './queue-environment.ts';

/**
 * `valuegate worker [--concurrency N]`: a queue worker for a shared deployment
 * (docs/scale-out.md). It takes shards of runs, analyses and re-gates from pg-boss on
 * DATABASE_URL until SIGTERM or SIGINT, then finishes the jobs in hand and stops.
 *
 * @example
 * DATABASE_URL=postgres://… valuegate worker --concurrency 4
 */
export const workerCommand: CliCommand = {
  name: 'worker',
  usage: ['[--concurrency N]'],
  summary: 'run shards, analyses and re-gates from the pg-boss queue on DATABASE_URL (default: one thread per core)',
  run: runWorker,
};

async function runWorker(options: CommandOptions): Promise<number> {
  if (options.positionals.length > 1) throw new UsageError(`unexpected argument "${options.positionals[1]}"`);
  const { databaseUrl, config } = workerEnvironment(process.env);
  const concurrency = options.concurrency ?? availableParallelism();
  const log = (line: string): void => void options.io.stderr.write(`${new Date().toISOString()} ${line}\n`);
  // Loaded only here: the other commands never load pg-boss.
  const { openDatabase } = await import('../../storage/open-database.ts');
  const { openBoss } = await import('../../queue/open-boss.ts');
  const { startQueueWorker } = await import('../../queue/queue-worker.ts');
  const db = await openDatabase({ databaseUrl });
  const boss = await openBoss(databaseUrl, config, { supervise: true, schedule: true });
  const worker = await startQueueWorker({ db, boss, config, concurrency, log });
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log(`valuegate worker ${worker.id}: stopping (finishing the jobs in hand)`);
  await worker.stop();
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  await db.close();
  return 0;
}
