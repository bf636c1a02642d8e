-- Governance (issue 18): organisation risk tiers, versioned checklist templates, sign-off history,
-- approvals of scale decisions, retirement of scaled cases, and the functions a token signs for.

-- The risk tiers an admin sets (one row; the built-in defaults apply while there is none).
CREATE TABLE governance_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  tiers jsonb NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Checklist template versions saved by admins; version 1 is built in (models/governance/default-template.ts).
CREATE TABLE checklist_templates (
  version integer PRIMARY KEY CHECK (version >= 2),
  note text NOT NULL,
  items jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The template version current when a case was created (cases created before this migration: 1).
ALTER TABLE cases ADD COLUMN checklist_template_version integer NOT NULL DEFAULT 1;

-- A scaled case taken out of production leaves the registry.
ALTER TABLE cases ADD COLUMN retired_at timestamptz;
ALTER TABLE cases ADD COLUMN retired_by text;
ALTER TABLE cases ADD COLUMN retire_reason text;

-- The functions a token signs checklist items for (business, it, data, risk, legal, hr, operations).
ALTER TABLE api_tokens ADD COLUMN functions jsonb NOT NULL DEFAULT '[]';

-- Every status change of a checklist item: append-only, like decisions.
CREATE TABLE checklist_changes (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  case_version integer NOT NULL,
  item_id text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL CHECK (to_status IN ('notMet', 'partly', 'met', 'notApplicable')),
  evidence jsonb,
  reason text,
  changed_by text NOT NULL,
  token_id uuid,
  token_name text,
  signed_as text NOT NULL CHECK (signed_as IN ('function', 'admin')),
  item_function text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, case_version) REFERENCES case_versions (case_id, version)
);
CREATE INDEX checklist_changes_case ON checklist_changes (case_id, changed_at);

CREATE FUNCTION refuse_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER checklist_changes_append_only BEFORE UPDATE OR DELETE ON checklist_changes
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- Approvals of a scale decision on one run: each from a different person.
CREATE TABLE case_approvals (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  run_id uuid NOT NULL REFERENCES runs (id),
  role text NOT NULL CHECK (role IN ('businessOwner', 'sponsor', 'riskOwner', 'monitoringOwner', 'approver')),
  person text NOT NULL,
  token_id uuid,
  token_name text,
  note text,
  approved_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX case_approvals_person ON case_approvals (run_id, lower(person));
CREATE TRIGGER case_approvals_append_only BEFORE UPDATE OR DELETE ON case_approvals
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- The approvals a scale decision rested on; adding a column changes no row, so the append-only trigger is untouched.
ALTER TABLE decisions ADD COLUMN approvals jsonb;
