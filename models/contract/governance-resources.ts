import type { BusinessFunction, CaseChecklistItem, ChecklistStatus, EuAiActCategory, Intake } from '../case/governance-schema.ts';
import type { ReadinessGate } from '../case/readiness.ts';
import type { ApprovalRole } from '../governance/approval-roles.ts';
import type { TemplateItem } from '../governance/checklist-template.ts';
import type { LifecycleStage } from '../governance/lifecycle.ts';
import type { RiskTier } from '../governance/risk-tiers.ts';

/*
 * The HTTP resources of the governance API (docs/governance.md), shared by the service and the web app.
 */

/** GET/PUT /api/governance/settings. */
export interface GovernanceSettingsResource {
  /** Ordered lowest to highest; the first is the fallback tier. */
  tiers: RiskTier[];
  /** The newest checklist template version (new cases pin it). */
  currentTemplateVersion: number;
  /** Null while the built-in defaults apply. */
  updatedBy: string | null;
  updatedAt: string | null;
}

/** POST /api/governance/classify, and the derived part of a case's governance. */
export interface ClassificationResource {
  euAiActCategory: { value: EuAiActCategory; article: string; because: string[] };
  riskTier: { value: string; label: string; because: string[] };
}

/** One entry of GET /api/governance/checklist-templates. */
export interface TemplateVersionSummary {
  version: number;
  note: string;
  createdBy: string;
  createdAt: string | null;
  itemCount: number;
  current: boolean;
}

/** GET /api/governance/checklist-templates/{version}. */
export interface ChecklistTemplateResource {
  version: number;
  note: string;
  createdBy: string;
  createdAt: string | null;
  items: TemplateItem[];
}

/** A field of an item that changed between template versions. */
export interface TemplateItemChange {
  id: string;
  /** Changed fields with their values before and after. */
  fields: { field: keyof TemplateItem; before: unknown; after: unknown }[];
}

/** The item diff between two template versions (also a case's migration preview). */
export interface TemplateDiffResource {
  from: number;
  to: number;
  added: TemplateItem[];
  changed: TemplateItemChange[];
  /** Ids present in both versions and unchanged. */
  unchanged: string[];
}

/** One status change of a checklist item, append-only. */
export interface ChecklistChangeResource {
  id: string;
  caseId: string;
  itemId: string;
  /** The case version the change created. */
  caseVersion: number;
  from: ChecklistStatus;
  to: ChecklistStatus;
  evidence: { text?: string; link?: string } | null;
  /** The reason of a "not applicable". */
  reason: string | null;
  /** The person who changed it. */
  changedBy: string;
  token: { id: string; name: string } | null;
  /** 'function': signed as the item's function; 'admin': an admin signed for it. */
  signedAs: 'function' | 'admin';
  /** The item's function. */
  function: BusinessFunction;
  changedAt: string;
}

/** GET /api/cases/{id}/checklist. */
export interface CaseChecklistResource {
  caseId: string;
  caseVersion: number;
  /** Null when the case has no checklist yet (start it with POST /api/cases/{id}/checklist). */
  templateVersion: number | null;
  /** The version pinned at the case's creation: what POST /api/cases/{id}/checklist starts from. */
  pinnedTemplateVersion: number;
  currentTemplateVersion: number;
  /** The items in gate order; mandatory: required met by the case's tier. */
  items: (CaseChecklistItem & { mandatory: boolean })[];
  history: ChecklistChangeResource[];
}

/** One recorded approval of a scale decision on a run. */
export interface ApprovalResource {
  id: string;
  caseId: string;
  runId: string;
  role: ApprovalRole;
  person: string;
  token: { id: string; name: string } | null;
  note: string | null;
  approvedAt: string;
}

/** GET /api/cases/{id}/approvals?runId=… */
export interface ApprovalsResource {
  caseId: string;
  runId: string | null;
  riskTier: string;
  required: ApprovalRole[];
  /** Who is expected for each named role (from the accountability model), null for `approver`. */
  expected: Partial<Record<ApprovalRole, string | null>>;
  items: ApprovalResource[];
  missing: ApprovalRole[];
}

/** The lifecycle position of a case, derived from its records. */
export interface LifecycleResource {
  stage: LifecycleStage;
  /** In pilot or gate review beyond the decision rules' driftDays without a decision. */
  drifting: boolean;
  daysInStage: number;
  /** Why the case is in this stage, in words. */
  because: string;
}

/** GET /api/cases/{id}/governance. */
export interface CaseGovernanceResource {
  caseId: string;
  caseVersion: number;
  intake: Intake | null;
  euAiActCategory: {
    value: EuAiActCategory;
    derived: EuAiActCategory;
    article: string;
    because: string[];
    overridden: boolean;
    overrideReason: string | null;
  };
  riskTier: {
    value: string;
    label: string;
    derived: string;
    because: string[];
    overridden: boolean;
    overrideReason: string | null;
    /** The rules of the effective tier. */
    rules: RiskTier;
  };
  accountability: {
    businessOwner: string | null;
    sponsor: string | null;
    riskOwner: string | null;
    mayStop: string[];
    monitoringOwner: string | null;
    /** Roles not named yet (the business-ownership gate counts them). */
    missing: ('businessOwner' | 'sponsor' | 'riskOwner' | 'mayStop' | 'monitoringOwner')[];
  };
  lifecycle: LifecycleResource;
  /** Problems to fix in the document, e.g. a tier that differs from the intake's without a reason. */
  issues: { path: string; message: string }[];
}

/** One row of GET /api/registry. */
export interface RegistryEntry {
  caseId: string;
  name: string;
  businessOwner: string | null;
  monitoringOwner: string | null;
  riskTier: string;
  euAiActCategory: EuAiActCategory;
  /** The date of the scale decision (YYYY-MM-DD). */
  goLiveDate: string;
  nextReviewDate: string;
  reviewEveryMonths: number;
  decisionId: string;
  /** Relative links: the case in the web app, the case and the decision in the API. */
  links: { case: string; api: string; decision: string };
}

/** Re-exported for the web. */
export type { ReadinessGate };
