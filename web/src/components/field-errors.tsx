import { For, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { issueText } from '../lib/case-issues.ts';

/**
 * The errors of one field, announced to screen readers and referenced by the field's
 * aria-describedby, so the message is read with the label it belongs to. Each message
 * names the field by `label` and says what to do; the JSON pointer is kept as a tooltip.
 */
export const FieldErrors: Component<{ id: string; issues: readonly (CaseIssue | string)[]; label?: string }> = (props) => (
  <Show when={props.issues.length > 0}>
    <div id={props.id} class="field-error" role="alert">
      <For each={props.issues}>
        {(issue) =>
          typeof issue === 'string' ? (
            <span>{issue}</span>
          ) : (
            <span title={issue.path || undefined} data-pointer={issue.path}>
              {issueText(issue, props.label)}
            </span>
          )
        }
      </For>
    </div>
  </Show>
);
