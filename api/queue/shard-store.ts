import type { ShardRange } from '../../models/engine/run-shard.ts';
import { CHUNK_SIZE } from '../../models/engine/simulation-env.ts';
import type { RunSettings } from '../jobs/job-types.ts';
import type { Queryable } from '../storage/database.ts';

/** A queued run's plan: its settings and the precision step its shards belong to. */
export interface RunPlan {
  runId: string;
  settings: RunSettings;
  step: number;
  stepTrials: number;
  shardTrials: number;
  shardCount: number;
  previousPrecision: unknown;
}

/** A stored shard's place in its run. */
export interface ShardRow extends ShardRange {
  shard: number;
  stored: boolean;
  jobId: string | null;
}

/**
 * Records a run's plan for one step and its shards (not yet run), in one transaction with the run.
 *
 * @example
 * await insertPlan(tx, { runId, settings, step: 0, stepTrials: 1_000_000, shardTrials: 131_072, shardCount: 8, previousPrecision: null }, ranges);
 */
export async function insertPlan(db: Queryable, plan: RunPlan, ranges: ShardRange[]): Promise<void> {
  await db.query(
    `INSERT INTO run_plans (run_id, settings, step, step_trials, shard_trials, shard_count, previous_precision)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [plan.runId, JSON.stringify(plan.settings), plan.step, plan.stepTrials, plan.shardTrials, plan.shardCount, JSON.stringify(plan.previousPrecision ?? null)],
  );
  await insertShards(db, plan.runId, plan.step, ranges);
}

/** The shards of one step, not yet run. */
export async function insertShards(db: Queryable, runId: string, step: number, ranges: ShardRange[]): Promise<void> {
  await db.query(
    `INSERT INTO run_shards (run_id, step, shard, first_chunk, last_chunk)
     SELECT $1, $2, s.i - 1, s.first, s.last FROM unnest($3::int[], $4::int[]) WITH ORDINALITY AS s(first, last, i)`,
    [runId, step, ranges.map((range) => range.firstChunk), ranges.map((range) => range.lastChunk)],
  );
}

/**
 * Moves a run's plan to the next precision step, if it is still at `from` (so only one
 * summariser of a step does it).
 *
 * @example
 * if (await advancePlan(db, runId, 0, 65_536, 1, report)) await insertShards(db, runId, 1, ranges);
 */
export async function advancePlan(db: Queryable, runId: string, from: number, stepTrials: number, shardCount: number, precision: unknown): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE run_plans SET step = step + 1, step_trials = $3, shard_count = $4, previous_precision = $5, updated_at = now()
     WHERE run_id = $1 AND step = $2 RETURNING run_id`,
    [runId, from, stepTrials, shardCount, JSON.stringify(precision ?? null)],
  );
  return rows.length === 1;
}

/** A run's plan, or null (not a queued run). */
export async function getPlan(db: Queryable, runId: string): Promise<RunPlan | null> {
  const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM run_plans WHERE run_id = $1', [runId]);
  const row = rows[0];
  if (!row) return null;
  return {
    runId,
    settings: row.settings as RunSettings,
    step: Number(row.step),
    stepTrials: Number(row.step_trials),
    shardTrials: Number(row.shard_trials),
    shardCount: Number(row.shard_count),
    previousPrecision: row.previous_precision ?? null,
  };
}

/** Remembers which pg-boss job runs a shard (cancel drops the queued ones). */
export async function setShardJobs(db: Queryable, runId: string, step: number, jobIds: (string | null)[]): Promise<void> {
  await db.query(
    `UPDATE run_shards AS r SET job_id = s.job FROM unnest($3::text[]) WITH ORDINALITY AS s(job, i)
     WHERE r.run_id = $1 AND r.step = $2 AND r.shard = s.i - 1`,
    [runId, step, jobIds],
  );
}

/** The shards of a step, in order. */
export async function listShards(db: Queryable, runId: string, step: number): Promise<ShardRow[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT shard, first_chunk, last_chunk, data IS NOT NULL AS stored, job_id FROM run_shards WHERE run_id = $1 AND step = $2 ORDER BY shard`,
    [runId, step],
  );
  return rows.map((row) => ({
    shard: Number(row.shard),
    firstChunk: Number(row.first_chunk),
    lastChunk: Number(row.last_chunk),
    stored: Boolean(row.stored),
    jobId: (row.job_id as string | null) ?? null,
  }));
}

/**
 * Claims an attempt at a shard, in one statement: the run must still be queued or running
 * (it becomes running), its plan at this step, the shard not yet stored. The attempt's
 * progress starts again from 0, so a retry is never counted twice. Returns why not, or null.
 *
 * @example
 * const refused = await claimShard(db, runId, 0, 3, 'host:123'); // null: go ahead
 */
export async function claimShard(db: Queryable, runId: string, step: number, shard: number, worker: string): Promise<string | null> {
  const { rows } = await db.query<{ status: string; plan_step: number | null; stored: boolean | null; claimed: boolean }>(
    `WITH live AS (
       UPDATE runs SET status = 'running', started_at = COALESCE(started_at, now())
       WHERE id = $1 AND status IN ('queued', 'running') AND (SELECT step FROM run_plans WHERE run_id = $1) = $2 RETURNING id
     ), claimed AS (
       UPDATE run_shards SET trials_done = 0, attempts = attempts + 1, worker = $4
       WHERE run_id = $1 AND step = $2 AND shard = $3 AND data IS NULL AND EXISTS (SELECT 1 FROM live) RETURNING shard
     )
     SELECT r.status, p.step AS plan_step, (SELECT data IS NOT NULL FROM run_shards WHERE run_id = $1 AND step = $2 AND shard = $3) AS stored,
       EXISTS (SELECT 1 FROM claimed) AS claimed
     FROM runs r LEFT JOIN run_plans p ON p.run_id = r.id WHERE r.id = $1`,
    [runId, step, shard, worker],
  );
  const row = rows[0];
  if (row?.claimed) return null;
  if (!row || (row.status !== 'queued' && row.status !== 'running')) return 'the run is no longer running';
  if (Number(row.plan_step) !== step) return 'the run moved on to another step';
  if (row.stored === null) return 'no such shard';
  return 'already stored (a second delivery)';
}

/**
 * A shard's trials done so far, and the run's progress (the sum over its step's shards)
 * in the run's row, where the API reads it for GET /api/runs/{id} and the SSE stream.
 */
export async function reportShardProgress(db: Queryable, runId: string, step: number, shard: number, done: number): Promise<void> {
  await db.query(`UPDATE run_shards SET trials_done = $4 WHERE run_id = $1 AND step = $2 AND shard = $3 AND data IS NULL`, [runId, step, shard, done]);
  await updateRunProgress(db, runId, step);
}

async function updateRunProgress(db: Queryable, runId: string, step: number): Promise<void> {
  await db.query(
    `UPDATE runs SET progress_done = (SELECT COALESCE(sum(trials_done), 0) FROM run_shards WHERE run_id = $1 AND step = $2)
     WHERE id = $1 AND status IN ('queued', 'running')`,
    [runId, step],
  );
}

/**
 * Stores a finished shard. Idempotent: a shard delivered twice (pg-boss delivers at least
 * once) overwrites its own row with the same bits; nothing is added twice.
 *
 * @example
 * await storeShard(db, runId, 0, 3, packed, 131_072);
 */
export async function storeShard(
  db: Queryable,
  runId: string,
  step: number,
  shard: number,
  packed: Float64Array,
  trials: number,
): Promise<{ complete: boolean }> {
  await db.query(`UPDATE run_shards SET data = $4, trials_done = $5, finished_at = now() WHERE run_id = $1 AND step = $2 AND shard = $3`, [
    runId,
    step,
    shard,
    bytesOf(packed),
    trials,
  ]);
  // The run's progress, and whether this was the step's last shard, in one round trip.
  const { rows } = await db.query<{ missing: string }>(
    `WITH progress AS (
       UPDATE runs SET progress_done = (SELECT COALESCE(sum(trials_done), 0) FROM run_shards WHERE run_id = $1 AND step = $2)
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING id
     )
     SELECT count(*) AS missing FROM run_shards WHERE run_id = $1 AND step = $2 AND data IS NULL`,
    [runId, step],
  );
  return { complete: Number(rows[0].missing) === 0 };
}

/**
 * Float64 values as a bytea parameter, without copying them (null for none).
 *
 * @example
 * await db.query('UPDATE t SET data = $1', [bytesOf(values)]);
 */
export function bytesOf(values: Float64Array | undefined): Buffer | null {
  return values ? Buffer.from(values.buffer, values.byteOffset, values.byteLength) : null;
}

/**
 * A bytea as float64 values (pg's Buffer may not be 8-byte aligned: copied).
 *
 * @example
 * floats(row.data).length // the stored values
 */
export function floats(value: Buffer): Float64Array {
  return new Float64Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
}

/** SQL for a shard's trials: its chunks, the last one cut at the step's trials ($2). */
const SHARD_TRIALS = `(LEAST($2::int, last_chunk * ${CHUNK_SIZE}) - first_chunk * ${CHUNK_SIZE})`;

/**
 * One output column of the whole step, read from every shard's stored bytes (column
 * `index` of each, without the rest): the summariser holds one column at a time.
 *
 * @example
 * const npv = await readColumn(db, runId, 0, 1_000_000, 0);
 */
export async function readColumn(db: Queryable, runId: string, step: number, stepTrials: number, index: number): Promise<Float64Array> {
  const { rows } = await db.query<{ first_chunk: number; part: Buffer }>(
    `SELECT first_chunk, substring(data FROM $3::int * ${SHARD_TRIALS} * 8 + 1 FOR ${SHARD_TRIALS} * 8) AS part
     FROM run_shards WHERE run_id = $1 AND step = $4 ORDER BY shard`,
    [runId, stepTrials, index, step],
  );
  const column = new Float64Array(stepTrials);
  for (const row of rows) column.set(floats(row.part), Number(row.first_chunk) * CHUNK_SIZE);
  return column;
}

/** Each shard's tail (accumulators, correlations, fan rows), after its `columns` output columns. */
export async function readTails(db: Queryable, runId: string, step: number, stepTrials: number, columns: number): Promise<Float64Array[]> {
  const { rows } = await db.query<{ tail: Buffer }>(
    `SELECT substring(data FROM $3::int * ${SHARD_TRIALS} * 8 + 1) AS tail FROM run_shards WHERE run_id = $1 AND step = $4 ORDER BY shard`,
    [runId, stepTrials, columns, step],
  );
  return rows.map((row) => floats(row.tail));
}

/** A finished run's shards are no longer needed: their bytes go; who ran which shard, how often, stays (small). */
export async function dropShards(db: Queryable, runId: string): Promise<void> {
  await db.query('UPDATE run_shards SET data = NULL WHERE run_id = $1', [runId]);
}

/** A run's status, or null. */
export async function runStatus(db: Queryable, runId: string): Promise<string | null> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM runs WHERE id = $1', [runId]);
  return rows[0]?.status ?? null;
}
