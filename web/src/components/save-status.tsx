import { Match, Switch, type Component } from 'solid-js';
import type { CaseSession } from '../stores/case-session.ts';

/** Where the draft stands: saved as which version, saving, or why it is not saved. */
export const SaveStatus: Component<{ session: CaseSession }> = (props) => {
  const problems = () => props.session.draft.validation().issues.all.length;
  const toDo = () => props.session.draft.validation().todo.filter((item) => item.blocks === 'run').length;
  const time = () =>
    props.session.lastSavedAt()?.toLocaleTimeString(props.session.draft.format().locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <span
      class={`save-status save-${props.session.saveState()}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={props.session.saveState()}
    >
      <Switch>
        <Match when={props.session.saveState() === 'saved'}>
          ✓ Saved · version {props.session.resource().currentVersion}
          {time() ? ` at ${time()}` : ''}
          {toDo() > 0 ? ` · draft: ${toDo()} thing${toDo() === 1 ? '' : 's'} to do before it can run` : ''}
        </Match>
        <Match when={props.session.saveState() === 'pending'}>● Unsaved changes, autosaving…</Match>
        <Match when={props.session.saveState() === 'saving'}>↻ Saving…</Match>
        <Match when={props.session.saveState() === 'invalid'}>
          ⚠ Not saved: {problems()} field{problems() === 1 ? '' : 's'} with a value of the wrong kind to fix (your edits stay in this tab)
        </Match>
        <Match when={props.session.saveState() === 'conflict'}>✗ Not saved: conflict with a newer version</Match>
        <Match when={props.session.saveState() === 'error'}>
          ✗ Save failed: {props.session.saveProblem()?.detail ?? props.session.saveProblem()?.title}{' '}
          <button type="button" class="link-button" onClick={() => void props.session.saveNow()}>
            Retry
          </button>
        </Match>
      </Switch>
    </span>
  );
};
