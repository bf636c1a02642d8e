import { For, Show, type Component } from 'solid-js';
import type { DiffChange } from '../lib/api-types.ts';
import { fieldLabel } from '../lib/field-labels.ts';
import { diffValueText } from '../lib/json-diff.ts';

export interface DiffTableProps {
  changes: DiffChange[];
  beforeLabel?: string;
  afterLabel?: string;
  caption?: string;
  limit?: number;
  /**
   * The documents compared, so a field is named by its line's label ("Cost 'Integration
   * build' › Amount"). Without them the names come from the format alone ("Cost 3 › Amount").
   */
  before?: unknown;
  after?: unknown;
}

/**
 * A change's field in words. A removed line is named from the document it was removed
 * from; anything else from the newer document.
 *
 * @example
 * changeLabel({ path: '/costs/0/amount', kind: 'changed' }, before, after) // "Cost 'Integration build' › Amount"
 */
export function changeLabel(change: DiffChange, before: unknown, after: unknown): string {
  const document = change.kind === 'removed' ? (before ?? after) : (after ?? before);
  return fieldLabel(document, change.path);
}

/** Field-by-field changes as a table: the field by its label (the JSON pointer as a detail), what kind of change, before and after. */
export const DiffTable: Component<DiffTableProps> = (props) => (
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
              <td title={change.path}>
                {changeLabel(change, props.before, props.after)}
                <code class="issue-pointer">{change.path}</code>
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
