import { REPRESENTATIVENESS_FACTORS } from '../../models/evidence/representativeness-factors.ts';
// `npm run bench:queue`: queue mode (pg-boss) against in-process threads on this machine (needs TEST_DATABASE_URL;
// works in its own schemas of the vg_pgboss database). Prints one JSON line per measurement:
//   - a run of 100k, 1M and 10M trials: in-process (the embedded server's path: one warm worker thread runs the whole
//     run) and queued with 1 and 2 `valuegate worker` processes of one thread each (median wall of REPEATS, 10M once);
//   - per-shard overhead: 1M trials in 4,096-trial shards against 262,144-trial shards, on one worker;
//   - pg-boss's job rate: empty jobs sent and completed by one consumer;
//   - a re-gate of CASES cases (copies of the fixtures with varied seeds) at 20,000 trials with 1 and 2 workers;
//   - analyses (Sobol N = 65,536 or SOBOL_N, a 200,000-trial comparison (the route's most), break-even): in-process, queued whole on one worker
//     (VALUEGATE_ANALYSIS_MAX_SHARDS=1) and split into shards on 1 and 2 workers (SKIP_ANALYSES=1 leaves them out).
// The load average is printed with each line: other processes share the cores.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { median } from 'simple-statistics';
import { openBoss } from '../../api/queue/open-boss.ts';
import { queueRegate } from '../../api/queue/regate-handlers.ts';
import { drain } from '../../api/queue/queue-worker.ts';
import { WorkerPool } from '../../api/workers/worker-pool.ts';
import type { JobRequest } from '../../api/jobs/job-types.ts';
import {
  buildQueueApp,
  call,
  closeSandbox,
  loadFixture,
  openSandbox,
  type QueueSandbox,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from '../queue/queue-harness.ts';

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
process.env.VALUEGATE_MAX_JOB_COST = String(1e12);
const REPEATS = Number(process.env.REPEATS ?? 3);
const CASES = Number(process.env.CASES ?? 200);
const SIZES = (process.env.SIZES ?? '100000,1000000,10000000').split(',').map(Number);
const SOBOL_N = Number(process.env.SOBOL_N ?? 65_536);

const load = (): number => Number(loadavg()[0].toFixed(1));
const print = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify({ ...line, loadAverage: load() })}\n`);
const seconds = (ms: number): number => Number((ms / 1000).toFixed(3));

/** A process's peak resident memory (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function repeat(times: number, work: () => Promise<unknown>): Promise<number> {
  const walls: number[] = [];
  for (let i = 0; i < times; i++) walls.push(await timed(work));
  return median(walls);
}

async function queuedRun(api: Awaited<ReturnType<typeof buildQueueApp>>, caseId: string, trials: number): Promise<void> {
  const response = await call(api.app, 'POST', `/api/cases/${caseId}/runs?wait=true`, { trials, seed: 1, sampling: 'lhs' });
  const body = (await response.json()) as { status: string; error?: string };
  if (body.status !== 'succeeded') throw new Error(`the queued run ${body.status}: ${body.error}`);
}

async function runOverhead(sandbox: QueueSandbox, workers: WorkerProcess[]): Promise<void> {
  const record = await loadFixture(sandbox.db, 'contact-center-assistant', 'bench');
  const pool = new WorkerPool({ workers: 1, maxConcurrent: 1 });
  const inProcess = new Map<number, number>();
  for (const trials of SIZES) {
    const times = trials >= 10_000_000 ? 1 : REPEATS;
    await pool.submit({
      type: 'simulate',
      document: record.document,
      settings: { trials: 10_000, seed: 1, sampling: 'lhs', representativenessFactors: REPRESENTATIVENESS_FACTORS },
    }).result;
    const wall = await repeat(
      times,
      () =>
        pool.submit({
          type: 'simulate',
          document: record.document,
          settings: { trials, seed: 1, sampling: 'lhs', representativenessFactors: REPRESENTATIVENESS_FACTORS },
        }).result,
    );
    inProcess.set(trials, wall);
    print({ measurement: 'run', mode: 'in-process (1 thread)', trials, medianSeconds: seconds(wall), repeats: times });
  }
  await pool.close();
  const api = await buildQueueApp(sandbox);
  for (const count of [1, 2]) {
    while (workers.length < count) workers.push(await startWorker(sandbox));
    await queuedRun(api, record.id, 20_000);
    for (const trials of SIZES) {
      const times = trials >= 10_000_000 ? 1 : REPEATS;
      const wall = await repeat(times, () => queuedRun(api, record.id, trials));
      print({
        measurement: 'run',
        mode: `queue, ${count} worker process${count > 1 ? 'es' : ''}`,
        trials,
        shardTrials: sandbox.config.shardTrials,
        medianSeconds: seconds(wall),
        ratioToInProcess: Number((wall / inProcess.get(trials)!).toFixed(2)),
        repeats: times,
        // Peak RSS of each worker process so far (shards, and the summaries of every run up to this size).
        workerPeakRssMb: workers.map((worker) => peakRssMb(worker.pid)),
      });
    }
  }
  await stopWorker(workers.pop()!);
  // Per-shard overhead: the same 1M trials in 245 small shards and in 4 large ones, on one worker.
  const smallShards = await buildQueueApp(sandbox, { shardTrials: 4096 });
  const largeShards = await buildQueueApp(sandbox, { shardTrials: 262_144 });
  const small = await repeat(REPEATS, () => queuedRun(smallShards, record.id, 1_000_000));
  const large = await repeat(REPEATS, () => queuedRun(largeShards, record.id, 1_000_000));
  print({
    measurement: 'per-shard overhead',
    trials: 1_000_000,
    smallShards: { shardTrials: 4096, shards: 245, medianSeconds: seconds(small) },
    largeShards: { shardTrials: 262_144, shards: 4, medianSeconds: seconds(large) },
    perShardMs: Number(((small - large) / (245 - 4)).toFixed(1)),
  });
  await Promise.all([api.close(), smallShards.close(), largeShards.close()]);
}

async function jobRate(sandbox: QueueSandbox): Promise<void> {
  const boss = await openBoss(sandbox.baseUrl, sandbox.config, { supervise: false, schedule: false });
  const name = 'valuegate-bench';
  await boss.createQueue(name, { name });
  const jobs = 2000;
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started = performance.now();
  await boss.insert(Array.from({ length: jobs }, (_, i) => ({ name, data: { i } })));
  const inserted = performance.now() - started;
  await drain(boss, name, async () => {
    if (++done === jobs) finish();
  });
  await finished;
  const wall = performance.now() - started;
  print({ measurement: 'pg-boss job rate', jobs, insertSeconds: seconds(inserted), oneConsumerJobsPerSecond: Math.round(jobs / ((wall - inserted) / 1000)) });
  await boss.stop({ graceful: false, wait: false });
}

async function regateRate(sandbox: QueueSandbox, workers: WorkerProcess[]): Promise<void> {
  const fixtures = ['contact-center-assistant', 'document-processing', 'supplier-email-triage', 'finance-cost-anomaly'];
  for (let i = 0; i < CASES; i++) {
    const record = await loadFixture(sandbox.db, fixtures[i % fixtures.length], `regate bench ${i}`);
    // Varied seeds: each copy's own simulation seed.
    const document = { ...(record.document as object), simulation: { seed: 1000 + i } };
    await sandbox.db.query('UPDATE case_versions SET document = $2 WHERE case_id = $1', [record.id, JSON.stringify(document)]);
  }
  const boss = await openBoss(sandbox.baseUrl, sandbox.config, { supervise: false, schedule: false });
  for (const count of [1, 2]) {
    while (workers.length < count) workers.push(await startWorker(sandbox));
    // Make every case stale: its last gate "made by another engine".
    await sandbox.db.query(`UPDATE runs SET engine_version = 'bench-old' WHERE id IN (SELECT run_id FROM analyses WHERE kind = 'gate')`);
    const since = (await sandbox.db.query<{ now: Date }>('SELECT now() AS now')).rows[0].now;
    const started = performance.now();
    const targets = await queueRegate(sandbox.db, boss, sandbox.config, { reason: 'cli', trials: 20_000 });
    for (;;) {
      const { rows } = await sandbox.db.query<{ count: string }>('SELECT count(*) AS count FROM regates WHERE created_at >= $1', [since]);
      if (Number(rows[0].count) >= targets.length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const wall = performance.now() - started;
    print({
      measurement: 're-gate',
      workers: count,
      cases: targets.length,
      trials: 20_000,
      wallSeconds: seconds(wall),
      casesPerSecond: Number((targets.length / (wall / 1000)).toFixed(2)),
    });
  }
  await boss.stop({ graceful: false, wait: false });
}

/** The analyses measured: what the API queues for each (the run's settings: 20,000 LHS trials, seed 1). */
function analysisRequests(documents: {
  a: unknown;
  b: unknown;
}): Array<{ name: string; request: JobRequest; route: (runId: string, a: string, b: string) => [string, object] }> {
  const settings = { trials: 20_000, seed: 1, sampling: 'lhs' as const, representativenessFactors: REPRESENTATIVENESS_FACTORS };
  const analysis = (kind: 'sobol' | 'breakeven', params: object): JobRequest => ({
    type: 'analysis',
    document: documents.a,
    settings,
    kind,
    params,
    today: '2027-01-01',
  });
  const compareSettings = { ...settings, trials: 200_000 };
  return [
    {
      name: `sobol N=${SOBOL_N}`,
      request: analysis('sobol', { baseSamples: SOBOL_N }),
      route: (run) => [`/api/runs/${run}/analyses`, { kind: 'sobol', baseSamples: SOBOL_N }],
    },
    { name: 'breakeven', request: analysis('breakeven', {}), route: (run) => [`/api/runs/${run}/analyses`, { kind: 'breakeven' }] },
    {
      name: 'compare 200k trials',
      request: { type: 'compare', a: documents.a, b: documents.b, settings: compareSettings, output: 'npv', money: { currencyA: 'EUR', currencyB: 'EUR' } },
      route: (_run, a, b) => ['/api/compare', { a: { caseId: a }, b: { caseId: b }, trials: 200_000, seed: 1, sampling: 'lhs' }],
    },
  ];
}

async function analysisOverhead(sandbox: QueueSandbox, workers: WorkerProcess[]): Promise<void> {
  const a = await loadFixture(sandbox.db, 'contact-center-assistant', 'bench analyses A');
  const b = await loadFixture(sandbox.db, 'supplier-email-triage', 'bench analyses B');
  const requests = analysisRequests({ a: a.document, b: b.document });
  const pool = new WorkerPool({ workers: 1, maxConcurrent: 1 });
  const inProcess = new Map<string, number>();
  for (const { name, request } of requests) {
    await pool.submit(request).result;
    inProcess.set(name, await repeat(REPEATS, () => pool.submit(request).result));
    print({ measurement: 'analysis', name, mode: 'in-process (1 thread)', medianSeconds: seconds(inProcess.get(name)!) });
  }
  await pool.close();
  const api = await buildQueueApp(sandbox);
  let run: { id: string } | undefined;
  const modes: Array<{ label: string; env: Record<string, string>; count: number }> = [
    { label: 'queue, whole, 1 worker process', env: { VALUEGATE_ANALYSIS_MAX_SHARDS: '1' }, count: 1 },
    { label: 'queue, split, 1 worker process', env: {}, count: 1 },
    { label: 'queue, split, 2 worker processes', env: {}, count: 2 },
  ];
  for (const mode of modes) {
    await Promise.all(workers.splice(0).map(stopWorker));
    for (let i = 0; i < mode.count; i++) workers.push(await startWorker({ ...sandbox, env: { ...sandbox.env, ...mode.env } }));
    // The analyses' run, once a worker is there to run it.
    run ??= (await (await call(api.app, 'POST', `/api/cases/${a.id}/runs?wait=true`, { trials: 20_000, seed: 1, sampling: 'lhs' })).json()) as { id: string };
    for (const { name, route } of requests) {
      const [path, body] = route(run.id, a.id, b.id);
      const once = async () => {
        const answer = await call(api.app, 'POST', path, body);
        if (answer.status >= 300) throw new Error(`${name}: ${answer.status} ${await answer.text()}`);
      };
      await once();
      const wall = await repeat(REPEATS, once);
      print({
        measurement: 'analysis',
        name,
        mode: mode.label,
        medianSeconds: seconds(wall),
        ratioToInProcess: Number((wall / inProcess.get(name)!).toFixed(2)),
      });
    }
  }
  await Promise.all(workers.splice(0).map(stopWorker));
  await api.close();
}

const sandbox = await openSandbox('bench_queue');
const workers: WorkerProcess[] = [];
try {
  await jobRate(sandbox);
  if (process.env.SKIP_RUNS !== '1') await runOverhead(sandbox, workers);
  if (CASES > 0) await regateRate(sandbox, workers);
  if (process.env.SKIP_ANALYSES !== '1') await analysisOverhead(sandbox, workers);
} finally {
  await Promise.all(workers.map(stopWorker));
  await closeSandbox(sandbox);
}
