import type { PortfolioValue } from '../analysis/portfolio-value.ts';
import type { CaseInput } from '../case/case-schema.ts';
import type { ApprovalResource } from './governance-resources.ts';
import type { EuAiActCategory } from '../case/intake-schema.ts';
import type { LifecycleStage } from '../governance/lifecycle.ts';
import type { DocumentChange } from '../case/diff-documents.ts';
import type { TodoItem } from '../compile/case-todo.ts';
import type { PointEstimate } from '../engine/point-estimate.ts';
import type { SamplingMethod } from '../engine/simulation-env.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';
import type { RunSummary } from '../engine/summarize-run.ts';
import type { GateStatus } from '../gate/readiness-status.ts';
import type { Recommendation } from '../gate/recommendation.ts';

/*
 * The HTTP resources of the API (docs/api.md), declared once here so the
 * service that sends them and the web app that reads them share one definition.
 */

/** Identity and ownership fields every case resource carries. */
export interface CaseHeader {
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
}

/** A case with its current document (GET /api/cases/{id}). */
export interface CaseResource extends CaseHeader {
  hash: string;
  createdBy: string;
  /** The stored document: a complete case, or a draft that parses (see `todo`). */
  document: CaseInput;
  /** Advice that blocks nothing: no unit or source, a formula that is NaN or ±∞ in some month, a negative cost. */
  warnings: { path: string; message: string; hint?: string }[];
  /** What is missing for a run ('run') or for the gate ('gate'), in words; see models/compile/case-todo.ts. */
  todo: TodoItem[];
  /** No 'run' item is left: the case can be simulated. */
  complete: boolean;
}

/** The latest run of a case as the portfolio shows it. */
export interface LatestRun {
  id: string;
  status: RunStatus;
  trials: number;
  probabilityNpvPositive: number | null;
  npvP50: number | null;
  npvMean: number | null;
  totalCostMean: number | null;
  finishedAt: string | null;
}

/** One row of the portfolio (GET /api/cases). */
export interface CaseListItem extends CaseHeader {
  latestRun: LatestRun | null;
  recommendation: Recommendation | null;
  recommendationHeadline: string | null;
  gateStatus: GateStatus;
  latestDecision: { decision: Recommendation; takenBy: string; takenAt: string; rationale: string; reasonCategory: ReasonCategory | null } | null;
  daysSinceLastDecision: number;
  hasMeasuredValue: boolean;
  /** Who answers for the case: the business owner, else the sponsor. */
  owner: string;
  /** The newest named version, or null when no version is named yet. */
  lastNamedVersion: { version: number; message: string; namedAt: string } | null;
  /** When the current version was saved. */
  lastSavedAt: string;
  /** How many other cases in the same list carry the same name (ignoring case and surrounding spaces). */
  namesakes: number;
  /** False for a draft that cannot run yet (its to-do list is on GET /api/cases/{id}). */
  complete: boolean;
  /** The lifecycle stage derived from the records (issue 18). */
  stage: LifecycleStage;
  /** In pilot or gate review beyond the case's driftDays without a decision. */
  drifting: boolean;
  /** The effective risk tier and EU AI Act category. */
  riskTier: string;
  euAiActCategory: EuAiActCategory;
}

/**
 * One stored version of a case; `document` only when a single version is read.
 * A named version carries a message that marks it ("sent to the CFO"); the others are working versions.
 */
export interface VersionResource {
  version: number;
  hash: string;
  createdAt: string;
  createdBy: string;
  message: string | null;
  named: boolean;
  /** Who named it and when (null for working versions). */
  namedBy: string | null;
  namedAt: string | null;
  document?: unknown;
}

/** A field-by-field diff between two versions. */
export interface DiffResource {
  from: number;
  to: number;
  changes: DocumentChange[];
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A run: everything needed to reproduce it, its progress and (when read alone) its results. */
export interface RunResource {
  id: string;
  caseId: string;
  caseVersion: number;
  caseHash: string;
  status: RunStatus;
  trials: number;
  seed: number;
  sampling: SamplingMethod;
  /** The effective-sample-size factors its evidence was weighed with (the portfolio's when it ran); it replays with them. */
  representativenessFactors: RepresentativenessFactors;
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

/** An analysis stored with the run it rests on. */
export interface AnalysisResource<Result = unknown> {
  id: string;
  runId: string;
  kind: AnalysisKind;
  params: Record<string, unknown>;
  result: Result;
  createdAt: string;
  createdBy: string;
}

/** An append-only decision with the exact case version and run it rests on. */
/** Why a case was stopped (required for a stop, optional for other decisions). */
export const REASON_CATEGORIES = ['economics', 'readiness', 'risk', 'strategy', 'evidence'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export interface DecisionResource {
  id: string;
  caseId: string;
  decision: Recommendation;
  recommendation: Recommendation | null;
  rationale: string;
  /** Why: economics, readiness, risk, strategy or evidence; required for a stop, null when not given. */
  reasonCategory: ReasonCategory | null;
  /** The person who decided: the person the token was issued to ("local user" in local mode). */
  takenBy: string;
  /** The token used (unique name), or null in local mode and for decisions recorded before tokens named people. */
  token: { id: string; name: string } | null;
  takenAt: string;
  caseVersion: number;
  caseHash: string;
  runId: string;
  run: { seed: number; trials: number; sampling: string; engineVersion: string };
  /** The approvals a scale decision rested on (issue 18); null for other decisions and older records. */
  approvals?: ApprovalResource[] | null;
}

/** Expected value and full cost of the cases in one currency: never summed across currencies. */
export interface PortfolioTotal {
  currency: string;
  cases: number;
  casesWithRuns: number;
  expectedValue: number;
  fullCost: number;
}

/** The board view (GET /api/portfolio). */
export interface PortfolioResource {
  cases: number;
  byRecommendation: Record<string, number>;
  byDecision: Record<string, number>;
  byGateStatus: Record<string, number>;
  /** Cases per lifecycle stage (issue 18). */
  byStage: Record<string, number>;
  passedGates: number;
  totals: PortfolioTotal[];
  driftDays: number;
  drifting: { id: string; name: string; businessOwner: string | null; daysSinceLastDecision: number }[];
  withMeasuredValue: number;
  /** Stopped cases; `costAvoided` is the PV of production costs not spent (see docs/methods.md). */
  stopped: StoppedCase[];
  /** The board's four questions, each the cases that answer yes. */
  boardQuestions: BoardQuestions;
  /** Post-launch reviews of scaled cases: `overdue` when the next review date has passed, else `due`. */
  reviews: { due: PostLaunchReview[]; overdue: PostLaunchReview[] };
  valueFan: PortfolioValue[];
  items: CaseListItem[];
}

/** One board question's answer: how many cases, and which. */
export interface BoardAnswer {
  count: number;
  caseIds: string[];
}

/** The board's four questions (issue 17); definitions in docs/methods.md, "The board's four questions". */
export interface BoardQuestions {
  passedGates: BoardAnswer;
  stoppedForGoodReasons: BoardAnswer;
  measuredPostLaunchValue: BoardAnswer;
  durableProcessChange: BoardAnswer;
}

/** A stopped case on the board. */
export interface StoppedCase {
  id: string;
  name: string;
  rationale: string;
  takenAt: string;
  reasonCategory: ReasonCategory | null;
  /** The evidence behind the stop, in words; null when there is none. */
  evidence: string | null;
  /** Stopped with a category and backed by evidence. */
  goodReason: boolean;
  currency: string;
  /** Mean PV of the stop run's costs minus the costs recorded as actuals; null without a run. */
  costAvoided: number | null;
}

/** The next post-launch review of a scaled case. */
export interface PostLaunchReview {
  id: string;
  name: string;
  scaledAt: string;
  /** YYYY-MM-DD. */
  nextReviewOn: string;
  reviewEveryMonths: number;
  /** Whole days past the review date (0 when not overdue). */
  daysOverdue: number;
}

/** A post-launch measurement as stored. */
export interface ActualRecord {
  id: string;
  caseId: string;
  metric: string;
  /** As stored: the numeric column keeps four decimal places. */
  value: number;
  measuredOn: string;
  note: string | null;
  createdAt: string;
  createdBy: string;
}

/** How an actual compares with its forecast. */
export interface ActualScore {
  /** The input whose distribution is the forecast; null when the metric maps to none. */
  input: string | null;
  /** The unit the value is read in. */
  unit: string | null;
  /** Where the actual falls in the forecast distribution (0..1); null when it cannot be placed. */
  percentile: number | null;
  /** The actual lies outside the forecast's P10–P90: the forecast was off, re-gate. */
  regate: boolean;
  /** One sentence, e.g. 'the actual sits at P12 of the forecast'. */
  assessment: string;
}

/** A stored actual with its score against the forecast of the case's current version. */
export interface ActualResource extends ActualRecord, ActualScore {
  scoredAgainstVersion: number;
}

/** A page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type * from './actuals-resources.ts';
