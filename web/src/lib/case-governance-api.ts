/**
 * The governance calls of a case in the web app (docs/governance.md): a case's classification and
 * lifecycle, its shared readiness checklist with sign-offs and template migration, the
 * approvals of a scale decision, and the registry of production systems.
 */
import type { BusinessFunction, CaseChecklistItem, ChecklistStatus } from '../../../models/case/governance-schema.ts';
import type { ReadinessGate } from '../../../models/case/readiness.ts';
import type {
  ApprovalResource,
  ApprovalsResource,
  CaseChecklistResource,
  CaseGovernanceResource,
  GovernanceSettingsResource,
  ChecklistChangeResource,
  RegistryEntry,
  TemplateDiffResource,
} from '../../../models/contract/governance-resources.ts';
import type { ApprovalRole } from '../../../models/governance/approval-roles.ts';
import { json, url, type CaseListQuery } from './api.ts';
import type { CaseListItem, Page } from './api-types.ts';

/** A sign-off as the form sends it. */
export interface SignOffRequest {
  status: ChecklistStatus;
  evidence?: { text?: string; link?: string };
  reason?: string;
}

/** A case-added checklist item. */
export interface NewChecklistItem {
  gate: ReadinessGate;
  item: string;
  function: BusinessFunction;
  evidenceHint?: string;
}

/** The case list's lifecycle filters (issue 18): with either given, drifting cases come first. */
export interface LifecycleQuery extends CaseListQuery {
  /** Lifecycle stages, comma-separated. */
  stage?: string;
  /** Only drifting cases. */
  drifting?: boolean;
}

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

/**
 * The governance endpoints.
 *
 * @example
 * const checklist = await governanceApi.checklist('case-1');
 */
export const governanceApi = {
  /** GET /api/cases with the lifecycle filters as well as the list's own. */
  listCases: (query: LifecycleQuery = {}) => json<Page<CaseListItem>>('GET', '/cases', { query: { ...query } }),
  caseGovernance: (caseId: string) => json<CaseGovernanceResource>('GET', `${casePath(caseId)}/governance`),
  checklist: (caseId: string) => json<CaseChecklistResource>('GET', `${casePath(caseId)}/checklist`),
  startChecklist: (caseId: string) => json<CaseChecklistResource>('POST', `${casePath(caseId)}/checklist`),
  addItem: (caseId: string, body: NewChecklistItem) => json<CaseChecklistItem>('POST', `${casePath(caseId)}/checklist/items`, { body }),
  signOff: (caseId: string, itemId: string, body: SignOffRequest) =>
    json<{ item: CaseChecklistItem; change: ChecklistChangeResource; caseVersion: number }>(
      'POST',
      `${casePath(caseId)}/checklist/items/${encodeURIComponent(itemId)}/status`,
      { body },
    ),
  migrationPreview: (caseId: string, to?: number) => json<TemplateDiffResource>('GET', `${casePath(caseId)}/checklist/migration`, { query: { to } }),
  migrate: (caseId: string, toVersion: number) =>
    json<{ diff: TemplateDiffResource; checklist: CaseChecklistResource }>('POST', `${casePath(caseId)}/checklist/migration`, { body: { toVersion } }),
  approvals: (caseId: string, runId?: string) => json<ApprovalsResource>('GET', `${casePath(caseId)}/approvals`, { query: { runId } }),
  approve: (caseId: string, body: { runId: string; role: ApprovalRole; note?: string }) =>
    json<ApprovalResource>('POST', `${casePath(caseId)}/approvals`, { body }),
  settings: () => json<GovernanceSettingsResource>('GET', '/governance/settings'),
  registry: () => json<{ items: RegistryEntry[]; generatedAt: string }>('GET', '/registry'),
  /** The registry as CSV, for `download()` (it carries the bearer token). */
  registryCsvUrl: () => url('/registry', { format: 'csv' }),
};
