import { Show, type Component, type JSX } from 'solid-js';

/**
 * One section of the case editor: a heading with its count of problems (in words, not
 * only a red dot) and the section's fields.
 */
export const EditorSection: Component<{ id: string; title: string; problems?: number; description?: string; children: JSX.Element; actions?: JSX.Element }> = (
  props,
) => (
  <section class="editor-section" id={props.id} aria-labelledby={`${props.id}-title`}>
    <header class="editor-section-header">
      <h2 id={`${props.id}-title`} tabindex="-1">
        {props.title}
        <Show when={(props.problems ?? 0) > 0}>
          <span class="badge badge-error">
            {props.problems} problem{props.problems === 1 ? '' : 's'}
          </span>
        </Show>
      </h2>
      <Show when={props.actions}>
        <div class="section-actions">{props.actions}</div>
      </Show>
    </header>
    <Show when={props.description}>
      <p class="section-description">{props.description}</p>
    </Show>
    {props.children}
  </section>
);
