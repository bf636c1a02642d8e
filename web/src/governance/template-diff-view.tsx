import { For, Show, type Component } from 'solid-js';
import type { TemplateDiffResource } from '../../../models/contract/governance-resources.ts';
import { FUNCTION_LABELS } from '../../../models/case/governance-schema.ts';
import { READINESS_GATE_LABELS } from '../../../models/case/readiness.ts';

const show = (value: unknown): string => (value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value));

/** What changed between two template versions: items added, fields changed (before → after), how many stayed. */
export const TemplateDiffView: Component<{ diff: TemplateDiffResource }> = (props) => (
  <div class="template-diff" data-testid="template-diff">
    <p>
      Version {props.diff.from} → {props.diff.to}: {props.diff.added.length} added, {props.diff.changed.length} changed, {props.diff.unchanged.length}{' '}
      unchanged.
    </p>
    <Show when={props.diff.added.length}>
      <h4>Added</h4>
      <ul data-testid="diff-added">
        <For each={props.diff.added}>
          {(item) => (
            <li>
              <code>{item.id}</code> ({READINESS_GATE_LABELS[item.gate]}, signed off by {FUNCTION_LABELS[item.function]}): {item.item}
            </li>
          )}
        </For>
      </ul>
    </Show>
    <Show when={props.diff.changed.length}>
      <h4>Changed</h4>
      <table class="data-table" data-testid="diff-changed">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.diff.changed.flatMap((change) => change.fields.map((field) => ({ id: change.id, ...field })))}>
            {(row) => (
              <tr>
                <td>
                  <code>{row.id}</code>
                </td>
                <td>{row.field}</td>
                <td class="diff-before">{show(row.before)}</td>
                <td class="diff-after">{show(row.after)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  </div>
);
