// The HTTP resources of post-launch actuals (issue 17), shared by api/ and web/.

/** One row of post-launch actuals as entered: a series measured in a calendar month. */
export interface ActualRowInput {
  /** YYYY-MM; month 1 of the case is the month of its startDate. */
  month: string;
  /** `metric:<id>`, `benefit:<lineId>`, `cost:<category>`, `net`, `adoption` or `variable:<name>`. */
  series: string;
  value: number;
  note?: string;
}

/** A stored actual: the latest value of a series in a month. */
export interface ActualValueRecord {
  month: string;
  series: string;
  value: number;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** What `POST /api/cases/{id}/actuals` did. */
export interface ActualsPostResult {
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** One change of an actual, oldest first in the history. */
export interface ActualChange {
  month: string;
  series: string;
  value: number;
  previousValue: number | null;
  note: string | null;
  changedBy: string;
  changedAt: string;
}

/** An observation scored against its month's forecast (scores null when the series has no forecast or the month is outside it). */
export interface ScoredObservation {
  month: string;
  monthIndex: number;
  value: number;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
  /** The forecast's percentile of the actual (0..1). */
  pit: number | null;
  crps: number | null;
  /** Interval score of the forecast's P5–P95 (α = 0.1). */
  intervalScore: number | null;
  inside90: boolean | null;
}

/** A month of a series' forecast fan. */
export interface SeriesFanRow {
  monthIndex: number;
  month: string;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

/** A series of the actuals report. */
export interface ActualsSeriesReport {
  id: string;
  label: string;
  unit: string;
  kind: 'metric' | 'benefit' | 'cost' | 'net' | 'adoption' | 'variable' | 'unknown';
  observations: ScoredObservation[];
  /** Empty when the model has no forecast of the series. */
  fan: SeriesFanRow[];
  /** Share of scored observations inside P5–P95; null with none. */
  coverage90: number | null;
  /** Counts of PIT values in five equal bins of [0, 1]. */
  pitHistogram: number[];
  regate: { flagged: boolean; months: string[] };
}

/** An NPV distribution's figures. */
export interface NpvFigures {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  pPositive: number;
}

/** The forecast updated by the actuals (importance weights on the stored trials). */
export interface UpdatedForecast {
  npv: { original: NpvFigures; updated: NpvFigures | null };
  /** Median payback month (undiscounted); null when the median trial does not pay back within the horizon. */
  paybackMonth: { original: number | null; updated: number | null };
  /** Net cash flow measured so far: the sum of `net` actuals, else benefit actuals minus cost actuals; null with none. */
  realisedToDate: number | null;
  effectiveSampleSize: number | null;
  /** Trials the update rests on (the run's leading trials). */
  storedTrials: number;
  lowEss: boolean;
  message: string;
  /** The observation-error model used per series. */
  errors: Record<string, { kind: 'lognormal'; relativeSd: number } | { kind: 'normal'; sd: number }>;
}

/** `GET /api/cases/{id}/actuals`: the actuals against the stored run. */
export interface ActualsReport {
  runId: string;
  caseVersion: number;
  series: ActualsSeriesReport[];
  regate: { flagged: boolean; reasons: string[] };
  updatedForecast: UpdatedForecast;
  durable: { metric: string; label: string; durable: boolean; reason: string }[];
}

/** An actual that moved the updated forecast, strongest first. */
export interface ActualInfluence {
  series: string;
  month: string;
  value: number;
  pit: number | null;
  /** P(NPV > 0) conditioned on this actual alone, minus the original. */
  shiftInProbabilityPositive: number;
  /** Median NPV conditioned on this actual alone, minus the original. */
  shiftInMedianNpv: number;
}
