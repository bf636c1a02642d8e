import { Show, type Component } from 'solid-js';
import { StatusBadge } from '../components/status-badge.tsx';
import type { CaseContext } from '../stores/case-context.ts';

/** With no stored run there is no forecast to score against: say so, and offer the run. */
export const RunFirst: Component<{ context: CaseContext }> = (props) => {
  const start = async (): Promise<void> => {
    if (props.context.session.saveState() === 'pending') await props.context.session.saveNow();
    const sim = props.context.session.draft.document.simulation;
    await props.context.runs.start({ trials: sim?.trials ?? 10_000, seed: sim?.seed, sampling: sim?.sampling });
  };
  return (
    <div class="panel empty-state" data-testid="run-first">
      <p>
        <strong>Run the case first.</strong> Actuals are scored against a stored forecast run; you can enter them now, and they are scored as soon as the case
        has run.
      </p>
      <Show
        when={props.context.runs.progress()}
        fallback={
          <button type="button" class="button-primary" onClick={() => void start()} disabled={props.context.runs.loading()}>
            Run the case on the server
          </button>
        }
      >
        {(p) => (
          <p>
            <StatusBadge status={p().status} /> {p().done} of {p().total} trials
            <progress max={p().total || 1} value={p().done} aria-label="Run progress" />
          </p>
        )}
      </Show>
      <Show when={props.context.runs.error()}>
        <p class="notice notice-error" role="alert">
          The run failed: {props.context.runs.error()}
        </p>
      </Show>
    </div>
  );
};
