import { For, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import type { TodoItem } from '../../../models/compile/case-todo.ts';
import { fieldLabel } from '../../../models/compile/field-labels.ts';

export interface TodoListProps {
  todo: readonly TodoItem[];
  /** Advice that blocks nothing (a formula that is ∞ in some month, a negative cost, no unit…). */
  warnings?: readonly CaseIssue[];
  /** The document, to name lines by their labels. */
  document?: unknown;
  /** Called when an item is chosen, to bring its field into view. */
  onSelect?: (item: TodoItem) => void;
}

const GROUPS = [
  ['run', 'Before it can run', 'The case saves as it is; live results and runs start once these are done.'],
  ['gate', 'Before the gate can recommend scaling', 'The case runs without these, but the gate cannot pass.'],
] as const;

/**
 * What the draft still needs, in words: first what blocks a run, then what blocks the
 * gate, then warnings that block nothing. Each item names the field by its label and says what to do; the JSON pointer
 * is only a detail. Choosing an item brings its part of the editor into view.
 */
export const TodoList: Component<TodoListProps> = (props) => {
  const items = (blocks: TodoItem['blocks']) => props.todo.filter((item) => item.blocks === blocks);
  const warnings = () => props.warnings ?? [];
  const select = (issue: CaseIssue) =>
    props.onSelect?.({ path: issue.path, field: fieldLabel(issue.path, props.document), message: issue.message, blocks: 'run' });
  return (
    <Show when={props.todo.length > 0 || warnings().length > 0}>
      <section class="todo-list" aria-label="To do" data-testid="todo-list">
        <h2>To do</h2>
        <For each={GROUPS}>
          {([blocks, heading, note]) => (
            <Show when={items(blocks).length > 0}>
              <h3>
                {heading} ({items(blocks).length})
              </h3>
              <p class="muted">{note}</p>
              <ul data-blocks={blocks}>
                <For each={items(blocks)}>
                  {(item) => (
                    <li>
                      <button type="button" class="link-button todo-field" onClick={() => props.onSelect?.(item)}>
                        {item.field}
                      </button>
                      : {item.message} <code class="todo-path">{item.path}</code>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </For>
        <Show when={warnings().length > 0}>
          <h3>Warnings ({warnings().length})</h3>
          <p class="muted">Nothing here blocks saving or running; each is worth a look.</p>
          <ul data-blocks="warning">
            <For each={warnings()}>
              {(warning) => (
                <li>
                  <button type="button" class="link-button todo-field" onClick={() => select(warning)}>
                    {fieldLabel(warning.path, props.document)}
                  </button>
                  : {warning.message} <code class="todo-path">{warning.path}</code>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
};
