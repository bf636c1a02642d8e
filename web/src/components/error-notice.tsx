import { Show, type Component } from 'solid-js';
import { ApiError } from '../lib/api.ts';
import { issueText } from '../lib/case-issues.ts';
import { fieldLabel } from '../lib/field-labels.ts';

/** An error as the user should read it: the server's problem title and detail, each field problem by its label (the pointer as a detail), and a retry. */
export const ErrorNotice: Component<{ error: unknown; onRetry?: () => void }> = (props) => {
  const title = () => (props.error instanceof ApiError ? props.error.problem.title : 'Something went wrong');
  const detail = () =>
    props.error instanceof ApiError ? props.error.problem.detail : props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <div class="notice notice-error" role="alert">
      <strong>{title()}</strong>
      <Show when={detail()}>
        <p>{detail()}</p>
      </Show>
      <Show when={props.error instanceof ApiError && props.error.problem.errors?.length}>
        <ul>
          {(props.error as ApiError).problem.errors!.map((issue) => (
            <li title={issue.path}>
              {issue.path ? issueText(issue, fieldLabel(null, issue.path)) : issueText(issue)}
              <Show when={issue.path}>
                <code class="issue-pointer">{issue.path}</code>
              </Show>
            </li>
          ))}
        </ul>
      </Show>
      <Show when={props.onRetry}>
        <button type="button" class="button-secondary" onClick={() => props.onRetry?.()}>
          Try again
        </button>
      </Show>
    </div>
  );
};
