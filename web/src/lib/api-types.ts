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
