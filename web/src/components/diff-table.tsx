import { For, Show, type Component } from 'solid-js';
import type { DiffChange } from '../lib/api-types.ts';
import { diffValueText } from '../lib/json-diff.ts';

/** Field-by-field changes as a table: path, what kind of change, before and after. */
export const DiffTable: Component<{ changes: DiffChange[]; beforeLabel?: string; afterLabel?: string; caption?: string; limit?: number }> = (props) => (
  <Show when={props.changes.length > 0} fallback={<p class="muted">No differences.</p>}>
    <table class="data-table diff-table">
      <Show when={props.caption}>
        <caption>{props.caption}</caption>
      </Show>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Change</th>
          <th scope="col">{props.beforeLabel ?? 'Before'}</th>
          <th scope="col">{props.afterLabel ?? 'After'}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.changes.slice(0, props.limit ?? 500)}>
          {(change) => (
            <tr class={`diff-${change.kind}`}>
              <td>
                <code>{change.path}</code>
              </td>
              <td>{change.kind === 'added' ? '+ added' : change.kind === 'removed' ? '− removed' : '~ changed'}</td>
              <td class="diff-before">{diffValueText(change.before)}</td>
              <td class="diff-after">{diffValueText(change.after)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
    <Show when={props.changes.length > (props.limit ?? 500)}>
      <p class="muted">and {props.changes.length - (props.limit ?? 500)} more changes.</p>
    </Show>
  </Show>
);
