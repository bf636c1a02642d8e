import { createSignal, Show, type Component } from 'solid-js';
import { api, ApiError } from '../lib/api.ts';
import type { CaseSession } from '../stores/case-session.ts';

/** Why a version cannot be named yet, in words, or null when it can. */
function blockedReason(session: CaseSession): string | null {
  const state = session.saveState();
  if (state === 'invalid') {
    const problems = session.draft.validation().issues.all.length;
    return `Your latest edits are not saved: fix the ${problems} problem${problems === 1 ? '' : 's'} shown in the editor first, then save the version.`;
  }
  if (state === 'conflict') return 'Someone saved a newer version: settle the conflict above first, then save the version.';
  if (state === 'error') return 'Your latest edits could not be saved: retry the save first, then save the version.';
  return null;
}

/**
 * Names the saved version with a message ("sent to the CFO"): it first saves pending edits,
 * then names the current version (POST /api/cases/{id}/versions with If-Match). When that
 * version already has a name, it saves a new version of the same document and names that one.
 * Afterwards it reloads the session (`refresh()`), so the history and the version tag follow.
 */
export const SaveVersionDialog: Component<{ session: CaseSession }> = (props) => {
  const [open, setOpen] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  const nameCurrent = async (text: string): Promise<number> => {
    const session = props.session;
    try {
      return (await api.nameVersion(session.id, text, session.etag())).version;
    } catch (caught) {
      if (!(caught instanceof ApiError) || caught.status !== 409) throw caught;
      // Already named (by a decision or an earlier save): keep that name, save a new version through
      // the session (so its version tag follows) and name that one.
      await session.saveNow(text);
      const blocked = blockedReason(session);
      if (blocked) throw new Error(blocked);
      return (await api.nameVersion(session.id, text, session.etag())).version;
    }
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const text = message().trim();
    if (!text) {
      setError('Say what marks this version, for example "sent to the CFO".');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (props.session.saveState() !== 'saved') await props.session.saveNow();
      const blocked = blockedReason(props.session);
      if (blocked) {
        setError(blocked);
        return;
      }
      const version = await nameCurrent(text);
      await props.session.refresh();
      setDone(`Version ${version} saved as “${text}”.`);
      setMessage('');
      setOpen(false);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 412
          ? 'Someone saved a newer version meanwhile. Look at it (reload the page), then save the version again.'
          : caught instanceof ApiError
            ? (caught.problem.detail ?? caught.problem.title)
            : caught instanceof TypeError
              ? `Could not reach the server: ${caught.message}`
              : String((caught as Error)?.message ?? caught),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <span class="save-version" data-testid="save-version">
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="button-secondary"
            onClick={() => {
              setDone(null);
              setError(null);
              setOpen(true);
            }}
          >
            Save version…
          </button>
        }
      >
        <form
          class="save-version-form"
          aria-label="Save a named version"
          style={{ display: 'inline-flex', 'align-items': 'center', gap: '6px', 'flex-wrap': 'wrap' }}
          onSubmit={(event) => void submit(event)}
        >
          <label for="save-version-message" style={{ margin: '0' }}>
            What marks this version?
          </label>
          <input
            id="save-version-message"
            type="text"
            maxLength={500}
            style={{ width: '18em' }}
            placeholder="e.g. sent to the CFO"
            value={message()}
            onInput={(event) => setMessage(event.currentTarget.value)}
            ref={(input) => queueMicrotask(() => input.focus())}
          />
          <button type="submit" disabled={busy()}>
            {busy() ? 'Saving…' : 'Save version'}
          </button>
          <button type="button" class="button-secondary" disabled={busy()} onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      </Show>
      <Show when={error()}>
        <span class="notice notice-error" role="alert">
          {error()}
        </span>
      </Show>
      <Show when={done()}>
        <span class="muted" role="status" style={{ 'margin-left': '8px' }}>
          {done()}
        </span>
      </Show>
    </span>
  );
};
