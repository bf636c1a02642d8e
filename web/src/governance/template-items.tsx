import { For, Show, type Component } from 'solid-js';
import { FUNCTION_LABELS } from '../../../models/case/governance-schema.ts';
import { READINESS_GATE_LABELS, READINESS_GATES } from '../../../models/case/readiness.ts';
import type { TemplateItem } from '../../../models/governance/checklist-template.ts';

/** An item's control references in one line: "NIST AI RMF GOVERN 1.2, MAP 3.2 · ISO/IEC 42001 A.5.2". */
export function referencesText(item: TemplateItem): string {
  const parts: string[] = [];
  if (item.references?.nistAiRmf?.length) parts.push(`NIST AI RMF ${item.references.nistAiRmf.join(', ')}`);
  if (item.references?.iso42001?.length) parts.push(`ISO/IEC 42001 ${item.references.iso42001.join(', ')}`);
  return parts.join(' · ');
}

/**
 * The items of a checklist template version grouped by the six readiness gates: what to
 * check, the function that signs it off, what counts as evidence and the control references.
 */
export const TemplateItems: Component<{ items: readonly TemplateItem[] }> = (props) => (
  <div class="template-items" data-testid="template-items">
    <For each={READINESS_GATES}>
      {(gate) => {
        const items = () => props.items.filter((item) => item.gate === gate);
        return (
          <Show when={items().length}>
            <table class="data-table template-table">
              <caption>
                {READINESS_GATE_LABELS[gate]} ({items().length})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Signed off by</th>
                  <th scope="col">What counts as evidence</th>
                  <th scope="col">References</th>
                </tr>
              </thead>
              <tbody>
                <For each={items()}>
                  {(item) => (
                    <tr data-item={item.id}>
                      <td>
                        {item.item}
                        <Show when={item.disclosure}>
                          <span class="badge badge-warning">AI disclosure (Art. 50)</span>
                        </Show>
                        <div class="muted">
                          <code>{item.id}</code>
                        </div>
                      </td>
                      <td>{FUNCTION_LABELS[item.function]}</td>
                      <td>{item.evidenceHint ?? '—'}</td>
                      <td>{referencesText(item) || '—'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        );
      }}
    </For>
  </div>
);
