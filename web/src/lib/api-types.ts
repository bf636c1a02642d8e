/**
 * The HTTP resources of docs/api.md. They are declared once, in
 * models/contract/resources.ts, and shared with the API that sends them.
 */
import type { CaseResource } from '../../../models/contract/resources.ts';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import type { Recommendation } from '../../../models/gate/recommendation.ts';

export type { CaseResource };

export type CaseDocument = CaseInput;
export type Decision = Recommendation;
export type { GateStatus as GateStatusName } from '../../../models/gate/readiness-status.ts';
export type { SamplingMethod } from '../../../models/engine/simulation-env.ts';
export type { DocumentChange as DiffChange } from '../../../models/case/diff-documents.ts';
export type { PortfolioValue as PortfolioValueFan } from '../../../models/analysis/portfolio-value.ts';
export type {
  ActualResource,
  AnalysisKind,
  AnalysisResource,
  CaseListItem,
  DecisionResource,
  LatestRun,
  Page,
  PortfolioResource as Portfolio,
  PortfolioTotal,
  RunResource,
  RunStatus,
  VersionResource as VersionItem,
} from '../../../models/contract/resources.ts';

/** An RFC 9457 problem document, with the case issues when validation failed. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string; hint?: string }[];
  current?: CaseResource;
}

/** GET /api/me. */
export interface Me {
  name: string;
  role: string;
  permissions: string[];
  mode: 'local' | 'token';
}

/* ---- Post-launch actuals (issue 17; docs/api.md, the actuals contract) ---- */

/** One month's value of one observable series, as posted (`month` is `YYYY-MM`). */
export interface ActualsRow {
  month: string;
  series: string;
  value: number;
  note?: string;
}

/** POST /api/cases/{id}/actuals: what the save did. */
export interface ActualsSaveResult {
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** One bad row of a 422: `row` is the 1-based CSV data row, or the index into the JSON rows. */
export interface ActualsRowError {
  row: number;
  column: string;
  message: string;
}

/** An actual with its score against the forecast. */
export interface ScoredObservation {
  month: string;
  monthIndex: number;
  value: number;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
  /** Where it fell in the forecast (0..1). */
  pit: number | null;
  crps: number | null;
  intervalScore: number | null;
  inside90: boolean | null;
}

/** The forecast quantiles of one month. */
export interface FanMonth {
  monthIndex: number;
  month: string;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

/** One observable series: its forecast fan, its actuals and their scores. */
export interface ActualsSeriesReport {
  id: string;
  label: string;
  unit: string;
  kind: string;
  observations: ScoredObservation[];
  fan: FanMonth[];
  /** Share of observations inside P5–P95; null with none. */
  coverage90: number | null;
  pitHistogram: number[];
  regate: { flagged: boolean; months: string[] };
}

/** NPV figures of the original or the updated forecast. */
export interface NpvFigures {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  pPositive: number;
}

/** The forecast reweighted by the actuals, beside the original. */
export interface UpdatedForecast {
  /** `updated` is null until there are actuals with a forecast (or when no trial fits them). */
  npv: { original: NpvFigures; updated: NpvFigures | null };
  /** Median payback month; null when it is beyond the horizon. */
  paybackMonth: { original: number | null; updated: number | null };
  realisedToDate: number | null;
  effectiveSampleSize: number | null;
  /** Trials the update rests on. */
  storedTrials?: number;
  lowEss: boolean;
  message: string | null;
}

/** Whether a KPI's change has lasted. */
export interface DurableChangeReport {
  metric: string;
  label: string;
  durable: boolean;
  reason: string;
}

/** GET /api/cases/{id}/actuals: the actuals scored against a stored run. */
export interface ActualsReport {
  runId: string;
  caseVersion: number;
  series: ActualsSeriesReport[];
  regate: { flagged: boolean; reasons: string[] };
  updatedForecast: UpdatedForecast | null;
  durable: DurableChangeReport[];
}

/** One change of an actual, with who made it and when. */
export interface ActualsChange {
  month: string;
  series: string;
  value: number;
  previousValue: number | null;
  note: string | null;
  changedBy: string;
  changedAt: string;
}

/** An actual that moved the updated forecast: what it alone does to P(NPV > 0) and the median NPV. */
export interface ActualMove {
  series: string;
  month: string;
  value?: number;
  pit?: number | null;
  shiftInProbabilityPositive?: number;
  shiftInMedianNpv?: number;
  reason?: string;
}

/** The part of a gate result the re-gate shows. */
export interface GateVerdict {
  recommendation: string;
  headline: string;
}

/** POST /api/cases/{id}/actuals/regate: the gate on the original and on the updated forecast, and the actuals that moved it. */
export interface RegateResult {
  original?: GateVerdict;
  updated?: GateVerdict;
  changed?: boolean;
  /** The updated recommendation, when the server gives it flat. */
  recommendation?: string;
  headline?: string;
  effectiveSampleSize?: number | null;
  movedBy: ActualMove[];
}
