import { resolveGovernance } from '../../models/governance/case-governance.ts';
import { checklistEditIssues } from '../../models/governance/checklist-edits.ts';
import type { ValidatedDraft } from '../../models/compile/validate-draft.ts';
import { ApiError } from '../server/problem.ts';
import { governedDocument } from '../services/case-governance.ts';
import { getRiskTiers } from '../services/governance-settings.ts';
import type { Queryable } from '../storage/database.ts';
import { storedForm } from './draft-helpers.ts';

/**
 * 422 when a saved document's governance section breaks a rule the API owns: a risk tier that
 * differs from the intake's without a reason, an unknown tier, or (on update) a checklist edit
 * that only sign-off or migration may make. A document without governance passes untouched.
 *
 * @example
 * await requireGovernanceRules(db, draft, existing.document);
 */
export async function requireGovernanceRules(db: Queryable, draft: ValidatedDraft, previous?: unknown): Promise<void> {
  const stored = storedForm(draft) as { governance?: unknown };
  const before = previous === undefined ? undefined : governedDocument(previous).governance;
  if (!stored.governance && !before) return;
  const after = governedDocument(stored);
  const issues = [...resolveGovernance(after, await getRiskTiers(db)).issues];
  if (previous !== undefined) issues.push(...checklistEditIssues(before?.checklist, after.governance?.checklist));
  if (issues.length) {
    throw new ApiError(
      422,
      `the governance section has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
      issues,
    );
  }
}
