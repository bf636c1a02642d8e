-- Cases and their immutable versions.
CREATE TABLE cases (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  business_owner text,
  sponsor text NOT NULL,
  currency char(3) NOT NULL,
  locale text,
  current_version integer NOT NULL,
  current_hash text NOT NULL,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);

CREATE TABLE case_versions (
  case_id uuid NOT NULL REFERENCES cases (id),
  version integer NOT NULL,
  -- json, not jsonb: the document is kept exactly as written (key order included).
  document json NOT NULL,
  hash text NOT NULL,
  message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  PRIMARY KEY (case_id, version)
);

-- Simulation runs: enough to reproduce each exactly (engine version, seed, case hash).
CREATE TABLE runs (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  case_version integer NOT NULL,
  case_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  trials integer NOT NULL,
  seed bigint NOT NULL,
  sampling text NOT NULL CHECK (sampling IN ('mc', 'lhs')),
  engine_version text NOT NULL,
  summary jsonb,
  point_estimate jsonb,
  npv_mean numeric(20, 2),
  npv_p50 numeric(20, 2),
  probability_npv_positive double precision,
  pv_costs_mean numeric(20, 2),
  total_cost_mean numeric(20, 2),
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  created_by text NOT NULL,
  FOREIGN KEY (case_id, case_version) REFERENCES case_versions (case_id, version)
);
CREATE INDEX runs_case ON runs (case_id, created_at DESC);

-- Analyses rest on one run.
CREATE TABLE analyses (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES runs (id),
  kind text NOT NULL,
  params jsonb NOT NULL,
  result jsonb NOT NULL,
  recommendation text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);
CREATE INDEX analyses_run ON analyses (run_id, created_at DESC);

-- Decisions: append-only. The trigger below refuses every UPDATE and DELETE.
CREATE TABLE decisions (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  case_version integer NOT NULL,
  case_hash text NOT NULL,
  run_id uuid NOT NULL REFERENCES runs (id),
  decision text NOT NULL CHECK (decision IN ('scale', 'redesign', 'stop', 'keepAsResearch')),
  recommendation text,
  rationale text NOT NULL,
  taken_by text NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, case_version) REFERENCES case_versions (case_id, version)
);
CREATE INDEX decisions_case ON decisions (case_id, taken_at);

CREATE FUNCTION refuse_decision_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'decisions are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_decision_change();

-- Post-launch actuals, scored against the forecast.
CREATE TABLE actuals (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  metric text NOT NULL,
  value numeric(20, 4) NOT NULL,
  measured_on date NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);

-- API tokens, stored as SHA-256 hashes only.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
