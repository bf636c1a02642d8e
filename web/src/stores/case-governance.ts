import { createResource, type Resource } from 'solid-js';
import type { CaseChecklistResource, CaseGovernanceResource } from '../../../models/contract/governance-resources.ts';
import { governanceApi } from '../lib/case-governance-api.ts';

/** A case's classification, lifecycle and checklist, refetched together after a change. */
export interface CaseGovernanceState {
  governance: Resource<CaseGovernanceResource>;
  checklist: Resource<CaseChecklistResource>;
  /** Reloads both (after a sign-off, an added item or a migration). */
  refresh: () => void;
}

/**
 * Loads the governance of a case for the gate page.
 *
 * @example
 * const state = createCaseGovernance(() => props.context.session.id);
 */
export function createCaseGovernance(caseId: () => string): CaseGovernanceState {
  const [governance, governanceControls] = createResource(caseId, (id) => governanceApi.caseGovernance(id));
  const [checklist, checklistControls] = createResource(caseId, (id) => governanceApi.checklist(id));
  return {
    governance,
    checklist,
    refresh: () => {
      void governanceControls.refetch();
      void checklistControls.refetch();
    },
  };
}
