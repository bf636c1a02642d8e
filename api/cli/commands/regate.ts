import type { RegateChange, RegateOutcome, RegateTarget } from '../../services/regate-portfolio.ts';
import type { Database } from '../../storage/database.ts';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { UsageError } from '../usage-error.ts';
import { workerEnvironment } from './queue-environment.ts';

/**
 * `valuegate regate --all [--trials N] [--json]`: runs and gates again every active case
 * whose case version, engine version or portfolio rules changed since its last gate, on
 * the database the server uses (DATABASE_URL, or the embedded VALUEGATE_DATA_DIR). With
 * VALUEGATE_QUEUE=pgboss the cases go to the workers (one job each) and the command waits
 * for them; otherwise they run here.
 *
 * @example
 * DATABASE_URL=postgres://… VALUEGATE_QUEUE=pgboss valuegate regate --all
 */
export const regateCommand: CliCommand = {
  name: 'regate',
  usage: ['--all [--trials N] [--json]'],
  summary: 'run and gate again the cases whose case version, engine version or rules changed',
  run: runRegate,
};

const describe = (change: RegateChange): string => (change.what === 'no gate yet' ? 'no gate yet' : `${change.what} ${change.from} → ${change.to}`);

async function runRegate(options: CommandOptions): Promise<number> {
  if (options.positionals.length > 1) throw new UsageError(`unexpected argument "${options.positionals[1]}"`);
  if (!options.all) throw new UsageError('regate needs --all (it re-gates every active case whose case version, engine version or rules changed)');
  const { openDatabase } = await import('../../storage/open-database.ts');
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.VALUEGATE_DATA_DIR || './data' });
  try {
    const outcomes = process.env.VALUEGATE_QUEUE ? await throughQueue(db, options.trials) : await inProcess(db, options.trials);
    write(options, outcomes.targets, outcomes.results);
    return outcomes.results.some((result) => result.status === 'failed') ? 1 : 0;
  } finally {
    await db.close();
  }
}

/** Every stale case, one after the other, on this process's threads. */
async function inProcess(db: Database, trials?: number): Promise<{ targets: RegateTarget[]; results: RegateOutcome[] }> {
  const { staleCases, regateCase } = await import('../../services/regate-portfolio.ts');
  const { WorkerPool } = await import('../../workers/worker-pool.ts');
  const pool = new WorkerPool({ workers: 1, warmUp: false, lazy: true });
  const targets = await staleCases(db);
  const today = new Date().toISOString().slice(0, 10);
  const results: RegateOutcome[] = [];
  try {
    for (const target of targets) results.push(await regateCase(db, (request) => pool.submit(request).result, target, today, trials));
  } finally {
    await pool.close();
  }
  return { targets, results };
}

/** Queues one job per stale case for the workers and waits until each has its re-gate recorded. */
async function throughQueue(db: Database, trials?: number): Promise<{ targets: RegateTarget[]; results: RegateOutcome[] }> {
  const { databaseUrl, config } = workerEnvironment(process.env);
  const { openBoss } = await import('../../queue/open-boss.ts');
  const { queueRegate } = await import('../../queue/regate-handlers.ts');
  const boss = await openBoss(databaseUrl, config, { supervise: false, schedule: false });
  try {
    const started = (await db.query<{ now: Date }>('SELECT now() AS now')).rows[0].now;
    const targets = await queueRegate(db, boss, config, { reason: 'cli', trials });
    const ids = targets.map((target) => target.caseId);
    for (;;) {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT DISTINCT ON (case_id) case_id, run_id, status, recommendation, previous_recommendation, changes, error
         FROM regates WHERE case_id = ANY($1::uuid[]) AND created_at >= $2 ORDER BY case_id, created_at DESC`,
        [ids, started],
      );
      if (rows.length >= ids.length) {
        const results = rows.map(
          (row): RegateOutcome => ({
            caseId: String(row.case_id),
            runId: String(row.run_id),
            status: row.status as RegateOutcome['status'],
            recommendation: (row.recommendation as string | null) ?? null,
            previousRecommendation: (row.previous_recommendation as string | null) ?? null,
            changes: row.changes as RegateChange[],
            ...(row.error ? { error: String(row.error) } : {}),
          }),
        );
        return { targets, results };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await boss.stop({ graceful: false, wait: false });
  }
}

function write(options: CommandOptions, targets: RegateTarget[], results: RegateOutcome[]): void {
  if (options.json) {
    options.io.stdout.write(JSON.stringify({ regated: results.length, cases: results }, null, 2) + '\n');
    return;
  }
  if (!targets.length) {
    options.io.stdout.write('Nothing to re-gate: every active case was gated with its current version, this engine and these rules.\n');
    return;
  }
  const names = new Map(targets.map((target) => [target.caseId, target.caseName]));
  options.io.stdout.write(`Re-gated ${results.length} case${results.length === 1 ? '' : 's'}:\n`);
  for (const result of results) {
    const outcome = result.status === 'failed' ? `failed: ${result.error}` : `${result.previousRecommendation ?? '(none)'} → ${result.recommendation}`;
    options.io.stdout.write(`  ${names.get(result.caseId)}: ${result.changes.map(describe).join(', ')}; ${outcome}\n`);
  }
}
