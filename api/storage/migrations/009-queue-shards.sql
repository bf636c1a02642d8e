-- Queue mode (issue 21: VALUEGATE_QUEUE=pgboss). pg-boss keeps its own jobs in its own schema; these tables keep
-- what pg-boss does not: a queued run's plan and step, its shards' stored results (idempotent: a retried shard
-- overwrites its own row), its progress, the workers seen, the results of queued analyses, and the re-gates.
-- The embedded default never writes them.
ALTER TABLE runs ADD COLUMN progress_done bigint;

CREATE TABLE run_plans (
  run_id uuid PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  -- The resolved settings (trials, seed, sampling, precision) and the case version's document the shards run.
  settings jsonb NOT NULL,
  -- The precision loop's step (0 for a fixed-size run), its size and its shards.
  step integer NOT NULL DEFAULT 0,
  step_trials integer NOT NULL,
  shard_trials integer NOT NULL,
  shard_count integer NOT NULL,
  -- The previous step's precision report (precision control compares steps).
  previous_precision jsonb,
  -- sha256 of each summarised output's per-trial column (float64, little-endian), by the summariser: audits compare runs by it.
  column_hashes jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE run_shards (
  run_id uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  step integer NOT NULL,
  shard integer NOT NULL,
  first_chunk integer NOT NULL,
  last_chunk integer NOT NULL,
  -- Trials done by the attempt in progress (a retry starts again from 0: never counted twice).
  trials_done integer NOT NULL DEFAULT 0,
  -- The packed shard (models/engine/run-shard.ts): float64 columns first, then accumulators, correlations, fan rows.
  data bytea,
  job_id text,
  attempts integer NOT NULL DEFAULT 0,
  worker text,
  finished_at timestamptz,
  PRIMARY KEY (run_id, step, shard)
);
-- Uncompressed out-of-line storage: a summariser reads one output column of every shard with substring().
ALTER TABLE run_shards ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE queue_workers (
  id text PRIMARY KEY,
  host text NOT NULL,
  pid integer NOT NULL,
  concurrency integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queue_results (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'succeeded', 'failed', 'cancelled')),
  result jsonb,
  error jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE regates (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  run_id uuid REFERENCES runs (id),
  analysis_id uuid REFERENCES analyses (id),
  case_version integer NOT NULL,
  engine_version text NOT NULL,
  rules_hash text NOT NULL,
  -- What changed since the case's last gate: [{ what: 'case version' | 'engine version' | 'rules', from, to }].
  changes jsonb NOT NULL,
  previous_recommendation text,
  recommendation text,
  status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
  error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regates_case ON regates (case_id, created_at DESC);
