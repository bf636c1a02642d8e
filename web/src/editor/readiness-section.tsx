import { For, type Component } from 'solid-js';
import { READINESS_GATE_LABELS, READINESS_GATES, type ChecklistItem, type ReadinessGate } from '../../../models/case/readiness.ts';
import { gateStatus } from '../../../models/gate/readiness-status.ts';
import { EditorSection } from '../components/editor-section.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { TextField } from '../components/text-field.tsx';
import { appendAt } from '../lib/json-pointer.ts';
import type { CaseDraft } from '../stores/case-draft.ts';

const STATUS_OPTIONS = [
  { value: 'met', label: 'Met' },
  { value: 'partly', label: 'Partly met' },
  { value: 'notMet', label: 'Not met' },
] as const;

/** The six production-readiness checklists, each item with status, evidence and owner. */
export const ReadinessSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const items = (gate: ReadinessGate): ChecklistItem[] => (props.draft.document.readiness?.[gate] ?? []) as ChecklistItem[];
  const add = (gate: ReadinessGate) =>
    props.draft.mutate((doc) => void appendAt(doc as never, `/readiness/${gate}`, { item: 'What must be true', status: 'notMet' }));
  return (
    <EditorSection
      id="readiness"
      title="Readiness checklists"
      problems={issues().under('/readiness').length}
      description="Six gates a case must pass before it scales. The gate reads each item's status."
    >
      <div class="readiness-grid">
        <For each={READINESS_GATES}>
          {(gate) => (
            <fieldset class="readiness-gate" data-gate={gate}>
              <legend>
                {READINESS_GATE_LABELS[gate]} <StatusBadge status={gateStatus(items(gate))} />
              </legend>
              <For each={items(gate)}>
                {(item, index) => {
                  const base = () => `/readiness/${gate}/${index()}`;
                  return (
                    <div class="checklist-item">
                      <TextField
                        label="Item"
                        value={item.item}
                        onChange={(v) => props.draft.update(`${base()}/item`, v)}
                        issues={issues().at(`${base()}/item`)}
                      />
                      <div class="field">
                        <span class="field-label" id={`${gate}-${index()}-status`}>
                          Status
                        </span>
                        <div class="segmented" role="radiogroup" aria-labelledby={`${gate}-${index()}-status`}>
                          <For each={STATUS_OPTIONS}>
                            {(option) => (
                              <label class="segment" classList={{ selected: item.status === option.value }}>
                                <input
                                  type="radio"
                                  name={`${gate}-${index()}`}
                                  value={option.value}
                                  checked={item.status === option.value}
                                  onChange={() => props.draft.update(`${base()}/status`, option.value)}
                                />
                                {option.label}
                              </label>
                            )}
                          </For>
                        </div>
                      </div>
                      <TextField
                        label="Evidence"
                        optional
                        value={item.evidence?.text}
                        onChange={(v) => props.draft.update(`${base()}/evidence`, v ? { ...item.evidence, text: v } : undefined)}
                      />
                      <TextField label="Owner" optional value={item.owner} onChange={(v) => props.draft.update(`${base()}/owner`, v || undefined)} />
                      <button type="button" class="button-quiet" onClick={() => props.draft.update(base(), undefined)}>
                        Remove item
                      </button>
                    </div>
                  );
                }}
              </For>
              <button type="button" class="button-secondary" onClick={() => add(gate)}>
                + Add item
              </button>
            </fieldset>
          )}
        </For>
      </div>
    </EditorSection>
  );
};
