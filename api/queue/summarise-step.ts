import { createHash } from 'node:crypto';
import { validateCase } from '../../models/compile/validate-case.ts';
import { resolveFactors } from '../../models/evidence/representativeness-factors.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { precisionSchedule, precisionStep, type PrecisionReport } from '../../models/engine/precision-target.ts';
import { assembleFromTails, shardRanges } from '../../models/engine/run-shard.ts';
import { simulationEnv } from '../../models/engine/simulation-env.ts';
import { summarizeOutput, type OutputSummary } from '../../models/engine/summarize-output.ts';
import { summarizeRun, summarizedOutputs } from '../../models/engine/summarize-run.ts';
import { resolvePrecisionTarget } from '../../models/pipeline/index.ts';
import { getVersion } from '../services/case-store.ts';
import { markEnded, markSucceeded } from '../services/run-store.ts';
import type { Database } from '../storage/database.ts';
import type PgBoss from 'pg-boss';
import { enqueueStep, planStep } from './plan-run.ts';
import type { QueueConfig } from './queue-config.ts';
import { advancePlan, dropShards, getPlan, listShards, readColumn, readTails, runStatus } from './shard-store.ts';

/**
 * sha256 of a per-trial column's bytes (float64, little-endian), as hex.
 *
 * @example
 * columnHash(simulate(model, env).outputs.npv) // the hash a queued run of the same settings records
 */
export function columnHash(column: Float64Array): string {
  return createHash('sha256')
    .update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength))
    .digest('hex');
}

/** A summarise job: one step of one run, all of whose shards are stored. */
export interface SummariseJobData {
  runId: string;
  caseId: string;
  caseVersion: number;
  step: number;
}

/**
 * Summarises a run's step from its stored shards, once: one output column at a time (read
 * from every shard's bytes), then the accumulators, correlations and fan rows in chunk
 * order, so the summary is the single-process run's to the bit. With precision control it
 * plans and queues the next step instead, as the pipeline's doubling loop would. A stale
 * job (the run ended, the step moved on, a shard is missing) does nothing. `held` is the
 * step's only shard, packed, when the worker that ran it summarises it at once (nothing
 * stored, nothing read back).
 *
 * @example
 * await summariseStep(db, boss, config, { runId, caseId, caseVersion: 2, step: 0 });
 */
export async function summariseStep(
  db: Database,
  boss: PgBoss,
  config: QueueConfig,
  job: SummariseJobData,
  held?: Float64Array,
): Promise<'succeeded' | 'next step' | 'stale'> {
  const status = await runStatus(db, job.runId);
  const plan = await getPlan(db, job.runId);
  if (!plan || (status !== 'queued' && status !== 'running') || plan.step !== job.step) return 'stale';
  const shards = await listShards(db, job.runId, job.step);
  if (!shards.length || (!held && shards.some((shard) => !shard.stored))) return 'stale';
  const version = await getVersion(db, job.caseId, job.caseVersion);
  const validated = version ? validateCase(version.document, { representativenessFactors: resolveFactors(plan.settings.representativenessFactors) }) : null;
  if (!validated?.ok) {
    await markEnded(db, job.runId, 'failed', 'the case version is missing or invalid');
    return 'stale';
  }
  const { model } = validated;
  const env = simulationEnv({ trials: plan.stepTrials, seed: plan.settings.seed, sampling: plan.settings.sampling });
  const outputs = summarizedOutputs(model);
  const summaries: Record<string, OutputSummary> = {};
  const hashes: Record<string, string> = {};
  for (const [index, output] of outputs.entries()) {
    // One column in memory at a time: 80 MB at 10M trials, whatever the number of outputs.
    const column = held
      ? held.subarray(index * plan.stepTrials, (index + 1) * plan.stepTrials)
      : await readColumn(db, job.runId, job.step, plan.stepTrials, index);
    hashes[output.id] = columnHash(column);
    summaries[output.id] = summarizeOutput(column, { distribution: output.distribution });
  }
  const ranges = shardRanges(plan.stepTrials, plan.shardTrials);
  const tails = held ? [held.subarray(outputs.length * plan.stepTrials)] : await readTails(db, job.runId, job.step, plan.stepTrials, outputs.length);
  const summary = summarizeRun(model, assembleFromTails(model, env, ranges, tails), summaries);
  const target = resolvePrecisionTarget(model, plan.settings.precision);
  if (target) {
    const schedule = precisionSchedule(plan.settings.trials);
    const step = precisionStep(summary, target, schedule, (plan.previousPrecision ?? undefined) as PrecisionReport | undefined);
    summary.precision = step.report;
    if (step.next !== null) {
      const shardCount = shardRanges(step.next, plan.shardTrials).length;
      if (!(await advancePlan(db, job.runId, job.step, step.next, shardCount, step.report))) return 'stale';
      await planStep(db, job.runId, job.step + 1, step.next, { ...config, shardTrials: plan.shardTrials });
      const run = { runId: job.runId, caseId: job.caseId, caseVersion: job.caseVersion, settings: plan.settings };
      await enqueueStep(boss, db, run, job.step + 1, step.next, { ...config, shardTrials: plan.shardTrials });
      return 'next step';
    }
  }
  await db.query('UPDATE run_plans SET column_hashes = $2 WHERE run_id = $1', [job.runId, JSON.stringify(hashes)]);
  await markSucceeded(db, job.runId, summary, pointEstimate(validated.case));
  await dropShards(db, job.runId);
  return 'succeeded';
}
