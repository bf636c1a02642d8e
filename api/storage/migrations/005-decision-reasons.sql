-- Why a case was stopped (issue 17): a reason category on a decision. Required for a stop by the API,
-- optional otherwise; decisions recorded before this migration have none. Adding a column changes no row,
-- so the append-only trigger is untouched.
ALTER TABLE decisions ADD COLUMN reason_category text
  CHECK (reason_category IS NULL OR reason_category IN ('economics', 'readiness', 'risk', 'strategy', 'evidence'));
