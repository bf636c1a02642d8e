import type { RepresentativenessFactors } from '../../models/evidence/representativeness-factors.ts';
import { precisionSchedule } from '../../models/engine/precision-target.ts';
import { shardRanges } from '../../models/engine/run-shard.ts';
import type { RunSettings } from '../jobs/job-types.ts';
import type { Queryable } from '../storage/database.ts';
import { QUEUES } from './open-boss.ts';
import type { QueueConfig } from './queue-config.ts';
import { insertPlan, insertShards, setShardJobs } from './shard-store.ts';
import type PgBoss from 'pg-boss';

/** What a shard job carries: enough to run it without reading the plan. */
export interface ShardJobData {
  runId: string;
  caseId: string;
  caseVersion: number;
  step: number;
  shard: number;
  trials: number;
  seed: number;
  sampling: 'mc' | 'lhs';
  firstChunk: number;
  lastChunk: number;
  /** The run's representativeness factors (left out by jobs queued before they were carried: the defaults). */
  representativenessFactors?: RepresentativenessFactors;
}

/** The run a shard job belongs to, as the planner knows it. */
export interface PlannedRun {
  runId: string;
  caseId: string;
  caseVersion: number;
  settings: RunSettings;
}

/**
 * The trials of a run's first step: the run's size, or with precision control the first
 * size of its doubling schedule (as models/pipeline/run-case.ts runs it).
 *
 * @example
 * firstStepTrials({ trials: 100_000, precision: { relativeHalfWidth: 0.01 } } as RunSettings) // 16384
 */
export function firstStepTrials(settings: RunSettings): number {
  return settings.precision ? precisionSchedule(settings.trials)[0] : settings.trials;
}

/**
 * Records the plan of a run's first step and its shards (in the caller's transaction).
 *
 * @example
 * await planRun(tx, run, config);
 */
export async function planRun(db: Queryable, run: PlannedRun, config: QueueConfig): Promise<void> {
  const stepTrials = firstStepTrials(run.settings);
  const ranges = shardRanges(stepTrials, config.shardTrials);
  await insertPlan(
    db,
    { runId: run.runId, settings: run.settings, step: 0, stepTrials, shardTrials: config.shardTrials, shardCount: ranges.length, previousPrecision: null },
    ranges,
  );
}

/**
 * Queues a step's shards on pg-boss (after its plan is committed) and records their job ids.
 *
 * @example
 * await enqueueStep(boss, db, run, 0, 1_000_000, config);
 */
export async function enqueueStep(boss: PgBoss, db: Queryable, run: PlannedRun, step: number, stepTrials: number, config: QueueConfig): Promise<void> {
  const ranges = shardRanges(stepTrials, config.shardTrials);
  const jobs = ranges.map(
    (range, shard): PgBoss.JobInsert => ({
      name: QUEUES.shard,
      data: {
        runId: run.runId,
        caseId: run.caseId,
        caseVersion: run.caseVersion,
        step,
        shard,
        trials: stepTrials,
        seed: run.settings.seed,
        sampling: run.settings.sampling,
        representativenessFactors: run.settings.representativenessFactors,
        firstChunk: range.firstChunk,
        lastChunk: range.lastChunk,
      } satisfies ShardJobData,
      // Ids chosen here, so cancel can drop the shards still queued.
      id: crypto.randomUUID(),
      expireInSeconds: config.shardExpireSeconds,
      retryLimit: config.retries,
      retryDelay: 1,
      singletonKey: `${run.runId}:${step}:${shard}`,
    }),
  );
  await boss.insert(jobs);
  await setShardJobs(
    db,
    run.runId,
    step,
    jobs.map((job) => job.id ?? null),
  );
}

/** Plans the next precision step's shards (the caller advanced the plan). */
export async function planStep(db: Queryable, runId: string, step: number, stepTrials: number, config: QueueConfig): Promise<void> {
  await insertShards(db, runId, step, shardRanges(stepTrials, config.shardTrials));
}
