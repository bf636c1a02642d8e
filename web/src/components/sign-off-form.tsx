import { createSignal, For, Show, type Component } from 'solid-js';
import { CHECKLIST_STATUSES, type CaseChecklistItem, type ChecklistStatus } from '../../../models/case/governance-schema.ts';
import { governanceApi } from '../lib/case-governance-api.ts';
import { STATUS_LABELS } from '../lib/governance-words.ts';
import { ErrorNotice } from './error-notice.tsx';

/** Messages of the form's own checks (the server checks the same and has the last word). */
export const SIGN_OFF_MESSAGES = {
  evidence: 'A met item needs evidence: write what shows it, or give a link (or both).',
  reason: '“Not applicable” needs a reason: say why this item does not apply to the case.',
} as const;

/**
 * Sets an item's status: `met` needs evidence (text and/or link), "not applicable" a reason
 * (and is not offered for an item the tier makes mandatory). The server's refusal (403 naming
 * the function, 422 naming the field) is shown as it says it.
 *
 * @example
 * <SignOffForm caseId="case-1" item={item} mandatory={false} onSigned={refresh} onCancel={close} />
 */
export const SignOffForm: Component<{ caseId: string; item: CaseChecklistItem; mandatory: boolean; onSigned: () => void; onCancel: () => void }> = (props) => {
  const [status, setStatus] = createSignal<ChecklistStatus>(props.item.status === 'notMet' ? 'met' : props.item.status);
  const [text, setText] = createSignal(props.item.evidence?.text ?? '');
  const [link, setLink] = createSignal(props.item.evidence?.link ?? '');
  const [reason, setReason] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const id = (name: string) => `sign-${props.item.id}-${name}`;
  const check = (): string | null => {
    if (status() === 'met' && !text().trim() && !link().trim()) return SIGN_OFF_MESSAGES.evidence;
    if (status() === 'notApplicable' && !reason().trim()) return SIGN_OFF_MESSAGES.reason;
    return null;
  };
  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    setFailure(null);
    const blocked = check();
    setProblem(blocked);
    if (blocked) return;
    const evidence =
      text().trim() || link().trim() ? { ...(text().trim() && { text: text().trim() }), ...(link().trim() && { link: link().trim() }) } : undefined;
    setBusy(true);
    try {
      await governanceApi.signOff(props.caseId, props.item.id, {
        status: status(),
        ...(status() !== 'notApplicable' && evidence && { evidence }),
        ...(status() === 'notApplicable' && { reason: reason().trim() }),
      });
      props.onSigned();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="sign-off-form"
      onSubmit={(event) => void submit(event)}
      data-testid={`sign-off-form-${props.item.id}`}
      aria-label={`Sign off ${props.item.item}`}
    >
      <fieldset>
        <legend>Status</legend>
        <div class="segmented">
          <For each={CHECKLIST_STATUSES.filter((option) => option !== 'notApplicable' || !props.mandatory)}>
            {(option) => (
              <label class="segment" classList={{ selected: status() === option }}>
                <input type="radio" name={id('status')} value={option} checked={status() === option} onChange={() => setStatus(option)} />
                {STATUS_LABELS[option]}
              </label>
            )}
          </For>
        </div>
        <Show when={props.mandatory}>
          <span class="field-hint">Mandatory for the case’s risk tier: it cannot be marked not applicable.</span>
        </Show>
      </fieldset>
      <Show
        when={status() !== 'notApplicable'}
        fallback={
          <div class="field">
            <label for={id('reason')}>Why it does not apply</label>
            <textarea id={id('reason')} rows={2} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
          </div>
        }
      >
        <div class="field">
          <label for={id('evidence')}>Evidence{status() === 'met' ? ' (text and/or link required)' : ' (optional)'}</label>
          <textarea id={id('evidence')} rows={2} value={text()} onInput={(e) => setText(e.currentTarget.value)} placeholder={props.item.evidenceHint ?? ''} />
        </div>
        <div class="field">
          <label for={id('link')}>Evidence link</label>
          <input id={id('link')} type="url" value={link()} onInput={(e) => setLink(e.currentTarget.value)} placeholder="https://…" />
        </div>
      </Show>
      <Show when={problem()}>
        <p class="field-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={failure()}>
        <ErrorNotice error={failure()} />
      </Show>
      <p class="button-row">
        <button type="submit" class="button-primary" disabled={busy()}>
          {busy() ? 'Signing…' : 'Sign off'}
        </button>
        <button type="button" class="button-secondary" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </p>
    </form>
  );
};
