import { REPRESENTATIVENESS_FACTORS } from '../../models/evidence/representativeness-factors.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoss, QUEUES } from '../../api/queue/open-boss.ts';
import { enqueueStep, planRun } from '../../api/queue/plan-run.ts';
import { runShardJob } from '../../api/queue/shard-handler.ts';
import { claimShard, reportShardProgress } from '../../api/queue/shard-store.ts';
import type { JobRequest } from '../../api/jobs/job-types.ts';
import type { CompiledModel } from '../../models/formula/compile-case.ts';
import { runShard } from '../../models/engine/run-shard.ts';
import { simulationEnv } from '../../models/engine/simulation-env.ts';
import { columnHash } from '../../api/queue/summarise-step.ts';
import { updateCase } from '../../api/services/case-store.ts';
import { getRun, insertRun } from '../../api/services/run-store.ts';
import type { WorkerPool } from '../../api/workers/worker-pool.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun, summarizedOutputs } from '../../models/engine/summarize-run.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { ENGINE_VERSION } from '../../models/formula/compile-case.ts';
import { IN_THREAD, runCase } from '../../models/pipeline/index.ts';
import { breakEvenAnalysis, compareCases, sobolAnalysis, tornadoAnalysis } from '../../models/analysis/index.ts';
import {
  buildQueueApp,
  call,
  closeSandbox,
  loadFixture,
  openSandbox,
  QUEUE_SKIP_REASON,
  regateAll,
  sameFigures,
  stored,
  type QueueSandbox,
  startWorker,
  stopWorker,
  until,
  type WorkerProcess,
} from './queue-harness.ts';

// Queue mode end to end: real `valuegate worker` processes (1, then 2, then 3, reused across the tests) on
// PostgreSQL, the API built in-process. Sizes are small where the property does not depend on size: a run of
// 30,000 trials is 8 chunks, so 4,096-trial shards give 8 shards and 12,288-trial shards give 3 (one short).

const enabled = Boolean(process.env.TEST_DATABASE_URL);
const suite = enabled ? describe : describe.skip;
const FIXTURES = ['contact-center-assistant', 'document-processing'] as const;
const SAMPLINGS = ['mc', 'lhs'] as const;
const TRIALS = 30_000;

type Summary = Record<string, unknown>;

suite(enabled ? 'queue mode on pg-boss' : `queue mode on pg-boss (${QUEUE_SKIP_REASON})`, () => {
  let sandbox: QueueSandbox;
  const workers: WorkerProcess[] = [];
  let small: Awaited<ReturnType<typeof buildQueueApp>>;
  let large: Awaited<ReturnType<typeof buildQueueApp>>;
  const cases = new Map<string, { id: string; document: unknown }>();
  const expected = new Map<string, { summary: unknown; point: unknown; hashes: Record<string, string> }>();

  beforeAll(async () => {
    sandbox = await openSandbox('vgq_modes', { VALUEGATE_SHARD_TRIALS: '4096', VALUEGATE_REGATE_CRON: '0 3 * * *' });
    workers.push(await startWorker(sandbox));
    small = await buildQueueApp(sandbox);
    large = await buildQueueApp(sandbox, { shardTrials: 12_288 });
    for (const fixture of FIXTURES) {
      const record = await loadFixture(sandbox.db, fixture);
      cases.set(fixture, { id: record.id, document: record.document });
      const validated = validateCase(record.document);
      if (!validated.ok) throw new Error('fixture invalid');
      for (const sampling of SAMPLINGS) {
        // The in-process reference: what the pipeline does on the calling thread (simulate, summarise, point estimate),
        // keeping the columns for their hashes.
        const columns = simulate(validated.model, { trials: TRIALS, seed: 5, sampling });
        const hashes = Object.fromEntries(summarizedOutputs(validated.model).map(({ id }) => [id, columnHash(columns.outputs[id])]));
        const summary = stored(summarizeRun(validated.model, columns));
        expected.set(`${fixture}:${sampling}`, { summary, point: stored(pointEstimate(validated.case)), hashes });
      }
    }
  }, 60_000);

  afterAll(async () => {
    await small?.close();
    await large?.close();
    await Promise.all(workers.map(stopWorker));
    if (sandbox) await closeSandbox(sandbox);
  });

  it.each([1, 2, 3])(
    'with %i worker process(es), every sharded run equals the in-process run bit for bit',
    async (count) => {
      while (workers.length < count) workers.push(await startWorker(sandbox));
      const runs = FIXTURES.flatMap((fixture) => SAMPLINGS.flatMap((sampling) => [small, large].map((api) => ({ fixture, sampling, api }))));
      const finished = await Promise.all(
        runs.map(async ({ fixture, sampling, api }) => {
          const response = await call(api.app, 'POST', `/api/cases/${cases.get(fixture)!.id}/runs?wait=true`, { trials: TRIALS, seed: 5, sampling });
          return { fixture, sampling, body: (await response.json()) as Summary };
        }),
      );
      for (const { fixture, sampling, body } of finished) {
        expect(body.status, `${fixture} ${sampling}: ${String(body.error)}`).toBe('succeeded');
        const reference = expected.get(`${fixture}:${sampling}`)!;
        expect(sameFigures(body.summary, reference.summary)).toBeNull();
        expect(sameFigures(body.pointEstimate, reference.point)).toBeNull();
        const { rows } = await sandbox.db.query<{ column_hashes: Record<string, string> }>('SELECT column_hashes FROM run_plans WHERE run_id = $1', [body.id]);
        expect(rows[0].column_hashes).toEqual(reference.hashes);
      }
      const { rows } = await sandbox.db.query<{ workers: string; shards: string; counted: string }>(
        `SELECT count(DISTINCT worker) AS workers, count(*) AS shards, sum(trials_done) AS counted FROM run_shards WHERE run_id = ANY($1::uuid[])`,
        [finished.map(({ body }) => body.id)],
      );
      // 8 runs: 4 of 8 shards and 4 of 3; every shard's trials counted once.
      expect(Number(rows[0].shards)).toBe(4 * 8 + 4 * 3);
      expect(Number(rows[0].counted)).toBe(8 * TRIALS);
      if (count > 1) expect(Number(rows[0].workers)).toBeGreaterThan(1);
    },
    60_000,
  );

  it('a run of one shard is summarised where it ran, with the same bits, nothing stored', async () => {
    const { id, document } = cases.get('document-processing')!;
    const validated = validateCase(document);
    if (!validated.ok) throw new Error('invalid');
    const body = (await (await call(small.app, 'POST', `/api/cases/${id}/runs?wait=true`, { trials: 4000, seed: 8, sampling: 'lhs' })).json()) as Record<
      string,
      unknown
    >;
    expect(body.status).toBe('succeeded');
    const single = simulate(validated.model, { trials: 4000, seed: 8, sampling: 'lhs' });
    expect(sameFigures(body.summary, stored(summarizeRun(validated.model, single)))).toBeNull();
    const { rows } = await sandbox.db.query<{ stored: boolean; trials_done: number }>(
      'SELECT data IS NOT NULL AS stored, trials_done FROM run_shards WHERE run_id = $1',
      [body.id],
    );
    expect(rows).toEqual([{ stored: false, trials_done: 4000 }]);
  });

  it('precision control doubles step by step, as the in-process pipeline does', async () => {
    const { id, document } = cases.get('contact-center-assistant')!;
    // A target the first steps miss: 16,384, 32,768, then the ceiling of 40,000 trials.
    const request = { trials: 40_000, seed: 9, sampling: 'lhs' as const, precision: { relativeHalfWidth: 0.001 } };
    const body = (await (await call(small.app, 'POST', `/api/cases/${id}/runs?wait=true`, request)).json()) as {
      status: string;
      summary: { precision: { runs: number[] } };
    };
    expect(body.status).toBe('succeeded');
    const reference = await runCase(document, { ...request, precision: { relativeHalfWidth: 0.001, output: 'npv' } }, IN_THREAD);
    expect(body.summary.precision.runs).toEqual([16_384, 32_768, 40_000]);
    expect(sameFigures(body.summary, stored(reference.summary))).toBeNull();
  }, 30_000);

  it('analyses queued on the workers (Sobol, tornado, break-even) and a comparison equal the in-process ones', async () => {
    const { id, document } = cases.get('contact-center-assistant')!;
    const run = (await (await call(small.app, 'POST', `/api/cases/${id}/runs?wait=true`, { trials: 8192, seed: 5, sampling: 'lhs' })).json()) as { id: string };
    const validated = validateCase(document);
    if (!validated.ok) throw new Error('invalid');
    const references = {
      sobol: sobolAnalysis(validated.model, { baseSamples: 256, seed: 5 }),
      tornado: tornadoAnalysis(validated.model, {}),
      breakeven: breakEvenAnalysis(validated.model, { seed: 5 }),
    };
    for (const [kind, reference] of Object.entries(references)) {
      const body = { kind, ...(kind === 'sobol' ? { baseSamples: 256 } : {}) };
      const response = await call(small.app, 'POST', `/api/runs/${run.id}/analyses`, body);
      expect(response.status, kind).toBe(201);
      expect(sameFigures(((await response.json()) as { result: unknown }).result, stored(reference)), kind).toBeNull();
    }
    const other = cases.get('document-processing')!;
    const compared = await call(small.app, 'POST', '/api/compare', { a: { caseId: id }, b: { caseId: other.id }, trials: 5000, seed: 3, exchangeRate: 1.17 });
    expect(compared.status).toBe(200);
    const b = validateCase(other.document);
    if (!b.ok) throw new Error('invalid');
    const settings = { trials: 5000, seed: 3, sampling: 'lhs' as const, representativenessFactors: REPRESENTATIVENESS_FACTORS };
    const currency = (doc: unknown): string => (doc as { currency: string }).currency;
    const money = { currencyA: currency(document), currencyB: currency(other.document), exchangeRate: 1.17 };
    const reference = compareCases(validated.model, b.model, settings, 'npv', money);
    expect(sameFigures(await compared.json(), stored(reference))).toBeNull();
  }, 30_000);

  it('a shard delivered twice (a retry after a kill, then a duplicate) leaves the result unchanged', async () => {
    const { id, document } = cases.get('contact-center-assistant')!;
    const settings = { trials: TRIALS, seed: 5, sampling: 'lhs' as const, representativenessFactors: REPRESENTATIVENESS_FACTORS };
    const record = await insertRun(sandbox.db, { caseId: id, caseVersion: 1, caseHash: 'test', settings, engineVersion: ENGINE_VERSION, createdBy: 'test' });
    const config = { ...sandbox.config, shardTrials: 12_288 };
    await planRun(sandbox.db, { runId: record.id, caseId: id, caseVersion: 1, settings }, config);
    const boss = await openBoss(sandbox.baseUrl.replace(/\?.*$/, ''), { ...config, schema: sandbox.bossSchema }, { supervise: false, schedule: false });
    // The shard runs on the calling thread here: what is tested is the storage of repeated deliveries, not the threads.
    const pool = {
      submit: (request: JobRequest) => {
        const shardRequest = request as Extract<JobRequest, { type: 'shard' }>;
        const { model } = validateCase(shardRequest.document) as { model: CompiledModel };
        const data = runShard(model, simulationEnv(shardRequest.env), shardRequest);
        return { result: Promise.resolve({ data }), cancel: () => undefined, state: () => 'finished' as const };
      },
    } as Pick<WorkerPool, 'submit'>;
    const context = { db: sandbox.db, boss, config, pool, workerId: 'test', documentOf: async () => document };
    const shard = (index: number) => ({
      runId: record.id,
      caseId: id,
      caseVersion: 1,
      step: 0,
      shard: index,
      ...settings,
      firstChunk: index * 3,
      lastChunk: Math.min(8, index * 3 + 3),
    });
    try {
      // A first attempt at shard 1 died after 5,000 trials (kill -9): its retry starts the shard's count again from 0.
      expect(await claimShard(sandbox.db, record.id, 0, 1, 'killed-worker')).toBeNull();
      await reportShardProgress(sandbox.db, record.id, 0, 1, 5000);
      expect(await runShardJob(context, shard(1))).toEqual({ stored: true, summarise: false });
      // Delivered again after it was stored: nothing is run or added twice.
      expect(await runShardJob(context, shard(1))).toEqual({ dropped: 'already stored (a second delivery)' });
      await runShardJob(context, shard(0));
      expect(await runShardJob(context, shard(2))).toEqual({ stored: true, summarise: true });
      const done = await until(
        async () => {
          const run = await getRun(sandbox.db, record.id);
          return run?.status === 'succeeded' && run;
        },
        20_000,
        'the summary',
      );
      expect(sameFigures(stored(done.summary), expected.get('contact-center-assistant:lhs')!.summary)).toBeNull();
      // A late duplicate after the run ended is dropped.
      expect(await runShardJob(context, shard(1))).toEqual({ dropped: 'the run is no longer running' });
      const { rows } = await sandbox.db.query<{ counted: string }>('SELECT sum(trials_done) AS counted FROM run_shards WHERE run_id = $1', [record.id]);
      expect(Number(rows[0].counted)).toBe(TRIALS);
      const attempts = await sandbox.db.query<{ attempts: number }>('SELECT attempts FROM run_shards WHERE run_id = $1 AND shard = 1', [record.id]);
      expect(attempts.rows[0].attempts).toBe(2);
    } finally {
      await boss.stop({ graceful: false, wait: false });
    }
  }, 30_000);

  it("streams the shards' progress and the final status over the run's SSE endpoint", async () => {
    const response = await call(small.app, 'POST', `/api/cases/${cases.get('document-processing')!.id}/runs`, { trials: 60_000, seed: 2, sampling: 'mc' });
    const run = (await response.json()) as { id: string };
    const events = await call(small.app, 'GET', `/api/runs/${run.id}/events`);
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!/event: status\ndata: \{"status":"(succeeded|failed|cancelled)"\}/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    expect(text).toMatch(/event: status\ndata: \{"status":"succeeded"\}/);
    const progress = [...text.matchAll(/event: progress\ndata: (\{[^\n]*\})/g)].map((match) => JSON.parse(match[1]) as { done: number; total: number });
    // Progress, if the run lasted long enough to be seen, counts each shard's trials once: never beyond the total.
    for (const event of progress) expect(event.done).toBeLessThanOrEqual(event.total);
    expect(progress.every((event, index) => index === 0 || event.done >= progress[index - 1].done)).toBe(true);
  }, 30_000);

  it('a failure caused by the case fails the run once, without retries', async () => {
    const record = await loadFixture(sandbox.db, 'contact-center-assistant', 'broken on the worker');
    const settings = { trials: 20_000, seed: 1, sampling: 'lhs' as const, representativenessFactors: REPRESENTATIVENESS_FACTORS };
    const run = await insertRun(sandbox.db, {
      caseId: record.id,
      caseVersion: 1,
      caseHash: 'test',
      settings,
      engineVersion: ENGINE_VERSION,
      createdBy: 'test',
    });
    await planRun(sandbox.db, { runId: run.id, caseId: record.id, caseVersion: 1, settings }, sandbox.config);
    // The stored version no longer validates (as if written by a newer format): every shard fails for the case, not the machine.
    await sandbox.db.query(`UPDATE case_versions SET document = '{"formatVersion": 1, "name": "broken"}' WHERE case_id = $1`, [record.id]);
    const boss = await openBoss(sandbox.baseUrl, sandbox.config, { supervise: false, schedule: false });
    try {
      await enqueueStep(boss, sandbox.db, { runId: run.id, caseId: record.id, caseVersion: 1, settings }, 0, settings.trials, sandbox.config);
      const failed = await until(
        async () => {
          const current = await getRun(sandbox.db, run.id);
          return current?.status === 'failed' && current;
        },
        20_000,
        'the run to fail',
      );
      expect(failed.error).toBe('the case is invalid');
      const jobs = await until(
        async () => {
          const { rows } = await sandbox.db.query<{ state: string; retry_count: number }>(
            `SELECT state, retry_count FROM "${sandbox.bossSchema}".job WHERE data->>'runId' = $1`,
            [run.id],
          );
          return rows.every((row) => row.state === 'completed' || row.state === 'cancelled') && rows;
        },
        10_000,
        'every shard job to end',
      );
      expect(jobs.length).toBe(5);
      expect(jobs.map((job) => job.retry_count)).toEqual([0, 0, 0, 0, 0]);
    } finally {
      await boss.stop({ graceful: false, wait: false });
    }
  }, 30_000);

  it('a cancelled run stops within 2 s and leaves no active jobs', async () => {
    // 1M trials in 245 shards of 4,096: long enough (seconds on 3 workers) that the cancel lands mid-run.
    const response = await call(small.app, 'POST', `/api/cases/${cases.get('document-processing')!.id}/runs`, { trials: 1_000_000, seed: 1, sampling: 'mc' });
    const run = (await response.json()) as { id: string };
    await until(async () => ((await getRun(sandbox.db, run.id))?.progress.done ?? 0) > 0, 20_000, 'progress');
    const cancelled = performance.now();
    expect((await call(small.app, 'POST', `/api/runs/${run.id}/cancel`)).status).toBe(202);
    await until(
      async () => {
        const { rows } = await sandbox.db.query<{ live: string }>(
          `SELECT count(*) AS live FROM "${sandbox.bossSchema}".job WHERE data->>'runId' = $1 AND state IN ('created', 'retry', 'active')`,
          [run.id],
        );
        return Number(rows[0].live) === 0;
      },
      2000,
      'no active or queued jobs of the cancelled run',
    );
    expect(performance.now() - cancelled).toBeLessThan(2000);
    const after = await getRun(sandbox.db, run.id);
    expect(after?.status).toBe('cancelled');
    expect(after?.progress.done).toBeLessThan(1_000_000);
  }, 30_000);

  it('re-gates only the cases whose case version or engine version changed, and records what changed', async () => {
    type Regated = { cases: { caseId: string; changes: { what: string }[]; status: string; recommendation: string }[] };
    const regate = async (): Promise<Regated> => {
      const { code, output } = await regateAll<Regated>(sandbox);
      expect(code).toBe(0);
      return output;
    };
    const first = await regate();
    // Every active case is gated once (none had a gate).
    expect(first.cases.map((item) => item.changes[0].what)).toEqual(first.cases.map(() => 'no gate yet'));
    expect(first.cases.every((item) => item.status === 'succeeded' && item.recommendation)).toBe(true);
    expect((await regate()).cases).toEqual([]);
    // Case A gets a new version; case B's last gate was made by another engine; the rest are unchanged.
    const [a, b] = FIXTURES.map((fixture) => cases.get(fixture)!);
    const document = JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8')) as { name: string };
    document.name = 'Contact-center assistant (revised)';
    const parsed = validateCase(document);
    if (!parsed.ok) throw new Error('invalid');
    expect((await updateCase(sandbox.db, a.id, 1, document, parsed.case, 'test')).kind).toBe('updated');
    await sandbox.db.query(
      `UPDATE runs SET engine_version = '0.0.1' WHERE id = (SELECT a.run_id FROM analyses a JOIN runs r ON r.id = a.run_id WHERE r.case_id = $1 AND a.kind = 'gate' ORDER BY a.created_at DESC LIMIT 1)`,
      [b.id],
    );
    const second = await regate();
    const changed = Object.fromEntries(second.cases.map((item) => [item.caseId, item.changes]));
    expect(changed).toEqual({
      [a.id]: [{ what: 'case version', from: 1, to: 2 }],
      [b.id]: [{ what: 'engine version', from: '0.0.1', to: ENGINE_VERSION }],
    });
    // The gate analysis says what changed and what it recommended before.
    const { rows } = await sandbox.db.query<{ params: { regate: { changes: unknown[]; previousRecommendation: string } } }>(
      `SELECT a.params FROM analyses a JOIN runs r ON r.id = a.run_id WHERE r.case_id = $1 AND a.kind = 'gate' ORDER BY a.created_at DESC LIMIT 1`,
      [a.id],
    );
    expect(rows[0].params.regate.changes).toEqual([{ what: 'case version', from: 1, to: 2 }]);
    expect(rows[0].params.regate.previousRecommendation).toBe(first.cases.find((item) => item.caseId === a.id)!.recommendation);
  }, 60_000);

  it('GET /api/health reports the queue: nothing queued or active, the workers seen in the last minute', async () => {
    const health = (await (await call(small.app, 'GET', '/api/health')).json()) as { queue: Record<string, unknown> };
    expect(health.queue).toMatchObject({ kind: 'pgboss', queued: 0, active: 0, workers: 3, threads: 3 });
  });

  it('registers the re-gate schedule from VALUEGATE_REGATE_CRON, and its job re-gates what is stale', async () => {
    const { rows } = await sandbox.db.query<{ cron: string }>(`SELECT cron FROM "${sandbox.bossSchema}".schedule WHERE name = $1`, [QUEUES.regate]);
    expect(rows).toEqual([{ cron: '0 3 * * *' }]);
    // What the schedule sends at 03:00, sent now: every case was just re-gated, so it queues none.
    const boss = await openBoss(sandbox.baseUrl, sandbox.config, { supervise: false, schedule: false });
    try {
      const jobId = await boss.send(QUEUES.regate, { reason: 'schedule' });
      const job = await until(
        async () => {
          const found = await boss.getJobById(QUEUES.regate, jobId!);
          return found?.state === 'completed' && found;
        },
        10_000,
        'the scheduled re-gate',
      );
      expect(job.output).toEqual({ queued: 0 });
    } finally {
      await boss.stop({ graceful: false, wait: false });
    }
  });

  it("weighs a case's evidence by the portfolio's representativeness factors, as the in-process run does, and a factor change re-gates", async () => {
    const record = await loadFixture(sandbox.db, 'contact-center-assistant-measured', 'measured, queued');
    const factors = { production: 1, similar: 0.5, curated: 1 };
    const reference = (weights: typeof factors) => {
      const validated = validateCase(record.document, { representativenessFactors: weights });
      if (!validated.ok) throw new Error('fixture invalid');
      return stored(summarizeRun(validated.model, simulate(validated.model, { trials: TRIALS, seed: 5, sampling: 'lhs' })));
    };
    const rules = await call(small.app, 'PUT', '/api/portfolio/rules', { representativenessFactors: factors });
    expect(rules.status).toBe(200);
    const response = await call(small.app, 'POST', `/api/cases/${record.id}/runs?wait=true`, { trials: TRIALS, seed: 5, sampling: 'lhs' });
    const body = (await response.json()) as Summary;
    expect(body.status, String(body.error)).toBe('succeeded');
    expect(body.representativenessFactors).toEqual(factors);
    expect(sameFigures(body.summary, reference(factors))).toBeNull();
    // The factor matters for this case: at the defaults the figures differ.
    expect(sameFigures(body.summary, reference(REPRESENTATIVENESS_FACTORS))).not.toBeNull();
    // The factors are part of the rules a gate rests on: every other case is now stale.
    const { code, output } = await regateAll<{ cases: { caseId: string; changes: { what: string }[] }[] }>(sandbox);
    expect(code).toBe(0);
    const fixtureIds = FIXTURES.map((fixture) => cases.get(fixture)!.id);
    for (const id of fixtureIds) expect(output.cases.find((item) => item.caseId === id)?.changes.map((change) => change.what)).toContain('rules');
  }, 60_000);
});
