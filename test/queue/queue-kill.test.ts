import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnHash } from '../../api/queue/summarise-step.ts';
import { getRun } from '../../api/services/run-store.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun, summarizedOutputs } from '../../models/engine/summarize-run.ts';
import {
  buildQueueApp,
  call,
  closeSandbox,
  loadFixture,
  openSandbox,
  QUEUE_SKIP_REASON,
  sameFigures,
  stored,
  type QueueSandbox,
  startWorker,
  stopWorker,
  until,
  type WorkerProcess,
} from './queue-harness.ts';

// kill -9 of one of two workers while it holds a shard. Size: 131,072 trials in 8 shards of 16,384 (not the issue's
// 1M: what is tested does not depend on size, only on a shard being held when the kill lands). With 8 shards for 2
// single-thread workers, each worker claims shard after shard, so the test finds one claimed and not yet stored
// (its row names the worker) and kills that worker then. The shard expires after 2 s (VALUEGATE_SHARD_EXPIRE_SECONDS)
// and pg-boss's maintenance, every second here, hands it to the other worker.

const enabled = Boolean(process.env.TEST_DATABASE_URL);
const suite = enabled ? describe : describe.skip;
const TRIALS = 131_072;
const SHARD = 16_384;

suite(enabled ? 'queue mode: a worker killed mid-shard' : `queue mode: a worker killed mid-shard (${QUEUE_SKIP_REASON})`, () => {
  let sandbox: QueueSandbox;
  let api: Awaited<ReturnType<typeof buildQueueApp>>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sandbox = await openSandbox('vgq_kill', {
      VALUEGATE_SHARD_TRIALS: String(SHARD),
      VALUEGATE_SHARD_EXPIRE_SECONDS: '2',
      VALUEGATE_QUEUE_MAINTENANCE_SECONDS: '1',
    });
    workers.push(...(await Promise.all([startWorker(sandbox), startWorker(sandbox)])));
    api = await buildQueueApp(sandbox);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await Promise.all(workers.map(stopWorker));
    if (sandbox) await closeSandbox(sandbox);
  });

  it('the run completes with the in-process result, its killed shard retried once and counted once', async () => {
    const record = await loadFixture(sandbox.db, 'contact-center-assistant');
    const response = await call(api.app, 'POST', `/api/cases/${record.id}/runs`, { trials: TRIALS, seed: 21, sampling: 'lhs' });
    const { id } = (await response.json()) as { id: string };
    // A shard claimed and not stored: its worker is frozen (SIGSTOP), and killed if the shard is still not stored,
    // so the kill surely lands mid-shard; if it was stored just before, the worker goes on and the test looks again.
    let victim: { shard: number; worker: string } | undefined;
    while (!victim) {
      const held = await until(
        async () => {
          const { rows } = await sandbox.db.query<{ shard: number; worker: string }>(
            `SELECT shard, worker FROM run_shards WHERE run_id = $1 AND data IS NULL AND worker IS NOT NULL LIMIT 1`,
            [id],
          );
          return rows[0];
        },
        30_000,
        'a shard in progress',
      );
      const worker = workers.find((candidate) => held.worker.split(':')[1] === String(candidate.pid))!;
      worker.child.kill('SIGSTOP');
      const { rows } = await sandbox.db.query('SELECT 1 FROM run_shards WHERE run_id = $1 AND shard = $2 AND data IS NULL', [id, held.shard]);
      if (rows.length) {
        worker.child.kill('SIGKILL');
        victim = held;
      } else worker.child.kill('SIGCONT');
    }
    let highest = 0;
    const finished = await until(
      async () => {
        const run = await getRun(sandbox.db, id);
        highest = Math.max(highest, run?.progress.done ?? 0);
        return run && ['succeeded', 'failed', 'cancelled'].includes(run.status) && run;
      },
      45_000,
      'the run to end',
    );
    expect(finished.status, finished.error).toBe('succeeded');
    expect(highest).toBeLessThanOrEqual(TRIALS);
    // The in-process result: the same simulate and summarise the embedded default runs.
    const validated = validateCase(record.document);
    if (!validated.ok) throw new Error('invalid fixture');
    const result = simulate(validated.model, { trials: TRIALS, seed: 21, sampling: 'lhs' });
    expect(sameFigures(finished.summary, stored(summarizeRun(validated.model, result)))).toBeNull();
    const { rows: plan } = await sandbox.db.query<{ column_hashes: Record<string, string> }>('SELECT column_hashes FROM run_plans WHERE run_id = $1', [id]);
    for (const { id: output } of summarizedOutputs(validated.model)) expect(plan[0].column_hashes[output], output).toBe(columnHash(result.outputs[output]));
    const { rows } = await sandbox.db.query<{ shard: number; attempts: number; worker: string; trials_done: number }>(
      'SELECT shard, attempts, worker, trials_done FROM run_shards WHERE run_id = $1 ORDER BY shard',
      [id],
    );
    const retried = rows.find((row) => row.shard === victim.shard)!;
    // Retried at least once (on a loaded machine a live worker's attempt may outlast the 2 s expiry too: at least once).
    expect(retried.attempts).toBeGreaterThanOrEqual(2);
    expect(retried.worker).not.toBe(victim.worker);
    expect(rows.reduce((sum, row) => sum + row.trials_done, 0)).toBe(TRIALS);
  }, 90_000);
});
