import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { runCase } from '../../models/pipeline/index.ts';
import { DEFAULT_COST_LIMITS } from '../../api/jobs/job-cost.ts';
import { JobError, WorkerPool } from '../../api/workers/worker-pool.ts';
import type { RunSummary } from '../../models/engine/summarize-run.ts';
import { REPRESENTATIVENESS_FACTORS } from '../../models/evidence/representativeness-factors.ts';

const document = JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8'));
const { model } = parseCase(document);
const settings = { trials: 20_000, seed: 42, sampling: 'lhs' as const, representativenessFactors: REPRESENTATIVENESS_FACTORS };
const limits = { global: 32, perToken: 8 };

/** Exact bits of a summary (JSON writes the shortest round-trip form of every double). */
const bits = (summary: unknown): string =>
  JSON.stringify(summary, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));

describe('the one worker pool', () => {
  const pool = new WorkerPool({ workers: 2, maxConcurrent: 1, minTrialsForWorkers: 1, warmUp: false, limits, costs: DEFAULT_COST_LIMITS });
  afterAll(() => pool.close());

  it('runs a queued simulate job with the same bits as the pipeline on the calling thread', async () => {
    const job = pool.submit<{ summary: RunSummary }>({ type: 'simulate', document, settings });
    const inThread = await runCase(document, settings);
    expect(bits((await job.result).summary)).toBe(bits(inThread.summary));
  });

  it('splits one run between the same threads with the same bits as one thread', async () => {
    const split = await pool.run(model, settings);
    const direct = simulate(model, settings);
    expect(bits(await pool.summarize(model, split))).toBe(bits(summarizeRun(model, direct)));
    pool.release(split);
  });

  it('starts queued jobs in the order they came, one at a time under maxConcurrent 1, and cancels a queued one', async () => {
    const started: number[] = [];
    const handles = [0, 1, 2].map((index) =>
      pool.submit({ type: 'simulate', document, settings: { ...settings, trials: 4096 } }, { onStart: () => started.push(index) }),
    );
    expect(pool.load).toEqual({ queued: 2, running: 1 });
    handles[2].cancel();
    await expect(handles[2].result).rejects.toBeInstanceOf(JobError);
    await Promise.all(handles.slice(0, 2).map((handle) => handle.result));
    expect(started).toEqual([0, 1]);
    expect(pool.load).toEqual({ queued: 0, running: 0 });
  });

  it('reports progress of a job and stops a running one between chunks when cancelled', async () => {
    const progress: number[] = [];
    const handle = pool.submit({ type: 'simulate', document, settings: { ...settings, trials: 2_000_000 } }, { onProgress: (done) => progress.push(done) });
    while (progress.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    handle.cancel();
    const error = await handle.result.catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    expect(progress.at(-1)).toBeLessThan(2_000_000);
  });
});
