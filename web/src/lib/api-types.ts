/**
 * The HTTP resources of docs/api.md. They are declared once, in
 * models/contract/resources.ts, and shared with the API that sends them.
 */
import type { CaseResource } from '../../../models/contract/resources.ts';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import type { Recommendation } from '../../../models/gate/recommendation.ts';
import type { BusinessFunction } from '../../../models/case/governance-schema.ts';

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
  BoardAnswer,
  BoardQuestions,
  PostLaunchReview,
  ReasonCategory,
  StoppedCase,
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
  /** The functions the token signs checklist items for (issue 18); none for the local user, who signs as admin. */
  functions?: BusinessFunction[];
  mode: 'local' | 'token';
}

/* ---- Post-launch actuals (issue 17): the contract's types, and the re-gate as the web reads it ---- */

export type {
  ActualChange as ActualsChange,
  ActualInfluence as ActualMove,
  ActualRowInput as ActualsRow,
  ActualsPostResult as ActualsSaveResult,
  ActualsReport,
  ActualsSeriesReport,
  NpvFigures,
  ScoredObservation,
  SeriesFanRow as FanMonth,
  UpdatedForecast,
} from '../../../models/contract/resources.ts';
import type { ActualInfluence } from '../../../models/contract/resources.ts';

/** Whether a KPI's change has lasted. */
export type DurableChangeReport = import('../../../models/contract/resources.ts').ActualsReport['durable'][number];

/** One bad row of a 422 from POST …/actuals: `row` is the 1-based CSV data row, or the index into the JSON rows. */
export interface ActualsRowError {
  row: number;
  column: string;
  message: string;
}

/** The part of a gate result the re-gate shows. */
export interface GateVerdict {
  recommendation: string;
  headline: string;
}

/** POST /api/cases/{id}/actuals/regate: the gate on the original and on the updated forecast, and the actuals that moved it. */
export interface RegateResult {
  runId: string;
  caseVersion: number;
  original: GateVerdict;
  updated: GateVerdict;
  changed: boolean;
  effectiveSampleSize: number | null;
  movedBy: ActualInfluence[];
}
