-- Portfolio-wide post-launch rules (issue 17): the re-gate, durable-change and review thresholds an admin
-- sets for every case; a case's own `postLaunch` fields override them. One row, written by PUT /api/portfolio/rules.
CREATE TABLE portfolio_rules (
  id integer PRIMARY KEY CHECK (id = 1),
  post_launch jsonb NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
