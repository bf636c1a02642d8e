/**
 * The HTTP resources of api/docs/api-contract.md, typed against the engine's own types
 * so the web never re-declares a summary or an analysis result.
 */
import type { CaseInput } from '../../../models/case/case-schema.ts';
import type { PointEstimate } from '../../../models/engine/point-estimate.ts';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import type { Recommendation } from '../../../models/gate/recommendation.ts';

export type CaseDocument = CaseInput;
export type Decision = Recommendation;
export type GateStatusName = 'met' | 'partly' | 'notMet' | 'notStarted';
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type SamplingMethod = 'mc' | 'lhs';

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

export interface Me {
  name: string;
  role: string;
  /** Roles (contract) or permissions (read, write, decide, admin), depending on the server version. */
  roles?: string[];
  permissions?: string[];
  mode: 'local' | 'token';
}

export interface LatestRun {
  id: string;
  status: string;
  trials: number;
  probabilityNpvPositive: number | null;
  npvP50: number | null;
  npvMean: number | null;
  totalCostMean: number | null;
  finishedAt: string | null;
}

export interface CaseListItem {
  id: string;
  name: string;
  businessOwner: string | null;
  sponsor: string;
  currency: string;
  locale: string | null;
  currentVersion: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  latestRun: LatestRun | null;
  recommendation: Decision | null;
  gateStatus: GateStatusName;
  recommendationHeadline?: string | null;
  latestDecision: { decision: string; takenBy: string; takenAt: string; rationale?: string } | null;
  daysSinceLastDecision: number;
  hasMeasuredValue: boolean;
}

export interface CaseResource {
  id: string;
  name: string;
  businessOwner: string | null;
  sponsor: string;
  currency: string;
  locale: string | null;
  currentVersion: number;
  hash: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  document: CaseDocument;
  warnings: { path: string; message: string }[];
}

export interface RunResource {
  id: string;
  caseId: string;
  caseVersion: number;
  caseHash: string;
  status: RunStatus;
  trials: number;
  seed: number;
  sampling: SamplingMethod;
  engineVersion: string;
  progress: { done: number; total: number };
  summary?: RunSummary;
  pointEstimate?: PointEstimate;
  error?: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  createdBy: string;
}

export type AnalysisKind = 'tornado' | 'spider' | 'rank' | 'sobol' | 'breakeven' | 'voi' | 'gate';

export interface AnalysisResource<Result = unknown> {
  id: string;
  runId: string;
  kind: AnalysisKind;
  params: Record<string, unknown>;
  result: Result;
  createdAt: string;
  createdBy: string;
}

export interface DecisionResource {
  id: string;
  caseId: string;
  decision: Decision;
  recommendation: Decision | null;
  rationale: string;
  takenBy: string;
  takenAt: string;
  caseVersion: number;
  caseHash: string;
  runId: string;
  run: { seed: number; trials: number; sampling: string; engineVersion: string };
}

export interface VersionItem {
  version: number;
  hash: string;
  createdAt: string;
  createdBy: string;
  message: string | null;
}

export interface DiffChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** The portfolio value of the cases in one currency (models/analysis/portfolio-value.ts). */
export interface PortfolioValueFan {
  currency: string;
  cases: number;
  trials: number;
  /** Calendar months, YYYY-MM. */
  months: string[];
  p10: number[];
  p50: number[];
  p90: number[];
  totalNpv: { mean: number; p10: number; p50: number; p90: number };
}

/** Expected value and full cost of the cases in one currency: never summed across currencies. */
export interface PortfolioTotal {
  currency: string;
  cases: number;
  casesWithRuns: number;
  expectedValue: number;
  fullCost: number;
}

export interface Portfolio {
  cases: number;
  byRecommendation: Record<string, number>;
  byDecision: Record<string, number>;
  byGateStatus: Record<string, number>;
  passedGates?: number;
  totals?: PortfolioTotal[];
  /** Contract v1 single-currency totals, when the server sends them. */
  totalExpectedValue?: number;
  totalFullCost?: number;
  currencyNote?: string;
  drifting: { id: string; name: string; businessOwner?: string | null; daysSinceLastDecision: number }[];
  driftDays: number;
  withMeasuredValue: number;
  stopped: { id: string; name: string; rationale: string; takenAt?: string }[];
  valueFan: PortfolioValueFan[] | { p10: number; p50: number; p90: number } | null;
  items?: CaseListItem[];
}

export interface ActualResource {
  id: string;
  metric: string;
  value: number;
  measuredOn: string;
  note: string | null;
  percentile?: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
