import { Show, type Component } from 'solid-js';
import type { CaseContext } from '../stores/case-context.ts';
import type { CaseGovernanceState } from '../stores/case-governance.ts';
import { ChecklistPanel } from './checklist-panel.tsx';
import { ErrorNotice } from './error-notice.tsx';
import { GovernanceSummary } from './governance-summary.tsx';
import '../styles/governance.css';

/**
 * The case's risk classification on the gate page. Reads `latest`, so a refresh after a
 * sign-off keeps the page in place instead of suspending it.
 */
export const GateClassification: Component<{ state: CaseGovernanceState }> = (props) => {
  // Mandatory items by what they ask ("Risk assessment done…"), once the case's checklist is there.
  const itemName = (id: string): string => {
    const found = props.state.checklist.latest?.items.find((item) => item.id === id);
    return found ? `${found.item} (${id})` : id;
  };
  return (
    <>
      <Show when={props.state.governance.error}>
        <ErrorNotice error={props.state.governance.error} />
      </Show>
      <Show when={props.state.governance.latest}>{(governance) => <GovernanceSummary governance={governance()} itemName={itemName} />}</Show>
    </>
  );
};

/**
 * The shared readiness checklist on the gate page. A sign-off saves a new case version, so the
 * editing session reloads it too (its next autosave would otherwise meet a stale version).
 */
export const GateChecklist: Component<{ state: CaseGovernanceState; context: CaseContext }> = (props) => {
  const changed = (): void => {
    props.state.refresh();
    void props.context.session.refresh();
  };
  return (
    <>
      <Show when={props.state.checklist.error}>
        <ErrorNotice error={props.state.checklist.error} />
      </Show>
      <Show when={props.state.checklist.latest}>
        {(checklist) => (
          <ChecklistPanel
            checklist={checklist()}
            format={props.context.session.draft.format()}
            archived={props.context.session.resource().archived}
            onChanged={changed}
          />
        )}
      </Show>
    </>
  );
};
