-- Named versions: a version marked with a message ("sent to the CFO"), by whom and when. The others are working versions.
ALTER TABLE case_versions ADD COLUMN named boolean NOT NULL DEFAULT false;
ALTER TABLE case_versions ADD COLUMN named_by text;
ALTER TABLE case_versions ADD COLUMN named_at timestamptz;

-- An autosaved working version: when the burst of autosaves it stands for began (null for every other save).
-- A later autosave by the same person within the window replaces it, unless a run or decision points to it.
ALTER TABLE case_versions ADD COLUMN working_since timestamptz;

-- A version a decision rests on is named by its earliest decision (a message it already had is kept).
UPDATE case_versions v SET named = true, named_by = d.taken_by, named_at = d.taken_at,
    message = CASE WHEN v.message IS NULL OR v.message = 'created'
      THEN 'decided: ' || CASE d.decision WHEN 'keepAsResearch' THEN 'keep as research' ELSE d.decision END
      ELSE v.message END
  FROM (SELECT DISTINCT ON (case_id, case_version) case_id, case_version, decision, taken_by, taken_at
        FROM decisions ORDER BY case_id, case_version, taken_at, id) d
  WHERE v.case_id = d.case_id AND v.version = d.case_version;

CREATE INDEX case_versions_named ON case_versions (case_id, version) WHERE named;
