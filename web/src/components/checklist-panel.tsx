import { createSignal, For, Show, type Component } from 'solid-js';
import { READINESS_GATE_LABELS, READINESS_GATES } from '../../../models/case/readiness.ts';
import type { CaseChecklistResource } from '../../../models/contract/governance-resources.ts';
import type { CaseFormat } from '../lib/format.ts';
import { governanceApi } from '../lib/case-governance-api.ts';
import { isEditor } from '../stores/me-store.ts';
import { AddChecklistItem } from './add-checklist-item.tsx';
import { ChecklistItemRow } from './checklist-item-row.tsx';
import { ErrorNotice } from './error-notice.tsx';
import { TemplateMigration } from './template-migration.tsx';

/**
 * The case's shared readiness checklist, grouped by the six gates, with the sign-off control
 * on each item, items the case adds, and migration to a newer template version.
 *
 * @example
 * <ChecklistPanel checklist={checklist} format={format} onChanged={refresh} />
 */
export const ChecklistPanel: Component<{ checklist: CaseChecklistResource; format: CaseFormat; archived?: boolean; onChanged: () => void }> = (props) => {
  const [failure, setFailure] = createSignal<unknown>(null);
  const start = async (): Promise<void> => {
    setFailure(null);
    try {
      await governanceApi.startChecklist(props.checklist.caseId);
      props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };
  const itemsOf = (gate: string) => props.checklist.items.filter((item) => item.gate === gate);
  const historyOf = (itemId: string) => props.checklist.history.filter((change) => change.itemId === itemId).reverse();
  const counted = (gate: string) => itemsOf(gate).filter((item) => item.status !== 'notApplicable');
  return (
    <section class="panel checklist-panel" aria-labelledby="checklist-title" data-testid="checklist-panel">
      <h3 id="checklist-title">Readiness checklist (shared, signed off by the functions responsible)</h3>
      <Show when={failure()}>
        <ErrorNotice error={failure()} />
      </Show>
      <Show
        when={props.checklist.templateVersion !== null}
        fallback={
          <div class="notice">
            <p>
              This case has no shared checklist yet. Starting it copies the organisation’s template version {props.checklist.pinnedTemplateVersion} (pinned when
              the case was created).
            </p>
            <Show when={isEditor()} fallback={<p class="muted">An editor can start it.</p>}>
              <button type="button" class="button-primary" onClick={() => void start()}>
                Start the checklist
              </button>
            </Show>
          </div>
        }
      >
        <p class="row-sub">
          Template version {props.checklist.templateVersion}
          {props.checklist.templateVersion === props.checklist.currentTemplateVersion ? ' (current)' : ''} · {props.checklist.items.length} items · case version{' '}
          {props.checklist.caseVersion}
        </p>
        <Show when={(props.checklist.templateVersion ?? 0) < props.checklist.currentTemplateVersion}>
          <TemplateMigration
            caseId={props.checklist.caseId}
            from={props.checklist.templateVersion!}
            to={props.checklist.currentTemplateVersion}
            onMigrated={props.onChanged}
          />
        </Show>
        <For each={READINESS_GATES.filter((gate) => itemsOf(gate).length > 0)}>
          {(gate) => (
            <section class="checklist-gate" aria-labelledby={`checklist-gate-${gate}`} data-testid={`checklist-gate-${gate}`}>
              <h4 id={`checklist-gate-${gate}`}>
                {READINESS_GATE_LABELS[gate]}{' '}
                <span class="muted">
                  {counted(gate).filter((item) => item.status === 'met').length} of {counted(gate).length} met
                </span>
              </h4>
              <ul class="checklist-items">
                <For each={itemsOf(gate)}>
                  {(item) => (
                    <ChecklistItemRow
                      caseId={props.checklist.caseId}
                      item={item}
                      history={historyOf(item.id)}
                      format={props.format}
                      archived={props.archived}
                      onSigned={props.onChanged}
                    />
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
        <Show when={isEditor() && !props.archived}>
          <AddChecklistItem caseId={props.checklist.caseId} onAdded={props.onChanged} />
        </Show>
      </Show>
    </section>
  );
};
