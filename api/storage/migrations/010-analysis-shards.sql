-- Queue mode (issue 21): an analysis or a comparison split into shards across workers. The worker that plans it
-- keeps the request once on its result row and one row per shard here; a shard's result is stored idempotently
-- (a retried shard overwrites its own row), and the last shard in queues the combine. An analysis in two stages
-- (Sobol: the design's model calls, then the bootstrap over every row) keeps the first stage's combined outputs on
-- its result row for the second stage's shards. The embedded default never writes them.
ALTER TABLE queue_results ADD COLUMN request text;
ALTER TABLE queue_results ADD COLUMN stage integer NOT NULL DEFAULT 0;
ALTER TABLE queue_results ADD COLUMN previous_meta text;
ALTER TABLE queue_results ADD COLUMN previous_data bytea;
ALTER TABLE queue_results ALTER COLUMN previous_data SET STORAGE EXTERNAL;

CREATE TABLE queue_result_shards (
  result_id uuid NOT NULL REFERENCES queue_results (id) ON DELETE CASCADE,
  stage integer NOT NULL,
  shard integer NOT NULL,
  -- The stage's units [first_unit, last_unit): inputs, Sobol design blocks and matrices, or chunks of a comparison.
  first_unit integer NOT NULL,
  last_unit integer NOT NULL,
  -- The part (models/analysis/analysis-parts.ts): small values as text (api/queue/queued-json.ts), big columns as float64.
  meta text,
  data bytea,
  worker text,
  attempts integer NOT NULL DEFAULT 0,
  finished_at timestamptz,
  PRIMARY KEY (result_id, stage, shard)
);
ALTER TABLE queue_result_shards ALTER COLUMN data SET STORAGE EXTERNAL;
