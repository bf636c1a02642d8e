import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysisCombine, runAnalysisShard, type AnalysisShardContext, type AnalysisShardJobData } from '../../api/queue/analysis-shards.ts';
import { runQueuedJob } from '../../api/queue/job-handler.ts';
import { encodeQueued } from '../../api/queue/queued-json.ts';
import { runJob } from '../../api/jobs/job-worker.ts';
import type { JobRequest } from '../../api/jobs/job-types.ts';
import type { JobMessage } from '../../api/workers/pool-messages.ts';
import type { WorkerPool } from '../../api/workers/worker-pool.ts';
import { breakEvenAnalysis, compareCases, sobolAnalysis, spiderAnalysis, tornadoAnalysis } from '../../models/analysis/index.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { REPRESENTATIVENESS_FACTORS } from '../../models/evidence/representativeness-factors.ts';
import type { CompiledModel } from '../../models/formula/compile-case.ts';
import {
  buildQueueApp,
  call,
  closeSandbox,
  loadFixture,
  openSandbox,
  QUEUE_SKIP_REASON,
  sameFigures,
  startWorker,
  stopWorker,
  stored,
  type QueueSandbox,
  type WorkerProcess,
} from './queue-harness.ts';

// Analyses split across worker processes (issue 21, item 3). VALUEGATE_ANALYSIS_SHARD_ROWS=4 splits every analysis
// as far as the worker threads seen allow (two here). Each result must equal the in-process analysis bit for bit;
// test/analysis/analysis-parts.test.ts checks every other cut of the units.

const enabled = Boolean(process.env.TEST_DATABASE_URL);
const suite = enabled ? describe : describe.skip;

suite(enabled ? 'analyses split across queue workers' : `analyses split across queue workers (${QUEUE_SKIP_REASON})`, () => {
  let sandbox: QueueSandbox;
  const workers: WorkerProcess[] = [];
  let api: Awaited<ReturnType<typeof buildQueueApp>>;
  let caseA: { id: string; document: unknown; model: CompiledModel };
  let caseB: { id: string; document: unknown; model: CompiledModel };

  beforeAll(async () => {
    sandbox = await openSandbox('vgq_analysis', { VALUEGATE_SHARD_TRIALS: '4096', VALUEGATE_ANALYSIS_SHARD_ROWS: '4' });
    workers.push(...(await Promise.all([startWorker(sandbox), startWorker(sandbox)])));
    api = await buildQueueApp(sandbox);
    const load = async (fixture: string) => {
      const record = await loadFixture(sandbox.db, fixture);
      const validated = validateCase(record.document);
      if (!validated.ok) throw new Error(`${fixture} is invalid`);
      return { id: record.id, document: record.document, model: validated.model };
    };
    caseA = await load('contact-center-assistant');
    caseB = await load('document-processing');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await Promise.all(workers.map(stopWorker));
    if (sandbox) await closeSandbox(sandbox);
  });

  it('Sobol, tornado, spider, break-even and compare run as shards on both workers and equal the in-process results', async () => {
    const run = (await (await call(api.app, 'POST', `/api/cases/${caseA.id}/runs?wait=true`, { trials: 8192, seed: 5 })).json()) as { id: string };
    const references: Record<string, unknown> = {
      sobol: sobolAnalysis(caseA.model, { baseSamples: 2048, seed: 5 }),
      tornado: tornadoAnalysis(caseA.model, {}),
      spider: spiderAnalysis(caseA.model, { output: 'roi' }),
      breakeven: breakEvenAnalysis(caseA.model, { seed: 5 }),
    };
    const bodies = { sobol: { baseSamples: 2048 }, spider: { output: 'roi' } } as Record<string, object>;
    const results = await Promise.all(
      Object.keys(references).map(async (kind) => {
        const response = await call(api.app, 'POST', `/api/runs/${run.id}/analyses`, { kind, ...bodies[kind] });
        return { kind, status: response.status, body: (await response.json()) as { result: unknown } };
      }),
    );
    for (const { kind, status, body } of results) {
      expect(status, `${kind}: ${JSON.stringify(body)}`).toBe(201);
      expect(sameFigures(body.result, stored(references[kind])), kind).toBeNull();
    }
    const compared = await call(api.app, 'POST', '/api/compare', {
      a: { caseId: caseA.id },
      b: { caseId: caseB.id },
      trials: 30_000,
      seed: 3,
      exchangeRate: 1.17,
    });
    expect(compared.status).toBe(200);
    const currency = (document: unknown): string => (document as { currency: string }).currency;
    const settings = { trials: 30_000, seed: 3, sampling: 'lhs' as const, representativenessFactors: REPRESENTATIVENESS_FACTORS };
    const money = { currencyA: currency(caseA.document), currencyB: currency(caseB.document), exchangeRate: 1.17 };
    expect(sameFigures(await compared.json(), stored(compareCases(caseA.model, caseB.model, settings, 'npv', money)))).toBeNull();

    // pg-boss keeps each completed shard job with its output (the worker that stored it) until it archives them.
    const { rows } = await sandbox.db.query<{ shards: string; workers: string }>(
      `SELECT count(*) AS shards, count(DISTINCT output->>'worker') AS workers FROM "${sandbox.bossSchema}".job
       WHERE name = 'valuegate-analysis-shard' AND state = 'completed' AND output ? 'stored' GROUP BY data->>'resultId', data->>'stage'`,
    );
    // Five analyses, Sobol in two stages: each stage in as many shards as the two workers have threads.
    expect(rows).toHaveLength(6);
    expect(rows.map((row) => Number(row.shards))).toEqual([2, 2, 2, 2, 2, 2]);
    expect(Math.max(...rows.map((row) => Number(row.workers)))).toBe(2);
  }, 60_000);

  it('a shard delivered twice is stored once and changes nothing; a cancelled or failed analysis drops its shards', async () => {
    const inserted: PgBoss.JobInsert[] = [];
    const sent: unknown[] = [];
    // pg-boss stands aside: the test delivers each job itself, as often as it likes, on the calling thread.
    const boss = {
      insert: async (jobs: PgBoss.JobInsert[]) => void inserted.push(...jobs),
      send: async (name: string, data: unknown) => (sent.push({ name, data }), 'id'),
    } as unknown as PgBoss;
    const context: AnalysisShardContext = { db: sandbox.db, boss, config: { ...sandbox.config, analysisShardRows: 4 }, pool: inThreadPool(), workerId: 'test' };
    const settings = { trials: 4096, seed: 9, sampling: 'lhs' as const, representativenessFactors: REPRESENTATIVENESS_FACTORS };
    const queue = async (request: JobRequest) => {
      const resultId = crypto.randomUUID();
      await sandbox.db.query(`INSERT INTO queue_results (id, kind, status) VALUES ($1, 'analysis', 'queued')`, [resultId]);
      return { resultId, job: { resultId, request: encodeQueued(request) } };
    };
    const request = (kind: 'spider' | 'tornado', params: Record<string, unknown>): JobRequest => ({
      type: 'analysis',
      document: caseA.document,
      settings,
      kind,
      params,
      today: '2027-01-01',
    });

    const spider = await queue(request('spider', {}));
    expect(await runQueuedJob(context, spider.job)).toEqual({ status: 'split' });
    // Planned twice (a second delivery of the queued job): the plan stays, the missing shards are queued again.
    expect(await runQueuedJob(context, spider.job)).toEqual({ status: 'split' });
    const shards = inserted.map((job) => job.data as AnalysisShardJobData);
    // Two shards (the two worker threads seen), queued by each delivery.
    expect(shards).toHaveLength(4);
    expect(await runAnalysisShard(context, shards[0])).toEqual({ stored: true, combine: false, worker: 'test' });
    const first = await sandbox.db.query<{ meta: string }>('SELECT meta FROM queue_result_shards WHERE result_id = $1 AND stage = 0 AND shard = 0', [
      spider.resultId,
    ]);
    // The duplicate finds the shard stored: nothing is run again, nothing changes.
    expect(await runAnalysisShard(context, shards[0])).toEqual({ stored: true, combine: false, worker: 'test' });
    for (const shard of shards.slice(1, 2)) await runAnalysisShard(context, shard);
    const again = await sandbox.db.query<{ meta: string; attempts: number }>(
      'SELECT meta, attempts FROM queue_result_shards WHERE result_id = $1 AND stage = 0 AND shard = 0',
      [spider.resultId],
    );
    expect(again.rows[0]).toEqual({ meta: first.rows[0].meta, attempts: 2 });
    // Every shard in: the combine was asked for (by the last shard and by the duplicates after it), and runs once.
    expect(sent.filter((message) => (message as { name: string }).name === 'valuegate-analysis-combine').length).toBeGreaterThan(0);
    expect(await runAnalysisCombine(context, { resultId: spider.resultId, stage: 0 })).toEqual({ succeeded: true });
    expect(await runAnalysisCombine(context, { resultId: spider.resultId, stage: 0 })).toEqual({ dropped: 'the analysis is succeeded' });
    const result = await sandbox.db.query<{ result: unknown }>('SELECT result FROM queue_results WHERE id = $1', [spider.resultId]);
    expect(sameFigures(result.rows[0].result, stored(spiderAnalysis(caseA.model, {})))).toBeNull();

    // Sobol in two stages: the design's shards, a combine that plans the bootstrap's shards, their combine.
    const sobol = await queue({ ...request('spider', {}), kind: 'sobol', params: { baseSamples: 256 } } as JobRequest);
    inserted.length = 0;
    expect(await runQueuedJob(context, sobol.job)).toEqual({ status: 'split' });
    for (const job of inserted.splice(0)) await runAnalysisShard(context, job.data as AnalysisShardJobData);
    expect(await runAnalysisCombine(context, { resultId: sobol.resultId, stage: 0 })).toEqual({ advanced: 1 });
    const bootstrap = inserted.splice(0).map((job) => job.data as AnalysisShardJobData);
    expect(bootstrap.length).toBeGreaterThan(1);
    expect(bootstrap.every((job) => job.stage === 1)).toBe(true);
    // A late second combine of stage 0 changes nothing and queues the bootstrap's shards not yet in again.
    expect(await runAnalysisCombine(context, { resultId: sobol.resultId, stage: 0 })).toEqual({ dropped: 'the analysis is at stage 1' });
    expect(inserted.splice(0)).toHaveLength(bootstrap.length);
    for (const job of [...bootstrap, bootstrap[0]]) await runAnalysisShard(context, job);
    expect(await runAnalysisCombine(context, { resultId: sobol.resultId, stage: 1 })).toEqual({ succeeded: true });
    const sobolResult = await sandbox.db.query<{ result: unknown }>('SELECT result FROM queue_results WHERE id = $1', [sobol.resultId]);
    expect(sameFigures(sobolResult.rows[0].result, stored(sobolAnalysis(caseA.model, { baseSamples: 256, seed: 9 })))).toBeNull();

    // Cancelled by the API while its shards wait: they are dropped unrun.
    const tornado = await queue(request('tornado', {}));
    inserted.length = 0;
    expect(await runQueuedJob(context, tornado.job)).toEqual({ status: 'split' });
    await sandbox.db.query(`UPDATE queue_results SET status = 'cancelled' WHERE id = $1`, [tornado.resultId]);
    expect(await runAnalysisShard(context, inserted[0].data as AnalysisShardJobData)).toEqual({ dropped: 'the analysis is cancelled' });

    // An error of the case fails the analysis once, with the in-process message and field; nothing is split.
    const wrong = await queue(request('tornado', { output: 'npvv' }));
    expect(await runQueuedJob(context, wrong.job)).toEqual({ status: 'failed' });
    const failed = await sandbox.db.query<{ status: string; error: { message: string; field: string } }>(
      'SELECT status, error FROM queue_results WHERE id = $1',
      [wrong.resultId],
    );
    expect(failed.rows[0].status).toBe('failed');
    expect(failed.rows[0].error.field).toBe('output');
    expect(failed.rows[0].error.message).toMatch(/unknown output "npvv"/);
  }, 60_000);
});

/** The worker threads' job code (api/jobs/job-worker.ts) on the calling thread. */
function inThreadPool(): Pick<WorkerPool, 'submit'> {
  let jobId = 0;
  return {
    submit: <T>(request: JobRequest) => {
      const result = new Promise<T>((resolve, reject) => {
        void runJob({ jobId: ++jobId, request, cancel: new Int32Array(1) }, (message: JobMessage) => {
          if (message.type === 'result') resolve(message.result as T);
          if (message.type === 'error') reject(Object.assign(new Error(message.message), { name: message.name, field: message.field }));
        });
      });
      return { result, cancel: () => undefined, state: () => 'finished' as const };
    },
  } as Pick<WorkerPool, 'submit'>;
}
