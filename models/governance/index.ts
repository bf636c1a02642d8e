export { APPROVAL_ROLES, APPROVAL_ROLE_LABELS, missingApprovals, type ApprovalEntry, type ApprovalRole } from './approval-roles.ts';
export { templateItemSchema, templateItemsSchema, type ChecklistTemplate, type TemplateItem } from './checklist-template.ts';
export { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_ITEMS } from './default-template.ts';
export { LIFECYCLE_STAGES, LIFECYCLE_STAGE_LABELS, lifecycleOf, type Lifecycle, type LifecycleFacts, type LifecycleStage } from './lifecycle.ts';
export {
  DEFAULT_RISK_TIERS,
  classifyRiskTier,
  riskTierSchema,
  riskTiersSchema,
  tierConditionSchema,
  type RiskTier,
  type TierClassification,
  type TierCondition,
} from './risk-tiers.ts';
export { classifyEuAiAct, type EuAiActClassification } from '../case/eu-ai-act.ts';
export {
  ACCOUNTABILITY_ROLES,
  GOVERNANCE_ERRORS,
  resolveGovernance,
  type AccountabilityRole,
  type GovernedCase,
  type ResolvedGovernance,
} from './case-governance.ts';
export { CHECKLIST_EDIT_ERRORS, checklistEditIssues, type ChecklistEditIssue } from './checklist-edits.ts';
export { definitionOf, diffTemplateItems, instantiateChecklist, migrateChecklist, removedTemplateItems, type TemplateDiff } from './template-diff.ts';
export { sameJson } from './same-json.ts';
