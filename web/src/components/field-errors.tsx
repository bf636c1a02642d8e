import { For, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { issueText } from '../lib/case-issues.ts';

/**
 * The errors of one field, announced to screen readers and referenced by the field's
 * aria-describedby, so the message is read with the label it belongs to.
 */
export const FieldErrors: Component<{ id: string; issues: readonly (CaseIssue | string)[] }> = (props) => (
  <Show when={props.issues.length > 0}>
    <div id={props.id} class="field-error" role="alert">
      <For each={props.issues}>{(issue) => <span>{typeof issue === 'string' ? issue : issueText(issue)}</span>}</For>
    </div>
  </Show>
);
