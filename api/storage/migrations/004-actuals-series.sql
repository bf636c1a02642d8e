-- Post-launch actuals by series and calendar month (issue 17): one current value per case, month and series.
CREATE TABLE actual_values (
  case_id uuid NOT NULL REFERENCES cases (id),
  month char(7) NOT NULL,
  series text NOT NULL,
  value double precision NOT NULL,
  note text,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, month, series)
);

-- Every change of an actual, with who and when; previous_value is null for the first entry.
CREATE TABLE actual_changes (
  seq bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  month char(7) NOT NULL,
  series text NOT NULL,
  value double precision NOT NULL,
  previous_value double precision,
  note text,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX actual_changes_case ON actual_changes (case_id, seq);

-- Actuals recorded before series existed (metric by measurement date) carry over as metric:<name>, the latest per month.
INSERT INTO actual_values (case_id, month, series, value, note, recorded_by, recorded_at)
  SELECT DISTINCT ON (case_id, to_char(measured_on, 'YYYY-MM'), metric)
    case_id, to_char(measured_on, 'YYYY-MM'), 'metric:' || metric, value::double precision, note, created_by, created_at
  FROM actuals ORDER BY case_id, to_char(measured_on, 'YYYY-MM'), metric, measured_on DESC, created_at DESC;
INSERT INTO actual_changes (case_id, month, series, value, previous_value, note, changed_by, changed_at)
  SELECT case_id, month, series, value, NULL, note, recorded_by, recorded_at FROM actual_values ORDER BY recorded_at;
